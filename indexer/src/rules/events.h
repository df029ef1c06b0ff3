// Rule stage `event` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_EVENTS_H_
#define BYLINE_INDEX_RULES_EVENTS_H_

#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// Events are not names (CoNLL's MISC), but the name they are named after
// is: a name ending with an event's head ("Fair", "Festival", "Expo",
// "Cup" ...) whose first words are a name of their own, tagged alone in
// the article or known to the lists and not a common word, is that name
// ("the Nordel Science Fair" -> "Nordel"). Other events are left as
// tagged, but for wars, which are dropped.
void NameEventsByTheirName(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_EVENTS_H_
