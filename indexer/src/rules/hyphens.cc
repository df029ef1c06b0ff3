#include "rules/hyphens.h"

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

void CutHyphenatedSpans(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  std::vector<Candidate>& cands = *out;
  for (Candidate& c : cands) {
    if (c.type != EntityType::kOrg && c.type != EntityType::kPlace) continue;
    const std::vector<TextRange> words = Words(text, c.range);
    if (words.size() < 2) continue;
    size_t cut = 0;
    for (size_t k = 0; k + 1 < words.size(); ++k) {
      // Every part capitalised: "Sea-Air-Space", not "Surface-to-Air".
      size_t last_dash = 0;
      bool parts_capitalised = true;
      for (size_t i = words[k].start + 1; i + 1 < words[k].end; ++i) {
        if (text[i] != '-' || !IsAlnumByte(text[i - 1])) continue;
        if (!IsUpperInitial(text.substr(i + 1, words[k].end - i - 1))) {
          parts_capitalised = false;
        }
        last_dash = i;
      }
      if (last_dash != 0 && parts_capitalised) cut = last_dash + 1;
    }
    if (cut != 0) c.range.start = cut;
  }
}

}  // namespace byline::rules
