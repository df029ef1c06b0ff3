#include "rules/first_words.h"

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

void TypeByFirstWords(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  for (Candidate& c : cands) {
    const std::vector<TextRange> words = Words(text, c.range);
    const std::string_view first = slice(words.front());
    if (words.size() >= 2 && IsForeignInstitutionHead(first)) {
      c.type = EntityType::kOrg;
    } else if (words.size() == 2 && first == "Air" && !c.fixed &&
               IsUpperInitial(slice(words[1]))) {
      // An airline: "Air Liberte", "Air France", "Air Zimbabwe".
      c.type = EntityType::kOrg;
    } else if (words.size() >= 2 &&
               (IsSaintWord(first) || IsPolishNewOrOld(first)) &&
               c.type == EntityType::kPerson) {
      c.type = EntityType::kPlace;
    } else if (IsStreetName(first, words.size())) {
      c.type = EntityType::kPlace;
    } else if (words.size() == 1 && IsInstitutionHead(first) &&
               text.substr(c.range.end, 4) == " of ") {
      c.type = EntityType::kOrg;
    }
  }
}

}  // namespace byline::rules
