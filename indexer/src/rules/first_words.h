// Rule stage `heads` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_FIRST_WORDS_H_
#define BYLINE_INDEX_RULES_FIRST_WORDS_H_

#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// Words a name starts with that tell its kind: a foreign institution's
// head ("Instituto X", an organisation), a saint ("Santo X", a place),
// a street ("Via X", "Xstrasse"); and an institution's head alone
// before "of" ("the Municipality of X": the council, not the town).
void TypeByFirstWords(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_FIRST_WORDS_H_
