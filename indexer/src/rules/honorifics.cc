#include "rules/honorifics.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "byline/text.h"
#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline::rules {

void AddNamesAfterHonorifics(const ArticleText& a,
                             std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  const std::vector<TextRange>& ranges = a.ranges;
  const std::vector<std::vector<TextRange>>& range_words = a.range_words;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  const auto add = [&](EntityType type, TextRange r) {
    AddCandidate(a, type, r, out);
  };
  static const WordSet kHonorifics = {
      "Mr", "Mr.", "Mrs",  "Mrs.", "Ms",    "Ms.",
      "Dr", "Dr.", "Miss", "Prof", "Prof.", "Professor"};
  // Royal and religious titles too ("King Felipe VI", "Pope Leo"),
  // but not inside a name ("Stephen King Jr.") nor before a building,
  // a place or an institution named after someone ("Queen Mary
  // Hospital", "Prince Edward Island"; rule 'royal').
  static const WordSet kRoyal = {
      "King", "Queen",  "Prince",  "Princess",
      "Pope", "Sheikh", "Emperor", "Empress"};
  for (size_t k = 0; k < ranges.size(); ++k) {
    const TextRange r = ranges[k];
    const std::vector<TextRange>& ws = range_words[k];
    for (size_t i = 0; i < ws.size(); ++i) {
      const TextRange& w = ws[i];
      const bool royal = kRoyal.count(slice(w)) > 0 && RuleOn("royal");
      if ((!kHonorifics.count(slice(w)) && !royal) || w.end + 1 >= r.end ||
          text[w.end] != ' ') {
        continue;
      }
      const size_t end = CapitalRunEnd(text, w.end + 1, r.end, false, 3);
      if (end <= w.end + 1) continue;
      if (royal) {
        if (i > 0 && IsUpperInitial(slice(ws[i - 1])) &&
            !AfterSentenceEnd(text, w.start)) {
          continue;
        }
        const std::string_view last = LastWord(text, {w.end + 1, end});
        if (last == "Jr." || last == "Sr." || IsInstitutionHead(last) ||
            IsGeographicHead(last) || IsFacilityHead(last, "", false)) {
          continue;
        }
      }
      add(EntityType::kPerson, {w.end + 1, end});
    }
  }
}

}  // namespace byline::rules
