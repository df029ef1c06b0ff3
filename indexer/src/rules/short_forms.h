// Rule stages `placeshort`, `partyshort` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_SHORT_FORMS_H_
#define BYLINE_INDEX_RULES_SHORT_FORMS_H_

#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// A place named by the first word of a longer place name in the same
// article ("North Korea" ... "the North") is that place.
void NamePlacesByFirstWord(const ArticleText& a, std::vector<Candidate>* out);

// A one-word organisation that opens the name of the one party of the
// article ("Labour" ... "the Labour Party") is that party (rule
// 'partyshort').
void NamePartiesByFirstWord(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_SHORT_FORMS_H_
