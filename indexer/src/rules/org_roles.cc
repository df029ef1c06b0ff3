#include "rules/org_roles.h"

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

void TypeNamesBeforeOffices(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  static const WordSet kOffices = {
      "founder",    "co-founder", "cofounder",   "CEO",          "chairman",
      "chairwoman", "spokesman",  "spokeswoman", "spokesperson", "owner",
      "co-owner",   "executive",  "chief"};
  std::set<std::string> orgs, org_names;  // keys, canonical names
  for (const Candidate& c : cands) {
    if (c.type == EntityType::kOrg || c.type == EntityType::kDate) continue;
    size_t p = c.range.end;
    if (p >= text.size() || text[p] != ' ') continue;
    size_t e = p + 1;
    while (e < text.size() && !IsAsciiSpace(text[e])) ++e;
    if (!kOffices.count(text.substr(p + 1, e - p - 1)) || e >= text.size() ||
        text[e] != ' ' || !IsUpperInitial(text.substr(e + 1))) {
      continue;
    }
    const NerTagger::NameFacts f = tagger->LookUpName(slice(c.range));
    if (f.country || f.city || f.gazetteer_place ||
        tagger->LookUpWord(slice(c.range)).demonym) {
      continue;
    }
    orgs.insert(c.key);
    org_names.insert(c.name);  // "Afghan Taliban" for its "Taliban"
  }
  for (Candidate& c : cands) {
    if (orgs.count(c.key) || org_names.count(c.name)) {
      c.type = EntityType::kOrg;
    }
  }
}

}  // namespace byline::rules
