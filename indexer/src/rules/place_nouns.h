// Rule stage `placenoun` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_PLACE_NOUNS_H_
#define BYLINE_INDEX_RULES_PLACE_NOUNS_H_

#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// A name before a common noun for a piece of land is that place: "the
// Dravna region", "the Kestel training area" (not an organisation the
// lists know, nor an acronym: "the NATO area" stays).
void TypeByPlaceNouns(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_PLACE_NOUNS_H_
