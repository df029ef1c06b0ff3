#include "rules/org_heads.h"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "byline/text.h"
#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline::rules {

bool EndsWithOrgHead(std::string_view name) {
  static const std::set<std::string_view> kHeads = {
      "Agency",       "Alliance",      "Association", "Associations",
      "Authority",    "Bureau",        "Coalition",   "Commission",
      "Committee",    "Confederation", "Consortium",  "Cooperative",
      "Co-operative", "Council",       "Federation",  "Forum",
      "Foundation",   "Institute",     "League",      "Ministry",
      "Movement",     "Network",       "Party",       "Society",
      "Syndicate",    "Trust"};
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  const size_t space = name.rfind(' ');
  if (space == std::string_view::npos) return false;
  return kHeads.count(name.substr(space + 1)) > 0;
}

void TypeByOrgHeads(const ArticleText& a, std::vector<Candidate>* out) {
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  for (Candidate& c : cands) {
    if (c.type != EntityType::kOrg && c.type != EntityType::kDate &&
        EndsWithOrgHead(slice(c.range))) {
      c.type = EntityType::kOrg;
    }
  }
}

}  // namespace byline::rules
