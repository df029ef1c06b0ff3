#include "rules/paper_names.h"

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

void NamePapersWithTheirPlace(const ArticleText& a,
                              std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  std::map<size_t, const Candidate*> place_ending;
  for (const Candidate& c : cands) {
    if (c.type == EntityType::kPlace) place_ending[c.range.end] = &c;
  }
  for (Candidate& c : cands) {
    if (c.type != EntityType::kOrg || c.range.start == 0 ||
        text[c.range.start - 1] != ' ' || c.name != slice(c.range) ||
        !IsNewspaperWord(c.name)) {
      continue;
    }
    const auto it = place_ending.find(c.range.start - 1);
    if (it == place_ending.end()) continue;
    c.name = CollapseWhitespace(text.substr(
        it->second->range.start, c.range.end - it->second->range.start));
  }
}

}  // namespace byline::rules
