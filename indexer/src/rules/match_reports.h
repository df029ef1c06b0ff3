// Rule `sport`: whether an article is a match report, where a country is
// its team.
#ifndef BYLINE_INDEX_RULES_MATCH_REPORTS_H_
#define BYLINE_INDEX_RULES_MATCH_REPORTS_H_

#include <string_view>

namespace byline::rules {

// A match report: two or more scores ("1 – 0", "3-2") and five or more
// words of sport ("goal", "penalty", "innings" ...). Scores are looked
// for first (dashes are rare), so most articles cost one pass of find().
bool IsSportsReport(std::string_view text);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_MATCH_REPORTS_H_
