// Rule stage `hyphen` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_HYPHENS_H_
#define BYLINE_INDEX_RULES_HYPHENS_H_

#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// Hyphenated words inside the name of an organisation or place: the
// GUM style splits "Al-Rawda Hotel" at the hyphen and keeps the part
// that holds the name's head, "Rawda Hotel" ("Make-A-Wish Foundation"
// -> "Wish Foundation"). Only the span moves; the canonical name stays
// whole. People's names are left alone: the gold splits some
// ("Lee Cheuk-yan" -> "Lee Cheuk") and not others.
void CutHyphenatedSpans(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_HYPHENS_H_
