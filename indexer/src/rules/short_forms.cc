#include "rules/short_forms.h"

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

void NamePlacesByFirstWord(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  NamesByPart full_by_first;  // places by the key of their first word
  for (const Candidate& c : cands) {
    if (c.type != EntityType::kPlace) continue;
    const std::vector<TextRange> words = Words(text, c.range);
    if (words.size() < 2) continue;
    full_by_first.Add(FoldName(slice(words.front())), c.name, c.key);
  }
  for (Candidate& c : cands) {
    if (c.type != EntityType::kPlace || c.key.find(' ') != std::string::npos) {
      continue;
    }
    if (const std::string* full = full_by_first.Find(c.key)) c.name = *full;
  }
}

void NamePartiesByFirstWord(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  NamesByPart party_by_first;  // parties by the key of their first word
  for (const Candidate& c : cands) {
    const std::vector<TextRange> words = Words(text, c.range);
    if (c.type != EntityType::kOrg || words.size() != 2 ||
        slice(words[1]) != "Party") {
      continue;
    }
    party_by_first.Add(FoldName(slice(words[0])), c.name, c.key);
  }
  for (Candidate& c : cands) {
    if (c.type != EntityType::kOrg || c.key.find(' ') != std::string::npos) {
      continue;
    }
    if (const std::string* full = party_by_first.Find(c.key)) c.name = *full;
  }
}

}  // namespace byline::rules
