#include "rules/outlets.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "byline/text.h"
#include "rules/candidate.h"
#include "rules/headed_runs.h"
#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline::rules {

void FindOutlets(std::string_view text, const std::vector<TextRange>& ranges,
                 std::vector<Candidate>* cands) {
  if (!RuleOn("outlet")) return;
  FindHeadedRuns(
      text, ranges,
      [](std::string_view word, std::string_view) {
        return word == "News" || IsNewspaperWord(word);
      },
      EntityType::kOrg, 3, /*run_end=*/true, cands);
}

}  // namespace byline::rules
