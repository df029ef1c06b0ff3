#include "rules/qualified_names.h"

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

void FindQualifiedNames(const ArticleText& a, std::vector<Candidate>* out,
                        NamesByPart* qualified_out) {
  NamesByPart& qualified = *qualified_out;
  const std::string_view text = a.text;
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  for (const Candidate& c : cands) {
    if (c.type != EntityType::kOrg) continue;
    const std::vector<TextRange> words = Words(text, c.range);
    if (words.size() < 3) continue;
    const std::string_view first = slice(words.front());
    const auto facts = tagger->LookUpName(first);
    const bool qualifier =
        facts.country || tagger->LookUpWord(first).demonym ||
        (IsAcronym(first) && (facts.gazetteer_org || facts.gazetteer_place));
    if (!qualifier) continue;
    qualified.Add(FoldName(slice({words[1].start, words.back().end})),
                  CollapseWhitespace(slice(c.range)), c.key);
  }
}

}  // namespace byline::rules
