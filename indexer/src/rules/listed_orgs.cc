#include "rules/listed_orgs.h"

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

void AddListedOrganisations(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  const std::vector<std::vector<TextRange>>& range_words = a.range_words;
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  const auto add = [&](EntityType type, TextRange r) {
    AddCandidate(a, type, r, out);
  };
  const std::vector<bool> tagged = Covered(text.size(), cands);
  for (const std::vector<TextRange>& ws : range_words) {
    for (size_t k = 0; k < ws.size(); ++k) {
      const TextRange& w = ws[k];
      // Lowercase words are turned away first (WordCore() keeps the
      // first letter).
      if (!IsUpperInitial(slice(w))) continue;
      bool cut = false;
      std::string_view core = WordCore(slice(w), &cut);
      // The word alone, not part of a longer capitalised run ("Penn
      // State").
      if ((!cut && k + 1 < ws.size() && IsUpperInitial(slice(ws[k + 1]))) ||
          (k > 0 && IsUpperInitial(slice(ws[k - 1])) &&
           !AfterSentenceEnd(text, w.start))) {
        continue;
      }
      const size_t dash = core.find('-');
      if (dash != std::string_view::npos) {
        if (dash + 1 >= core.size() ||
            !std::islower(static_cast<unsigned char>(core[dash + 1]))) {
          continue;
        }
        core = core.substr(0, dash);
      }
      if (core.size() < 3 || !IsUpperInitial(core) || tagged[w.start] ||
          IsAcronym(core)) {
        continue;
      }
      const NerTagger::NameFacts facts = tagger->LookUpName(core);
      if (!facts.gazetteer_org || facts.person || facts.place ||
          facts.gazetteer_place) {
        continue;
      }
      const NerTagger::WordFacts word = tagger->LookUpWord(core);
      if (word.common || word.given_name || word.title || word.demonym) {
        continue;
      }
      add(EntityType::kOrg, {w.start, w.start + core.size()});
    }
  }
}

}  // namespace byline::rules
