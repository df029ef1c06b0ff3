#include "rules/credits.h"

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

void DropCredits(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  const std::vector<TextRange>& ranges = a.ranges;
  const std::vector<std::vector<TextRange>>& range_words = a.range_words;
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  static const WordSet kCredits = {
      "Image:",      "Images:", "Photo:",   "Photos:", "Picture:",
      "Photograph:", "Credit:", "Credits:", "Video:",  "Audio:"};
  std::vector<bool> covered;  // worked out at the first credit
  for (size_t n = 0; n < ranges.size(); ++n) {
    const TextRange r = ranges[n];
    if (slice(r).find(':') == std::string_view::npos) continue;
    const std::vector<TextRange>& words = range_words[n];
    for (size_t k = 0; k + 1 < words.size(); ++k) {
      if (!kCredits.count(slice(words[k]))) continue;
      size_t end = text.find('.', words[k + 1].start);
      if (end == std::string_view::npos || end > r.end) end = r.end;
      for (Candidate& c : cands) {
        if (c.range.start < words[k].end || c.range.end > end ||
            c.type != EntityType::kPlace || Words(text, c.range).size() != 1) {
          continue;
        }
        const NerTagger::NameFacts facts = tagger->LookUpName(slice(c.range));
        if (!facts.gazetteer_place && !facts.place && !facts.city &&
            !facts.country) {
          c.type = EntityType::kPerson;
        }
      }
      // The credit's one-word names the tagger left out ("Video: Miharris
      // & Acphillips."): user names, persons, unless common words or
      // names the lists know.
      if (covered.empty()) covered = Covered(text.size(), cands);
      for (size_t j = k + 1; j < words.size() && words[j].start < end; ++j) {
        bool cut = false;
        const std::string_view w = WordCore(slice(words[j]), &cut);
        if (w.size() < 3 || !IsUpperInitial(w) || AllUpper(w) ||
            covered[words[j].start] || words[j].start + w.size() > end) {
          continue;
        }
        const NerTagger::NameFacts f = tagger->LookUpName(w);
        const NerTagger::WordFacts wf = tagger->LookUpWord(w);
        if (wf.common || wf.demonym || wf.dictionary_capital || f.org ||
            f.gazetteer_org || f.place || f.gazetteer_place) {
          continue;
        }
        const TextRange name{words[j].start, words[j].start + w.size()};
        cands.push_back({EntityType::kPerson, name, FoldName(w), ""});
        Cover(name, &covered);
      }
    }
  }
}

}  // namespace byline::rules
