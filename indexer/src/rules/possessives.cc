#include "rules/possessives.h"

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

void JoinPossessiveNames(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  std::sort(cands.begin(), cands.end(),
            [](const Candidate& a, const Candidate& b) {
              return a.range.start < b.range.start;
            });
  for (size_t i = 0; i + 1 < cands.size(); ++i) {
    Candidate& a = cands[i];
    const Candidate& b = cands[i + 1];
    if (a.type != EntityType::kOrg || b.type != EntityType::kOrg ||
        b.range.start < a.range.end || IsAcronym(slice(a.range)) ||
        Words(text, b.range).size() != 1) {
      continue;
    }
    const std::string_view gap =
        Trim(text.substr(a.range.end, b.range.start - a.range.end));
    if (gap != "'s" && gap != "\u2019s") continue;
    a.range.end = b.range.end;
    a.key = FoldName(slice(a.range));
    a.name = CollapseWhitespace(slice(a.range));
    cands.erase(cands.begin() + static_cast<std::ptrdiff_t>(i) + 1);
  }
}

void CutPossessiveSpans(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  for (Candidate& c : cands) {
    if (c.type != EntityType::kOrg) continue;
    const std::vector<TextRange> words = Words(text, c.range);
    if (words.size() < 2) continue;
    const std::string_view before = slice(words[words.size() - 2]);
    if (before == "'s" || before == "\u2019s" || before.ends_with("'s") ||
        before.ends_with("\u2019s")) {
      c.range.start = words.back().start;
    }
  }
}

}  // namespace byline::rules
