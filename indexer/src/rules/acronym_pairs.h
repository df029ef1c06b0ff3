// Rule stages `acrrun`, `acrfirst`, `acrany`, `acronym` and `dotted` of
// the entity extractor (entity_extractor.cc runs the stages in order):
// the acronyms an article pairs with the names they stand for.
#ifndef BYLINE_INDEX_RULES_ACRONYM_PAIRS_H_
#define BYLINE_INDEX_RULES_ACRONYM_PAIRS_H_

#include <map>
#include <string>
#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// Acronyms the article pairs with their expansion: "Expansion (ACR)"
// after a tagged name whose initials spell it, and the rules below for
// names the tagger cut or missed; each acronym becomes a candidate of its
// name's type. `acronym_of_out`: the acronym by the key of its expansion
// (and by its own key); `name_at_out`: where its expansion starts, by the
// acronym's key.
void PairAcronyms(const ArticleText& a, std::vector<Candidate>* out,
                  std::map<std::string, std::string>* acronym_of_out,
                  std::map<std::string, size_t>* name_at_out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_ACRONYM_PAIRS_H_
