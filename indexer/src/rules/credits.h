// Rule stage `credit` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_CREDITS_H_
#define BYLINE_INDEX_RULES_CREDITS_H_

#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// A picture's credit ("Image: X.", "Photo: X") names who took or gave
// it, a photographer, an account or an agency, not a place: a one-word
// name there that the lists do not know as a place is a person (a user
// name), whatever its form ("Photo: Lindenallee").
void DropCredits(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_CREDITS_H_
