#include "rules/org_heads.h"

#include <set>

namespace byline::rules {

bool EndsWithOrgHead(std::string_view name) {
  static const std::set<std::string_view> kHeads = {
      "Agency",      "Alliance",     "Association",  "Associations",
      "Authority",   "Bureau",       "Coalition",    "Commission",
      "Committee",   "Confederation", "Consortium",  "Cooperative",
      "Co-operative", "Council",     "Federation",   "Forum",
      "Foundation",  "Institute",    "League",       "Ministry",
      "Movement",    "Network",      "Party",        "Society",
      "Syndicate",   "Trust"};
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  const size_t space = name.rfind(' ');
  if (space == std::string_view::npos) return false;
  return kHeads.count(name.substr(space + 1)) > 0;
}

}  // namespace byline::rules
