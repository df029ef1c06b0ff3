#include "rules/of_phrases.h"

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
#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline::rules {

void JoinOfPhrases(std::string_view text, const std::vector<TextRange>& ranges,
                   const NerTagger& tagger, std::vector<Candidate>* cands) {
  if (!RuleOn("ofphrase")) return;
  std::vector<Candidate>& cs = *cands;
  for (size_t i = 0; i < cs.size(); ++i) {
    Candidate& c = cs[i];
    const std::string_view head = LastWord(text, c.range);
    const bool geographic = IsGeographicHead(head);
    if (!geographic && !IsInstitutionHead(head)) continue;
    size_t p = c.range.end;
    const size_t limit = RangeEndAt(ranges, c.range.start);
    const auto skip = [&](std::string_view w) {
      if (p + w.size() > limit || text.substr(p, w.size()) != w) return false;
      p += w.size();
      return true;
    };
    if (!skip(" of ") && !skip(" for ")) continue;
    skip("the ");
    const size_t end = CapitalRunEnd(text, p, limit, /*allow_of=*/true);
    if (end == p) continue;
    // A person or place of its own: tagged so (unless WordNet knows the
    // run as an organisation), or a listed place or person.
    const NerTagger::NameFacts facts =
        tagger.LookUpName(text.substr(p, end - p));
    // A place's "of" phrase is part of its name whatever it holds ("the
    // State of Texas", "the Plains of Arafat"; rule 'geoof').
    const bool whole = geographic && RuleOn("geoof");
    bool own_name =
        !whole &&
        (facts.person || (facts.gazetteer_place && !facts.gazetteer_org) ||
         (facts.place && !facts.org && !facts.gazetteer_org));
    size_t j = i + 1;
    for (; j < cs.size() && cs[j].range.start < end; ++j) {
      if (cs[j].range.start < p || cs[j].range.end > end) own_name = true;
      if (!whole &&
          (cs[j].type == EntityType::kPerson ||
           (cs[j].type == EntityType::kPlace && !facts.gazetteer_org))) {
        own_name = true;
      }
    }
    if (own_name) continue;
    SetRange(text, {c.range.start, end}, &c);
    if (geographic) {
      c.type = EntityType::kPlace;
    } else if (c.type == EntityType::kPerson) {
      c.type = EntityType::kOrg;
    }
    cs.erase(cs.begin() + static_cast<ptrdiff_t>(i + 1),
             cs.begin() + static_cast<ptrdiff_t>(j));
  }
}

}  // namespace byline::rules
