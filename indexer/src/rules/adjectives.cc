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
  // A compound of such adjectives ("Polish-Lithuanian border",
  // "Franco-Spanish") is one too; a part before the last may be a
  // combining form ending in -o ("Franco", "Sino", "Anglo").
  const std::string_view last = words.back();
  if (last.starts_with('-') || last.ends_with('-')) return false;
  const std::vector<std::string_view> parts = Split(last, '-');
  if (parts.size() > 3) return false;
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string_view w = parts[i];
    if (w.empty()) return false;
    if (parts.size() > 1 && i + 1 < parts.size() && w.size() >= 4 &&
        w.ends_with("o") && w.front() >= 'A' && w.front() <= 'Z') {
      continue;  // a combining form: "Franco-", "Sino-", "Anglo-"
    }
    if (!(w.ends_with("ian") || w.ends_with("ean") || w.ends_with("ese") ||
          w.ends_with("ish"))) {
      return false;
    }
    const NerTagger::WordFacts f = facts(w);
    if (!(f.demonym || f.dictionary_capital) || f.given_name) return false;
  }
  return true;
}

void DropAdjectives(const ArticleText& a, std::vector<Candidate>* out) {
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  const auto facts = [&](std::string_view w) { return tagger->LookUpWord(w); };
  std::erase_if(cands, [&](const Candidate& c) {
    return !c.fixed &&
           IsAdjectiveAlone(CollapseWhitespace(slice(c.range)), facts);
  });
}

}  // namespace byline::rules
