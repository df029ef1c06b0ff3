// Rule stage `caps` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_CAPITALS_H_
#define BYLINE_INDEX_RULES_CAPITALS_H_

#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// A word in capitals that the lists do not know as written ("BAAR,
// SWITZERLAND" under a headline, "The IMPLEMENT stage") is named as the
// lists know it with one capital, and is a place if they know it as one;
// a common word of six letters or more in capitals that they do not
// know is no name (rule 'caps'). Acronyms the lists know ("NASA") stay
// as they are.
// A name in capitals the tagger cut short ("PAKISTAN V NEW ZEALAND" with
// only "ZEALAND" tagged) grows over up to two neighbouring words in
// capitals on each side when the lists know the longer run as a name
// ("New Zealand"), named and typed as the lists know it (rule
// 'capsjoin', run at the start of 'caps').
void JoinCapitals(const ArticleText& a, std::vector<Candidate>* out);

void NameCapitals(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_CAPITALS_H_
