// Rule stage `common` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_COMMON_WORDS_H_
#define BYLINE_INDEX_RULES_COMMON_WORDS_H_

#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// A common word is not a name where the article capitalises it only at
// the start of a sentence or a heading ("University exhibits"), and a
// portfolio after a title is not an organisation ("Minister of
// Education").
void DropCommonWords(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_COMMON_WORDS_H_
