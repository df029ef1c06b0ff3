#include "rules/short_forms.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "byline/text.h"
#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline::rules {

namespace {

// Names each one-word candidate of `type` by the one longer name of that
// type in the article that opens with its word and whose words `longer`
// accepts; by none when two such names differ (NamesByPart).
void NameByFirstWord(
    const ArticleText& a, EntityType type,
    const std::function<bool(const std::vector<TextRange>&)>& longer,
    std::vector<Candidate>* cands) {
  NamesByPart full_by_first;  // names by the key of their first word
  for (const Candidate& c : *cands) {
    if (c.type != type) continue;
    const std::vector<TextRange> words = Words(a.text, c.range);
    if (words.size() < 2 || !longer(words)) continue;
    full_by_first.Add(FoldName(a.Slice(words.front())), c.name, c.key);
  }
  for (Candidate& c : *cands) {
    if (c.type != type || c.key.find(' ') != std::string::npos) continue;
    if (const std::string* full = full_by_first.Find(c.key)) c.name = *full;
  }
}

}  // namespace

void NamePlacesByFirstWord(const ArticleText& a, std::vector<Candidate>* out) {
  NameByFirstWord(
      a, EntityType::kPlace, [](const std::vector<TextRange>&) { return true; },
      out);
}

void NamePartiesByFirstWord(const ArticleText& a, std::vector<Candidate>* out) {
  NameByFirstWord(
      a, EntityType::kOrg,
      [&](const std::vector<TextRange>& words) {
        return words.size() == 2 && a.Slice(words[1]) == "Party";
      },
      out);
}

}  // namespace byline::rules
