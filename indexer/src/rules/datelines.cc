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

void FindDatelines(const ArticleText& a, std::vector<Candidate>* out,
                   std::map<std::string, std::string>* dateline_name_out) {
  std::map<std::string, std::string>& dateline_name = *dateline_name_out;
  const std::string_view text = a.text;
  const std::vector<TextRange>& ranges = a.ranges;
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  std::set<size_t> starts;
  for (const TextRange& r : ranges) {
    size_t i = r.start;
    while (i < r.end && IsAsciiSpace(text[i])) ++i;
    starts.insert(i);
  }
  for (Candidate& c : cands) {
    if (!starts.count(c.range.start)) continue;
    const std::string_view word = slice(c.range);
    if (word.size() < 3 || std::any_of(word.begin(), word.end(), [](char ch) {
          return !std::isupper(static_cast<unsigned char>(ch)) && ch != ' ';
        })) {
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
    if (tagged_starts.count(start)) continue;
    const size_t limit = RangeEndAt(ranges, start);
    size_t end = start, words = 0;
    for (size_t i = start; i < limit && words < 3;) {
      size_t e = i;
      while (e < limit && std::isupper(static_cast<unsigned char>(text[e])))
        ++e;
      if (e - i < 2 ||
          (e < limit && std::isalnum(static_cast<unsigned char>(text[e])))) {
        break;
      }
      end = e;
      ++words;
      if (e + 1 < limit && text[e] == ' ' &&
          std::isupper(static_cast<unsigned char>(text[e + 1]))) {
        i = e + 1;
        continue;
      }
      break;
    }
    if (words == 0) continue;
    const std::string_view after = text.substr(end, 5);
    if (!after.starts_with(",") && !after.starts_with(" (") &&
        !after.starts_with(" -") && !after.starts_with(" \u2014") &&
        !after.starts_with(" \u2013")) {
      continue;
    }
    const TextRange r{start, end};
    const std::string title = TitleCase(slice(r));
    const auto facts = tagger->LookUpName(title);
    if (!facts.gazetteer_place) continue;
    cands.push_back({EntityType::kPlace, r, FoldName(slice(r)), ""});
    dateline_name[FoldName(slice(r))] = title;
  }
}

}  // namespace byline::rules
