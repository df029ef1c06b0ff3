#include "rules/agencies.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "byline/text.h"
#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline::rules {

void JoinAgencies(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  static const WordSet kPortfolios = {
      "Agriculture", "Environment", "Finance",   "Fisheries",
      "Health",      "Industry",    "Justice",   "Parks",
      "Sport",       "Statistics",  "Transport", "Employment"};
  for (Candidate& c : cands) {
    if (c.type != EntityType::kPlace || c.range.start < 2 ||
        text[c.range.start - 1] != ' ' ||
        !tagger->LookUpName(slice(c.range)).country) {
      continue;
    }
    size_t s = c.range.start - 1;
    while (s > 0 && !IsAsciiSpace(text[s - 1])) --s;
    // After an opening quote or bracket too.
    for (std::string_view open : {"\"", "\u201c", "("}) {
      if (text.substr(s, open.size()) == open) s += open.size();
    }
    if (!kPortfolios.count(text.substr(s, c.range.start - 1 - s))) continue;
    c.type = EntityType::kOrg;
    c.range.start = s;
    c.name = CollapseWhitespace(slice(c.range));
    c.key = FoldName(c.name);
  }
}

}  // namespace byline::rules
