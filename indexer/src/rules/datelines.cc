#include "rules/datelines.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "byline/text.h"
#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline::rules {

namespace {

bool IsUpperByte(char c) { return std::isupper(static_cast<unsigned char>(c)); }

// Up to three words in capitals from text[start], separated by single
// spaces, each of two capitals or more and maybe joined inside by a
// hyphen, an apostrophe or a full stop ("AL-AIN", "ST. PETERSBURG"); the
// run is empty if none starts there, and ends before a word that goes on
// in lowercase or digits.
TextRange CapitalsRun(std::string_view text, size_t start, size_t limit) {
  size_t end = start, words = 0;
  for (size_t i = start; i < limit && words < 3;) {
    size_t e = i;
    while (e < limit &&
           (IsUpperByte(text[e]) ||
            (e > i && e + 1 < limit &&
             std::string_view("-'.").find(text[e]) != std::string_view::npos &&
             IsUpperByte(text[e + 1])))) {
      ++e;
    }
    if (e < limit && text[e] == '.' && e > i) ++e;  // "ST."
    size_t letters = 0;
    for (size_t k = i; k < e; ++k) letters += IsUpperByte(text[k]);
    if (letters < 2 ||
        (e < limit && std::isalnum(static_cast<unsigned char>(text[e])))) {
      break;
    }
    end = e;
    ++words;
    if (e + 1 < limit && text[e] == ' ' && IsUpperByte(text[e + 1])) {
      i = e + 1;
      continue;
    }
    break;
  }
  return {start, end};
}

bool IsDigitByte(char c) { return std::isdigit(static_cast<unsigned char>(c)); }

// Whether text[pos, line end) is a date and nothing more, maybe after a
// country or region after a comma: " 1996-08-30", " , United Arab
// Emirates 1996-12-06", ", Spain, May 3", " 3 May 2025".
bool PlaceAndDateFollow(std::string_view text, size_t pos, size_t limit) {
  size_t end = text.find('\n', pos);
  if (end == std::string_view::npos || end > limit) end = limit;
  std::string_view rest = text.substr(pos, end - pos);
  while (!rest.empty() && IsAsciiSpace(rest.back())) rest.remove_suffix(1);
  std::vector<std::string_view> words;
  for (size_t i = 0; i < rest.size();) {
    while (i < rest.size() && rest[i] == ' ') ++i;
    size_t e = i;
    while (e < rest.size() && rest[e] != ' ') ++e;
    if (e > i) words.push_back(rest.substr(i, e - i));
    i = e;
  }
  if (words.empty()) return false;
  const auto iso = [](std::string_view w) {
    return w.size() == 10 && w[4] == '-' && w[7] == '-' &&
           std::all_of(w.begin(), w.end(),
                       [](char c) { return IsDigitByte(c) || c == '-'; });
  };
  const auto number = [](std::string_view w) {
    while (!w.empty() && w.back() == ',') w.remove_suffix(1);
    return !w.empty() && w.size() <= 4 &&
           std::all_of(w.begin(), w.end(), IsDigitByte);
  };
  const auto month = [](std::string_view w) {
    while (!w.empty() && (w.back() == ',' || w.back() == '.'))
      w.remove_suffix(1);
    return IsMonthOrWeekdayWord(w);
  };
  // The date: the last one to three words.
  size_t date = words.size();
  if (iso(words.back())) {
    date = words.size() - 1;
  } else {
    // "3 May 2025", "May 3", "May 3, 2025", "Friday".
    size_t k = words.size();
    while (k > 0 && words.size() - k < 3 &&
           (number(words[k - 1]) || month(words[k - 1]))) {
      --k;
    }
    bool has_month = false;
    for (size_t j = k; j < words.size(); ++j) has_month |= month(words[j]);
    if (has_month) date = k;
  }
  if (date == words.size()) return false;
  if (date == 0) return true;
  // Before the date: a comma, then capitalised words.
  size_t j = 0;
  if (words[0] == ",") {
    j = 1;
  } else if (!rest.starts_with(",")) {
    return false;
  } else {
    words[0].remove_prefix(1);
    if (words[0].empty()) j = 1;
  }
  if (j >= date) return false;
  for (; j < date; ++j) {
    std::string_view w = words[j];
    if (w == ",") continue;
    if (w.back() == ',') w.remove_suffix(1);
    if (w.empty() || !IsUpperByte(w[0])) return false;
  }
  return true;
}

}  // namespace

void FindDatelines(const ArticleText& a, std::vector<Candidate>* out,
                   std::map<std::string, std::string>* dateline_name_out) {
  std::map<std::string, std::string>& dateline_name = *dateline_name_out;
  const std::string_view text = a.text;
  const std::vector<TextRange>& ranges = a.ranges;
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  // Where each paragraph and each line in it starts.
  std::set<size_t> starts;
  for (const TextRange& r : ranges) {
    ForEachLine(text, r, [&](TextRange line) {
      size_t i = line.start;
      while (i < line.end && IsAsciiSpace(text[i])) ++i;
      if (i < line.end) starts.insert(i);
    });
  }
  // A line that is only a place in capitals and a date, as wire copy
  // heads its story ("LONDON 1996-08-30", "AL-AIN , United Arab Emirates
  // 1996-12-06"): the capitals are the place, known to the lists or not.
  for (const size_t start : starts) {
    if (start + 1 >= text.size() || !IsUpperByte(text[start]) ||
        !IsUpperByte(text[start + 1])) {
      continue;
    }
    const size_t limit = RangeEndAt(ranges, start);
    const TextRange caps = CapitalsRun(text, start, limit);
    if (caps.end == caps.start || !PlaceAndDateFollow(text, caps.end, limit))
      continue;
    std::erase_if(cands, [&](const Candidate& c) {
      return c.range.start < caps.end && caps.start < c.range.end;
    });
    const std::string title = TitleCase(slice(caps));
    const std::string key = FoldName(slice(caps));
    cands.push_back({EntityType::kPlace, caps, key, "", true});
    dateline_name[key] = title;
  }
  for (Candidate& c : cands) {
    // A team of a results or standings line ("NEW YORK 98 Chicago 94")
    // keeps its type.
    if (!starts.count(c.range.start) || c.fixed) continue;
    const std::string_view word = slice(c.range);
    if (word.size() < 3 || !IsCapitalsRun(word)) continue;
    // A dateline's place ends at a comma, a bracket, a dash, a date or
    // the line's end; a word after it is a headline's ("CLINTON SAYS").
    size_t next = c.range.end;
    while (next < text.size() && text[next] == ' ') ++next;
    if (next < text.size() && text[next] != '\n' &&
        (std::isalpha(static_cast<unsigned char>(text[next])) ||
         text[next] == '\'')) {
      continue;
    }
    // "NEW YORK" -> "New York".
    const std::string title = TitleCase(word);
    const auto facts = tagger->LookUpName(title);
    if (!facts.gazetteer_place || tagger->LookUpName(word).org) continue;
    c.type = EntityType::kPlace;
    dateline_name[c.key] = title;
  }
  // A dateline the tagger left untagged: up to three words in capitals
  // that open a paragraph and end at a comma, a bracket or a dash
  // ("VALENCIA, Spain (AP) -", "NEW YORK (AP) -"), named as the lists
  // know the place.
  std::set<size_t> tagged_starts;
  for (const Candidate& c : cands) tagged_starts.insert(c.range.start);
  for (const size_t start : starts) {
    if (tagged_starts.count(start) || start + 1 >= text.size() ||
        !IsUpperByte(text[start]) || !IsUpperByte(text[start + 1])) {
      continue;
    }
    const size_t limit = RangeEndAt(ranges, start);
    const size_t end = CapitalsRun(text, start, limit).end;
    if (end == start) continue;
    const std::string_view after = text.substr(end, 5);
    if (!after.starts_with(",") && !after.starts_with(" ,") &&
        !after.starts_with(" (") && !after.starts_with(" -") &&
        !after.starts_with(" \u2014") && !after.starts_with(" \u2013")) {
      continue;
    }
    const TextRange r{start, end};
    const std::string title = TitleCase(slice(r));
    const auto facts = tagger->LookUpName(title);
    if (!facts.gazetteer_place) continue;
    cands.push_back({EntityType::kPlace, r, FoldName(slice(r)), "", true});
    dateline_name[FoldName(slice(r))] = title;
  }
}

}  // namespace byline::rules
