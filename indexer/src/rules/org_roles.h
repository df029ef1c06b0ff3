// Rule stage `orgrole` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_ORG_ROLES_H_
#define BYLINE_INDEX_RULES_ORG_ROLES_H_

#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// A name right before an organisation's office and a person ("Velmor
// founder Ada Lind", "Tarsk Mills CEO Jon Berg") is an organisation,
// in all its mentions, whatever the tagger made of it; not a place
// ("Arvian Foreign Minister" is a country's) (rule 'orgrole').
void TypeNamesBeforeOffices(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_ORG_ROLES_H_
