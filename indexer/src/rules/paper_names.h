// Rule stage `papername` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_PAPER_NAMES_H_
#define BYLINE_INDEX_RULES_PAPER_NAMES_H_

#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// A newspaper's last word right after a place ("the Tarnow Times", cut
// into "Tarnow" + "Times" as the GUM style has it) is named by both,
// so that the facets do not count one paper of the many called "Times"
// (rule 'papername').
void NamePapersWithTheirPlace(const ArticleText& a,
                              std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_PAPER_NAMES_H_
