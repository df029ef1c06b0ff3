// Rule stage `vehicle` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_VEHICLES_H_
#define BYLINE_INDEX_RULES_VEHICLES_H_

#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// Names of vehicles are not people, organisations or places (CoNLL's
// MISC): a name right after "ship", "shuttle", "vessel" ... ("the
// cruise ship Nordstjerna", "Space Shuttle Tern", "his vessel, the
// Annelie") is dropped, with its
// other mentions in the article; so is a name with a capitalised
// vehicle word inside ("Space Shuttle Tern" tagged whole) and the words
// after it ("Tern"). A name that ends with a number before the kind of
// thing it is ("the Ariane 6 rocket", "the Falcon 9 launcher") names a
// model, and is dropped too (switch `designation`).
void DropVehicles(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_VEHICLES_H_
