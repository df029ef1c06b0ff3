// Rule stage `dateline` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_DATELINES_H_
#define BYLINE_INDEX_RULES_DATELINES_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// A dateline: a paragraph that opens with a place in capitals
// ("HANOI, Vietnam (AP) -", "WASHINGTON -") names that place, whatever
// the tagger made of the capitals; it votes as a place (the extractor
// gives each name the type of most of its mentions), and its
// canonical name is written as the lists know it ("Hanoi"), so it counts
// with the place's other mentions.
// `dateline_name_out`: the datelines' places by key, as the lists write
// them ("Hanoi").
void FindDatelines(const ArticleText& a, std::vector<Candidate>* out,
                   std::map<std::string, std::string>* dateline_name_out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_DATELINES_H_
