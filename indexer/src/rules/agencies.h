// Rule stage `agency` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_AGENCIES_H_
#define BYLINE_INDEX_RULES_AGENCIES_H_

#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// Government agencies named by their portfolio and their country
// ("Statistics Norway", "Sport England"): the portfolio word right
// before a country the tagger tagged makes the two one organisation
// (rule 'agency').
void JoinAgencies(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_AGENCIES_H_
