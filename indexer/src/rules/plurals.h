// Rule stage `plural` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_PLURALS_H_
#define BYLINE_INDEX_RULES_PLURALS_H_

#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// A plural of a capitalised word that the article also uses in the
// singular is a common noun: a product ("two Lumas", "a Luma") or a
// group of people, not a name.
void DropPlurals(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_PLURALS_H_
