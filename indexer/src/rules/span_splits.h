// Rule stages `commasplit` and `ofsplit` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_SPAN_SPLITS_H_
#define BYLINE_INDEX_RULES_SPAN_SPLITS_H_

#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// The tagger learnt from Wikipedia's link spans to tag "Evansville,
// Indiana" as one place; news styles name a town and its state (or
// country) as two places. `commasplit` splits a place's span at its
// commas, each part a place, unless a part is not capitalised, holds
// "and" (a constituency: "Roxburgh, Peebles and Selkirk"), or is "D.C.".
// `ofsplit` splits "Nathan Law of Demosisto" (a person and the body he is
// of) where the tagger made it one name: the span must start with a given
// name that is no common word and have two capitalised words or more
// before "of", the last of them no numeral, title or head of an
// institution ("Charles II of England", "Mary Baker Museum of Art" stay
// whole); it must be a person's span or end with a body's head ("Claudia
// Mo of Civic Party"), and what follows "of" no place the lists know
// ("Shneur Zalman of Liady" stays whole). The part after "of" is an
// organisation.
void SplitJoinedNames(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_SPAN_SPLITS_H_
