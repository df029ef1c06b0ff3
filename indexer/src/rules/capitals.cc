#include "rules/capitals.h"

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

void NameCapitals(const ArticleText& a, std::vector<Candidate>* out) {
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  // Renames in place; returns true for a candidate to drop.
  const auto rename_or_drop = [&](Candidate& c) {
    if (c.type == EntityType::kDate) return false;
    const std::string_view w = slice(c.range);
    if (w.size() < 4 || !AllUpper(w)) return false;
    const NerTagger::NameFacts as_written = tagger->LookUpName(w);
    if (as_written.person || as_written.org || as_written.place ||
        as_written.gazetteer_org || as_written.gazetteer_place) {
      return false;
    }
    const std::string title = TitleCase(w);
    const NerTagger::NameFacts f = tagger->LookUpName(title);
    const bool common = tagger->LookUpWord(w).common;
    if (f.country || f.city || (f.gazetteer_place && !f.gazetteer_org)) {
      c.type = EntityType::kPlace;
      c.name = title;
      return false;
    }
    if ((f.person || f.org || f.place || f.gazetteer_org) && !common) {
      c.name = title;
      return false;
    }
    // Short capitals may be an acronym that spells a word ("CARE").
    return common && w.size() >= 6;
  };
  std::vector<Candidate> kept;
  kept.reserve(cands.size());
  for (Candidate& c : cands) {
    if (!rename_or_drop(c)) kept.push_back(std::move(c));
  }
  cands = std::move(kept);
}

}  // namespace byline::rules
