// Rule stage `acrper` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_PERSON_ACRONYMS_H_
#define BYLINE_INDEX_RULES_PERSON_ACRONYMS_H_

#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// An acronym in "<person> of <ACRONYM>" or "<ACRONYM>'s <person>" is
// the person's party, club or company: "Ana Lind of the PDU".
void TypePersonAcronyms(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_PERSON_ACRONYMS_H_
