// Rule stages `belief`, `abbrev` and `currency` of the entity extractor,
// and nationality words, which are no names
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_NON_NAMES_H_
#define BYLINE_INDEX_RULES_NON_NAMES_H_

#include <map>
#include <string>
#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// Nationality words are not names in the CoNLL style ("Australian",
// "the Greeks", "South Korean"), whatever type the tagger gave them.
void DropNonNames(const ArticleText& a,
                  const std::map<std::string, std::string>& acronym_of,
                  std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_NON_NAMES_H_
