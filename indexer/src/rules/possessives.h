// Rule stages `possessive`, `posshead` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_POSSESSIVES_H_
#define BYLINE_INDEX_RULES_POSSESSIVES_H_

#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// An organisation whose name holds a possessive is one name: "Korean
// People's Army" is not the possessor "Korean People" and an "Army".
// Only a one-word head after the possessive joins, and never after an
// acronym ("NATO's Army" keeps NATO as a name of its own).
void JoinPossessiveNames(const ArticleText& a, std::vector<Candidate>* out);

// The span of such a name is its head after the possessive, as the GUM
// style ends a name's run there ("Army" of "Korean People's Army"); the
// canonical name stays whole (rule 'posshead').
void CutPossessiveSpans(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_POSSESSIVES_H_
