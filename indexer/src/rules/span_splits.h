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
// `ofsplit` splits "Nathan Law of Demosisto" (a person and the body or
// place he is of) where the tagger made it one name: the span must start
// with a given name and two capitalised words or more before "of", the
// last of them no numeral or head of an institution ("Charles II of
// England", "Mary Baker Museum of Art" stay whole). What follows "of" is
// a place if the lists know it as one and no organisation, else an
// organisation.
void SplitJoinedNames(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_SPAN_SPLITS_H_
