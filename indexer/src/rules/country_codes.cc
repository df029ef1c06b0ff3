#include "rules/country_codes.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "byline/text.h"
#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline::rules {

void AddCountryCodes(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  const std::vector<TextRange>& ranges = a.ranges;
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  const size_t tagged = cands.size();
  for (const TextRange& r : ranges) {
    for (size_t i = r.start; i < r.end; ++i) {
      if (i > r.start && IsAlnumByte(text[i - 1])) continue;
      const size_t e = DottedInitialsEnd(text, i, r.end);
      // Two initials at least.
      if (e - i < 4 || (e < r.end && IsAlnumByte(text[e]))) continue;
      const bool covered = std::any_of(
          cands.begin(), cands.begin() + tagged, [&](const Candidate& c) {
            return c.range.start < e && i < c.range.end;
          });
      if (!covered && tagger->LookUpName(text.substr(i, e - i)).country) {
        cands.push_back(
            {EntityType::kPlace, {i, e}, FoldName(text.substr(i, e - i)), ""});
      }
      i = e;
    }
  }
}

}  // namespace byline::rules
