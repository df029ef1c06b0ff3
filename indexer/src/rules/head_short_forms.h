// Rule stage `headshort` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_HEAD_SHORT_FORMS_H_
#define BYLINE_INDEX_RULES_HEAD_SHORT_FORMS_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// An institution's head word alone after "the" ("the Church", "the
// Court said") stands for the one organisation in the article whose name
// has that head ("Church of Scientology", "Supreme Court of Cassation"),
// and is named by it (rule 'headshort').
// `by_head_out`: the organisations by the key of their head word;
// `head_short_out`: the keys of the short forms found; `covered_io`: the
// bytes the candidates cover (Covered()), kept up to date.
void FindHeadShortForms(const ArticleText& a, std::vector<Candidate>* out,
                        NamesByPart* by_head_out,
                        std::set<std::string>* head_short_out,
                        std::vector<bool>* covered_io);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_HEAD_SHORT_FORMS_H_
