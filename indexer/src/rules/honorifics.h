// Rule stage `honorific` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_HONORIFICS_H_
#define BYLINE_INDEX_RULES_HONORIFICS_H_

#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// The name after an honorific is a person's, tagged or not: "Mr.
// Lindqvist", "Dr Ana Berg".
void AddNamesAfterHonorifics(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_HONORIFICS_H_
