#include "rules/place_nouns.h"

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

void TypeByPlaceNouns(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  static const WordSet kLand = {
      "area",   "region",   "district", "village",   "town",
      "valley", "province", "county",   "peninsula", "desert",
      "basin",  "coast",    "lowlands", "highlands", "plateau"};
  for (Candidate& c : cands) {
    if (c.type != EntityType::kOrg || IsAcronym(slice(c.range)) ||
        Words(text, c.range).size() > 2) {
      continue;
    }
    // The next one or two lowercase words.
    size_t p = c.range.end;
    bool land = false;
    for (int k = 0; k < 2 && !land; ++k) {
      if (p >= text.size() || text[p] != ' ') break;
      size_t e = p + 1;
      while (e < text.size() &&
             std::islower(static_cast<unsigned char>(text[e]))) {
        ++e;
      }
      if (e == p + 1) break;
      land = kLand.count(text.substr(p + 1, e - p - 1)) > 0;
      p = e;
    }
    if (!land) continue;
    const NerTagger::NameFacts facts = tagger->LookUpName(slice(c.range));
    if (!facts.org && !facts.gazetteer_org) c.type = EntityType::kPlace;
  }
}

}  // namespace byline::rules
