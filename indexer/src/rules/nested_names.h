// Rule stage `nested` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_NESTED_NAMES_H_
#define BYLINE_INDEX_RULES_NESTED_NAMES_H_

#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// Nested names, as the CoNLL and GUM styles cut them: an organisation or
// place whose name starts with a known place or with a person of the
// article is two mentions, "Oslo" (place) + "City Council" (the
// organisation) for "Oslo City Council". The outer mention's span is the
// rest but its canonical name stays the whole name, so facets and name
// searches still see "Oslo City Council". A leading nationality word is
// not cut off: "Danish Film Board" stays one span (the GUM news gold
// cuts two such names and keeps two whole).
// `full_by_last`: the article's people by the key of their last word.
void CutNestedNames(const ArticleText& a, const NamesByPart& full_by_last,
                    std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_NESTED_NAMES_H_
