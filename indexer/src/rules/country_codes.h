// Rule stage `countrycode` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_COUNTRY_CODES_H_
#define BYLINE_INDEX_RULES_COUNTRY_CODES_H_

#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// A country's dotted code the tagger left out is that country: "the
// U.K.", "U.S." (rule 'countrycode'; the lists know them as countries).
// Other dotted initials the tagger left out are the body the lists know
// by the same initials undotted: "the U.N." as "UN" (rule 'dottedorg').
void AddCountryCodes(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_COUNTRY_CODES_H_
