// Rule stage `qualified` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_QUALIFIED_NAMES_H_
#define BYLINE_INDEX_RULES_QUALIFIED_NAMES_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// An organisation named once with a qualifier in front and elsewhere
// without it ("UN Security Council" ... "the Security Council", "British
// Foreign Office" ... "the Foreign Office"): the qualifier is a country,
// a nationality or an acronym the lists know as a body or place ("UN",
// "EU"; not a brand: "LEGO Star Wars" leaves "Star Wars" alone), and only
// one such longer name is in the article.
// `qualified_out`: organisations by the key of what follows the
// qualifier.
void FindQualifiedNames(const ArticleText& a, std::vector<Candidate>* out,
                        NamesByPart* qualified_out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_QUALIFIED_NAMES_H_
