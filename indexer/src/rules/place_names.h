// Rule stages `placelink` and `theplace`: place names of more than one
// name.
//   - `placelink`: two places joined by a linking word of the place's own
//     language are one place: "Vila Nova de Gaia", "Frankfurt am Main",
//     "Newcastle upon Tyne", "Castiglione della Pescaia". The tagger often
//     cuts them at the small word into two places.
//   - `theplace`: a place whose "The" is written with a capital inside a
//     sentence ("the court in The Hague", "fighting in The Gambia") keeps
//     it in its name, in all its mentions in the article.
// Pure text.
#ifndef BYLINE_INDEX_RULES_PLACE_NAMES_H_
#define BYLINE_INDEX_RULES_PLACE_NAMES_H_

#include <string_view>

#include "rules/candidate.h"

namespace byline::rules {

// Whether `w` links two parts of one place's name: "de", "da", "do",
// "dos", "das", "del", "della", "di", "du", "des", "sur", "am", "im",
// "upon" (lower case only; not English "on", "of" or "an").
bool IsPlaceLinkWord(std::string_view w);

// A place whose "The" has a capital inside a sentence ("in The Hague")
// keeps it, in all its mentions (rules/place_names.h).
void KeepCapitalThe(const ArticleText& a, std::vector<Candidate>* out);

// Two places joined by a linking word of their language are one place:
// "Vila Nova" + "de" + "Gaia" (rules/place_names.h).
void JoinLinkedPlaces(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_PLACE_NAMES_H_
