// Rule stage `gazorg` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_LISTED_ORGS_H_
#define BYLINE_INDEX_RULES_LISTED_ORGS_H_

#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// A word the lists know only as an organisation (a WordNet one, never
// a person or place in the training data, not a common word or a given
// name) is that organisation where the tagger left it untagged: a
// movement or body the training text never named ("Interpol",
// "Mossad"). Before a hyphen and a lowercase word it is too
// ("Interpol-led").
void AddListedOrganisations(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_LISTED_ORGS_H_
