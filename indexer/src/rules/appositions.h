// Rule stage `appos` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_APPOSITIONS_H_
#define BYLINE_INDEX_RULES_APPOSITIONS_H_

#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// A name in apposition to a common noun for an organisation is one:
// "the magazine Nordlys", "the schools Santo Marco and Aurora" (also
// when the tagger missed it or took it for a person).
// A name restated after another, between commas ("the Supreme Court of
// the Netherlands, the Hoge Raad, which ..."), is the same kind of thing:
// an organisation restated is one, whatever the tagger took the second
// name for (rule 'restate', run in the 'appos' stage).
void TypeRestatedNames(const ArticleText& a, std::vector<Candidate>* out);

void TypeByApposition(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_APPOSITIONS_H_
