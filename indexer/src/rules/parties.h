// Rule stage `party` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_PARTIES_H_
#define BYLINE_INDEX_RULES_PARTIES_H_

#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// A party named with a lowercase "party" ("the Republican party",
// "the Labour party") is that party, an organisation, whatever the
// tagger made of its adjective (rule 'party'); so is a party named by
// its members in the plural ("the opposition Social Democrats").
void AddParties(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_PARTIES_H_
