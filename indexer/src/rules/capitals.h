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

// A line written in capitals (a wire headline: "ISRAEL APPROVES HOMES
// NEAR JERUSALEM", "BRITISH AIRWAYS SEEKS APPROVAL"), where the tagger,
// which reads case, finds little: runs of up to three words there that
// no candidate covers are names when the lists know them with capitals
// at the start of each word, longest first: a country always, a town, a
// listed place, an organisation or a person's name when the word in
// lower case is not a common word ("TALKS", "NATAL") or a nationality
// ("JAPANESE") (rule 'capsfind', run at the end of 'caps').
void FindCapitalsNames(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_CAPITALS_H_
