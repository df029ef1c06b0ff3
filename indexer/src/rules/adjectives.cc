#include "rules/adjectives.h"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "byline/text.h"
#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline::rules {

bool IsAdjectiveAlone(
    std::string_view name,
    const std::function<NerTagger::WordFacts(std::string_view)>& facts) {
  std::vector<std::string_view> words = Split(name, ' ');
  std::erase(words, std::string_view());
  if (words.empty() || words.size() > 2) return false;
  if (words.size() == 2) {
    const std::string_view compass = words.front();
    if (compass != "North" && compass != "South" && compass != "East" &&
        compass != "West" && compass != "Central") {
      return false;
    }
  }
  const std::string_view w = words.back();
  if (!(w.ends_with("ian") || w.ends_with("ean") || w.ends_with("ese") ||
        w.ends_with("ish"))) {
    return false;
  }
  const NerTagger::WordFacts f = facts(w);
  return (f.demonym || f.dictionary_capital) && !f.given_name;
}

void DropAdjectives(const ArticleText& a, std::vector<Candidate>* out) {
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  const auto facts = [&](std::string_view w) { return tagger->LookUpWord(w); };
  std::erase_if(cands, [&](const Candidate& c) {
    return !c.team &&
           IsAdjectiveAlone(CollapseWhitespace(slice(c.range)), facts);
  });
}

}  // namespace byline::rules
