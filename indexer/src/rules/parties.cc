#include "rules/parties.h"

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

void AddParties(const ArticleText& a, std::vector<Candidate>* out) {
  const std::vector<std::vector<TextRange>>& range_words = a.range_words;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  const auto add = [&](EntityType type, TextRange r) {
    AddCandidate(a, type, r, out);
  };
  static const WordSet kPartyWords = {
      "Republican",   "Democratic",  "Labour",      "Labor",
      "Conservative", "Liberal",     "Green",       "Communist",
      "Socialist",    "Progressive", "Libertarian", "Nationalist",
      "Reform",       "Pirate",      "Centre",      "Center"};
  for (const std::vector<TextRange>& ws : range_words) {
    for (size_t k = 0; k + 1 < ws.size(); ++k) {
      if (!kPartyWords.count(slice(ws[k])) ||
          ws[k + 1].start != ws[k].end + 1) {
        continue;
      }
      bool cut = false;
      if (WordCore(slice(ws[k + 1]), &cut) != "party") continue;
      add(EntityType::kOrg, {ws[k].start, ws[k + 1].start + 5});
    }
  }
  // A party named by its members ("the opposition Social Democrats"): a
  // capitalised word, not after another one, and a party's members, in
  // the plural ("a Christian Democrat politician" names no party).
  static const WordSet kMembers = {"Democrats",     "Socialists", "Republicans",
                                   "Conservatives", "Liberals",   "Communists",
                                   "Nationalists"};
  for (const std::vector<TextRange>& ws : range_words) {
    for (size_t k = 0; k + 1 < ws.size(); ++k) {
      // Most words are turned away here, before WordCore(): the members'
      // words are capitalised and eight letters or more.
      const std::string_view next = slice(ws[k + 1]);
      if (next.size() < 8 || !std::isupper(static_cast<unsigned char>(next[0])))
        continue;
      const std::string_view first = slice(ws[k]);
      bool cut = false;
      const std::string_view members = WordCore(next, &cut);
      if (!kMembers.count(members) || ws[k + 1].start != ws[k].end + 1 ||
          !IsUpperInitial(first) || AllUpper(first) || first == "The" ||
          (k > 0 && ws[k - 1].end + 1 == ws[k].start &&
           IsUpperInitial(slice(ws[k - 1])) &&
           !AfterSentenceEnd(a.text, ws[k - 1].start))) {
        continue;
      }
      add(EntityType::kOrg, {ws[k].start, ws[k + 1].start + members.size()});
    }
  }
}

}  // namespace byline::rules
