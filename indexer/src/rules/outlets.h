// Rule `outlet`: news outlets the tagger missed ("the Tarnow Herald").
#ifndef BYLINE_INDEX_RULES_OUTLETS_H_
#define BYLINE_INDEX_RULES_OUTLETS_H_

#include <vector>

#include "byline/passage.h"
#include "byline/text.h"
#include "rules/candidate.h"

namespace byline::rules {

// News outlets the tagger missed: an untagged run of up to three
// capitalised words that ends with "News" or a newspaper's last word and
// ends the run: "the Deseret News observed", "told Tarnow Evening Courier".
void FindOutlets(std::string_view text, const std::vector<TextRange>& ranges,
                 std::vector<Candidate>* cands);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_OUTLETS_H_
