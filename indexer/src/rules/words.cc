#include "rules/words.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "byline/text.h"
#include "rules/candidate.h"
#include "rules/word_lists.h"

namespace byline::rules {

WordSet::WordSet(const std::vector<std::string_view>& words) {
  size_t cap = 8;
  while (cap < words.size() * 2) cap <<= 1;
  slots_.assign(cap, std::string_view());
  mask_ = cap - 1;
  for (std::string_view w : words) {
    if (w.data() == nullptr) w = std::string_view("", 0);
    lengths_ |= uint64_t{1} << std::min<size_t>(w.size(), 63);
    size_t i = Hash(w) & mask_;
    while (slots_[i].data() != nullptr && slots_[i] != w) i = (i + 1) & mask_;
    slots_[i] = w;
  }
}

bool AllUpper(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char ch) {
    return std::isupper(static_cast<unsigned char>(ch)) != 0;
  });
}

bool IsCapitalsRun(std::string_view w) {
  return !w.empty() && w.front() != ' ' &&
         std::all_of(w.begin(), w.end(), [](char c) {
           return std::isupper(static_cast<unsigned char>(c)) || c == ' ';
         });
}

bool IsCapitalsLine(std::string_view text, TextRange line) {
  // Stops at the first lowercase letter: most lines have one early.
  size_t upper = 0;
  for (size_t i = line.start; i < line.end; ++i) {
    if (std::islower(static_cast<unsigned char>(text[i]))) return false;
    upper += std::isupper(static_cast<unsigned char>(text[i])) != 0;
  }
  return upper >= 4;
}

bool IsAlnumByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) ||
         static_cast<unsigned char>(c) >= 0x80;  // letters of other scripts
}

size_t DottedInitialsEnd(std::string_view text, size_t i, size_t end) {
  while (i + 1 < end && std::isupper(static_cast<unsigned char>(text[i])) &&
         text[i + 1] == '.') {
    i += 2;
  }
  return i;
}

std::vector<TextRange> Words(std::string_view text, TextRange r) {
  std::vector<TextRange> words;
  size_t i = r.start;
  while (i < r.end) {
    while (i < r.end && IsAsciiSpace(text[i])) ++i;
    const size_t s = i;
    while (i < r.end && !IsAsciiSpace(text[i])) ++i;
    if (i > s) words.push_back({s, i});
  }
  return words;
}

bool AfterSentenceEnd(std::string_view text, size_t pos) {
  size_t i = pos;
  while (i > 0 && (IsAsciiSpace(text[i - 1]) || text[i - 1] == '"' ||
                   text[i - 1] == '(')) {
    if (text[i - 1] == '\n') return true;
    --i;
  }
  if (i >= 3 && (text.substr(i - 3, 3) == "\u201c" ||
                 text.substr(i - 3, 3) == "\u2014")) {
    return AfterSentenceEnd(text, i - 3);
  }
  return i == 0 ||
         std::string_view(".!?:").find(text[i - 1]) != std::string_view::npos;
}

bool IsArticleBeforeName(std::string_view text, TextRange w) {
  const std::string_view word = text.substr(w.start, w.size());
  return word == "the" || word == "The" ||
         ((word == "A" || word == "An") && AfterSentenceEnd(text, w.start));
}

std::string Initials(std::string_view s, bool digits) {
  std::string out;
  bool at_word = true;
  for (char c : s) {
    if (IsAsciiSpace(c) || c == '-') {
      at_word = true;
      continue;
    }
    const auto u = static_cast<unsigned char>(c);
    if (at_word && (std::isupper(u) || (digits && std::isdigit(u)))) out += c;
    at_word = false;
  }
  return out;
}

bool IsAcronym(std::string_view s) {
  if (s.size() < 2 || s.size() > 10) return false;
  size_t upper = 0;
  for (char c : s) {
    if (std::isupper(static_cast<unsigned char>(c))) {
      ++upper;
    } else if (!std::islower(static_cast<unsigned char>(c)) && c != '&') {
      return false;
    }
  }
  return upper >= 2 && std::isupper(static_cast<unsigned char>(s[0]));
}

bool IsUpperInitial(std::string_view w) {
  if (w.empty()) return false;
  const auto c = static_cast<unsigned char>(w[0]);
  if (c >= 'A' && c <= 'Z') return true;
  // Latin-1 capitals, U+00C0..U+00DE (not U+00D7).
  return c == 0xC3 && w.size() > 1 &&
         static_cast<unsigned char>(w[1]) >= 0x80 &&
         static_cast<unsigned char>(w[1]) <= 0x9E &&
         static_cast<unsigned char>(w[1]) != 0x97;
}

std::string TitleCase(std::string_view capitals) {
  std::string out(capitals);
  for (size_t i = 1; i < out.size(); ++i) {
    // A word starts after a space, and a part after a hyphen or an
    // apostrophe ("AL-AIN" -> "Al-Ain", "O'HARE" -> "O'Hare").
    if (out[i - 1] == ' ' || out[i - 1] == '-' || out[i - 1] == '\'') continue;
    out[i] =
        static_cast<char>(std::tolower(static_cast<unsigned char>(out[i])));
  }
  return out;
}

std::string_view LastWord(std::string_view text, TextRange r) {
  std::string_view s = text.substr(r.start, r.size());
  const size_t sp = s.find_last_of(" \t\n\r");
  return sp == std::string_view::npos ? s : s.substr(sp + 1);
}

std::string_view WordBeforeLast(std::string_view text, TextRange r) {
  std::string_view s = text.substr(r.start, r.size());
  size_t sp = s.find_last_of(" \t\n\r");
  if (sp == std::string_view::npos) return "";
  s = s.substr(0, sp);
  sp = s.find_last_of(" \t\n\r");
  return sp == std::string_view::npos ? s : s.substr(sp + 1);
}

std::string_view WordCore(std::string_view w, bool* cut) {
  const size_t size = w.size();
  for (std::string_view suffix : {"\u2019s", "'s"}) {
    if (w.size() > suffix.size() &&
        w.substr(w.size() - suffix.size()) == suffix) {
      w.remove_suffix(suffix.size());
      break;
    }
  }
  while (!w.empty()) {
    // Closing quotes (three bytes in UTF-8) and ASCII punctuation.
    if (w.size() > 3 && (w.substr(w.size() - 3) == "\u201d" ||
                         w.substr(w.size() - 3) == "\u2019")) {
      w.remove_suffix(3);
      continue;
    }
    if (std::string_view(",;:.!?\"')]").find(w.back()) ==
        std::string_view::npos) {
      break;
    }
    // Keep the dot of an abbreviation ("U.S.", "St.").
    if (w.back() == '.' && w.size() >= 3 && w[w.size() - 3] == '.') break;
    w.remove_suffix(1);
  }
  *cut = w.size() != size;
  return w;
}

size_t CapitalRunEnd(std::string_view text, size_t pos, size_t limit,
                     bool allow_of, size_t max_words) {
  size_t end = pos;
  size_t i = pos;
  size_t words = 0;
  bool after_of = false;
  while (i < limit && words < max_words) {
    size_t e = i;
    while (e < limit && !IsAsciiSpace(text[e])) ++e;
    const std::string_view w = text.substr(i, e - i);
    bool unused;
    const std::string_view bare = WordCore(w, &unused);
    // Months, days and titles end a name: "the Museum of Natural History
    // CEO". After "of" a portfolio may start one: "Ministry of Health".
    if (IsUpperInitial(w) && !IsMonthOrWeekdayWord(bare) &&
        (!IsTitleWord(bare) || (allow_of && words == 0))) {
      bool cut = false;
      const std::string_view core = WordCore(w, &cut);
      if (core.empty()) break;
      end = i + core.size();
      ++words;
      after_of = false;
      if (cut || e >= limit || text[e] != ' ') break;
      i = e + 1;
      continue;
    }
    if (allow_of && end > pos && (w == "of" || (w == "the" && after_of)) &&
        e < limit && text[e] == ' ') {
      after_of = w == "of";
      i = e + 1;  // counts only if a capitalised word follows
      continue;
    }
    break;
  }
  return end;
}

size_t RangeEndAt(const std::vector<TextRange>& ranges, size_t pos) {
  if (ranges.empty()) return pos;
  const TextRange& title = ranges.front();
  if (pos >= title.start && pos < title.end) return title.end;
  auto after = std::upper_bound(
      ranges.begin() + 1, ranges.end(), pos,
      [](size_t p, const TextRange& r) { return p < r.start; });
  if (after == ranges.begin() + 1) return pos;
  const TextRange& r = *std::prev(after);
  return pos >= r.start && pos < r.end ? r.end : pos;
}

bool AtSentenceStart(std::string_view text, TextRange range, size_t pos) {
  size_t i = pos;
  while (i > range.start && IsAsciiSpace(text[i - 1])) --i;
  if (i == range.start) return true;
  const char c = text[i - 1];
  if (std::string_view(".!?:\"(").find(c) != std::string_view::npos) {
    return true;
  }
  // Curly opening quote (U+201C) or a dash (U+2014) before the word.
  return i >= range.start + 3 && (text.substr(i - 3, 3) == "\u201c" ||
                                  text.substr(i - 3, 3) == "\u2014");
}

bool IsBracketAcronym(std::string_view s) {
  if (s.size() < 2 || s.size() > 8 ||
      !std::isupper(static_cast<unsigned char>(s[0]))) {
    return false;
  }
  size_t upper = 0;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isupper(u)) {
      ++upper;
    } else if (!std::isdigit(u)) {
      return false;
    }
  }
  return upper >= 2;
}

bool SameLetters(std::string a, std::string b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return a == b;
}

std::vector<std::string> LastWordsLower(std::string_view text, size_t n,
                                        bool (*in_word)(char)) {
  std::vector<std::string> words;
  size_t end = text.size();
  while (words.size() < n) {
    if (end == 0 || text[end - 1] != ' ') break;
    size_t start = end - 1;
    while (start > 0 && in_word(text[start - 1])) --start;
    if (start == end - 1) break;
    words.push_back(AsciiLower(text.substr(start, end - 1 - start)));
    end = start;
  }
  return words;
}

}  // namespace byline::rules
