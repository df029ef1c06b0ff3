#include "rules/facilities.h"

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
#include "rules/headed_runs.h"
#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline::rules {

void JoinFacilities(std::string_view text, const std::vector<TextRange>& ranges,
                    std::vector<Candidate>* cands) {
  if (!RuleOn("facility")) return;
  std::vector<Candidate>& cs = *cands;
  for (size_t i = 0; i < cs.size(); ++i) {
    Candidate& c = cs[i];
    const size_t limit = RangeEndAt(ranges, c.range.start);
    // The capitalised words right after the name, up to a facility head.
    size_t p = c.range.end;
    if (p + 1 < limit && text[p] == ' ' && RuleOn("facjoin")) {
      const size_t end = CapitalRunEnd(text, p + 1, limit, false, 4);
      const TextRange run{p + 1, end};
      bool ok =
          end > p + 1 &&
          IsFacilityHead(LastWord(text, run),
                         WordBeforeLast(text, {c.range.start, end}),
                         /*strict=*/run.size() == LastWord(text, run).size());
      size_t j = i + 1;
      for (; ok && j < cs.size() && cs[j].range.start < end; ++j) {
        if (cs[j].range.end > end || cs[j].type == EntityType::kPerson) {
          ok = false;
        }
      }
      if (ok) {
        SetRange(text, {c.range.start, end}, &c);
        c.type = EntityType::kPlace;
        cs.erase(cs.begin() + static_cast<ptrdiff_t>(i + 1),
                 cs.begin() + static_cast<ptrdiff_t>(j));
        continue;
      }
    }
    const std::string_view head = LastWord(text, c.range);
    if (head.size() == c.range.size()) continue;  // one word: "Hall", "Park"
    if (IsFacilityHead(head, WordBeforeLast(text, c.range),
                       /*strict=*/c.type == EntityType::kPerson)) {
      c.type = EntityType::kPlace;
    }
  }
}

void FindFacilities(std::string_view text, const std::vector<TextRange>& ranges,
                    std::vector<Candidate>* cands) {
  if (!RuleOn("facfind")) return;
  FindHeadedRuns(
      text, ranges,
      [](std::string_view word, std::string_view before) {
        return IsFacilityHead(word, before, /*strict=*/true);
      },
      EntityType::kPlace, 3, /*run_end=*/false, cands);
}

}  // namespace byline::rules
