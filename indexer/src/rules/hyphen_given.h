// Rule stage `hyphengiven` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_HYPHEN_GIVEN_H_
#define BYLINE_INDEX_RULES_HYPHEN_GIVEN_H_

#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// Chinese and Korean names written surname first with a hyphenated
// given name: "Lam Wai-keung", "Kim Jong-un". The tagger often stops
// at the surname.
void AddHyphenatedGivenNames(const ArticleText& a, std::vector<Candidate>* out);

// A person tagged by the surname alone takes the given name right before
// it where the given name is also a common word the tagger read as one
// ("England named Will Carling", "signed Mark Hughes"): capitalised
// inside a sentence, a given name by the lists, no title, month or day
// (rule 'givenjoin').
void JoinGivenNames(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_HYPHEN_GIVEN_H_
