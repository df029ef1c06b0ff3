// Rule stage `bylineplace` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_BYLINES_H_
#define BYLINE_INDEX_RULES_BYLINES_H_

#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// A byline line with fields ("By Ada Lind | Tarsk | 3 May 2025", fields
// split by "|", "·" or "•") names the writer, then where the story was
// filed: a field after the first that is no date is a place when the
// lists know it as one, or when a name was found there that the lists do
// not know as an organisation ("Andøya", which the tagger took for a
// person). That place is then the type of every mention of the name in
// the article, as one dateline is worth more than a guess elsewhere.
void TypeBylinePlaces(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_BYLINES_H_
