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
      // Two initials at least: "X.Y." (the cheapest test first).
      if (i + 3 >= r.end || text[i + 1] != '.' || text[i + 3] != '.') continue;
      if (i > r.start && IsAlnumByte(text[i - 1])) continue;
      const size_t e = DottedInitialsEnd(text, i, r.end);
      // Two initials at least.
      if (e - i < 4 || (e < r.end && IsAlnumByte(text[e]))) continue;
      const bool covered = std::any_of(
          cands.begin(), cands.begin() + tagged, [&](const Candidate& c) {
            return c.range.start < e && i < c.range.end;
          });
      const std::string_view code = text.substr(i, e - i);
      if (!covered && tagger->LookUpName(code).country) {
        cands.push_back({EntityType::kPlace, {i, e}, FoldName(code), ""});
      } else if (!covered && RuleOn("dottedorg")) {
        // "U.N." for "UN", as the lists know the body by its initials.
        std::string initials;
        for (const char c : code) {
          if (c != '.') initials += c;
        }
        const NerTagger::NameFacts f = tagger->LookUpName(initials);
        // The WordNet list of bodies, not the training data's names, which
        // know "AI" and "MP" too.
        if (f.gazetteer_org && !f.person && !f.place && !f.gazetteer_place) {
          cands.push_back({EntityType::kOrg, {i, e}, FoldName(code), ""});
        }
      }
      i = e;
    }
  }
}

}  // namespace byline::rules
