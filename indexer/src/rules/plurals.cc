#include "rules/plurals.h"

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

void DropPlurals(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  std::erase_if(cands, [&](const Candidate& c) {
    const std::string_view w = slice(c.range);
    // The plural of an abbreviation ("ICUs", "SUVs", "NGOs") is a
    // common noun, unless the lists know it as a name (rule
    // 'pluralacr').
    if (w.size() >= 3 && w.back() == 's' && RuleOn("pluralacr") &&
        AllUpper(w.substr(0, w.size() - 1))) {
      const NerTagger::NameFacts f = tagger->LookUpName(w);
      return !(f.person || f.org || f.place || f.gazetteer_org ||
               f.gazetteer_place);
    }
    if (w.size() < 4 || w.back() != 's' ||
        w.find(' ') != std::string_view::npos || IsAcronym(w)) {
      return false;
    }
    const char before = w[w.size() - 2];
    if (before == 's' || before == 'u' || before == 'i') return false;
    const std::string_view one = w.substr(0, w.size() - 1);
    const NerTagger::NameFacts facts = tagger->LookUpName(w);
    if (facts.gazetteer_place || facts.gazetteer_org || facts.country) {
      return false;
    }
    for (size_t at = text.find(one); at != std::string_view::npos;
         at = text.find(one, at + 1)) {
      const size_t e = at + one.size();
      if ((at == 0 || !IsAlnumByte(text[at - 1])) &&
          (e == text.size() || !IsAlnumByte(text[e]))) {
        return true;
      }
    }
    return false;
  });
}

}  // namespace byline::rules
