#include "rules/person_acronyms.h"

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

void TypePersonAcronyms(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  std::vector<Candidate> added;
  std::vector<bool> taken(text.size() + 1, false);
  for (const Candidate& c : cands) {
    for (size_t i = c.range.start; i < c.range.end; ++i) taken[i] = true;
  }
  const auto acronym_at = [&](size_t i) {
    size_t e = i;
    while (e < text.size() && IsAlnumByte(text[e])) ++e;
    const std::string_view w = text.substr(i, e - i);
    if (w.size() < 2 || w.size() > 6 || !IsAcronym(w) || taken[i]) {
      return TextRange{i, i};
    }
    for (char ch : w) {
      if (!std::isupper(static_cast<unsigned char>(ch))) return TextRange{i, i};
    }
    const NerTagger::NameFacts facts = tagger->LookUpName(w);
    if (facts.gazetteer_place || facts.country || facts.place) {
      return TextRange{i, i};
    }
    return TextRange{i, e};
  };
  for (const Candidate& c : cands) {
    if (c.type != EntityType::kPerson) continue;
    for (std::string_view link : {" of the ", " of "}) {
      if (text.substr(c.range.end, link.size()) != link) continue;
      const TextRange r = acronym_at(c.range.end + link.size());
      if (r.size() > 0) {
        added.push_back({EntityType::kOrg, r, FoldName(slice(r)), ""});
      }
      break;
    }
    for (std::string_view link : {" 's ", "'s ", " \u2019s ", "\u2019s "}) {
      if (c.range.start < link.size() + 2 ||
          text.substr(c.range.start - link.size(), link.size()) != link) {
        continue;
      }
      size_t a = c.range.start - link.size();
      while (a > 0 && IsAlnumByte(text[a - 1])) --a;
      const TextRange r = acronym_at(a);
      if (r.end == c.range.start - link.size()) {
        added.push_back({EntityType::kOrg, r, FoldName(slice(r)), ""});
      }
      break;
    }
  }
  for (Candidate& c : added) cands.push_back(std::move(c));
}

}  // namespace byline::rules
