#include "rules/head_short_forms.h"

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

void FindHeadShortForms(const ArticleText& a, std::vector<Candidate>* out,
                        NamesByPart* by_head_out,
                        std::set<std::string>* head_short_out,
                        std::vector<bool>* covered_io) {
  NamesByPart& by_head = *by_head_out;
  std::set<std::string>& head_short = *head_short_out;
  std::vector<bool>& covered = *covered_io;
  const std::string_view text = a.text;
  const std::vector<TextRange>& ranges = a.ranges;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  static const WordSet kVague = {"Friends", "Sons",   "Daughters", "Knights",
                                 "Order",   "Front",  "Guard",     "Fund",
                                 "Trust",   "Office", "Service"};
  const auto head_of = [&](const Candidate& c) -> std::string_view {
    const std::vector<TextRange> words = Words(text, c.range);
    if (c.type != EntityType::kOrg || words.size() < 2) return {};
    for (const TextRange& w : words) {
      const std::string_view h = slice(w);
      if (IsInstitutionHead(h) && !kVague.count(h)) return h;
    }
    return {};
  };
  for (const Candidate& c : cands) {
    const std::string_view h = head_of(c);
    if (!h.empty())
      by_head.Add(FoldName(h), CollapseWhitespace(slice(c.range)), c.key);
  }
  for (size_t n = 0; n < ranges.size(); ++n) {
    const std::vector<TextRange>& words = a.range_words[n];
    for (size_t k = 1; k < words.size(); ++k) {
      const std::string_view the = slice(words[k - 1]);
      if (the != "the" && the != "The") continue;
      // The head and what ends it: punctuation, or a lowercase word.
      TextRange h = words[k];
      while (h.end > h.start && !IsAlnumByte(text[h.end - 1])) --h.end;
      if (h.end > h.start + 2 && text[h.end - 2] == '\'' &&
          text[h.end - 1] == 's') {
        h.end -= 2;
      }
      const std::string_view head = slice(h);
      if (!IsInstitutionHead(head) || kVague.count(head) ||
          by_head.Find(FoldName(head)) == nullptr ||
          (h.end == words[k].end && k + 1 < words.size() &&
           IsUpperInitial(slice(words[k + 1])))) {
        continue;
      }
      if (!Uncovered(covered, h)) continue;
      Cover(h, &covered);
      cands.push_back({EntityType::kOrg, h, FoldName(head), ""});
      head_short.insert(FoldName(head));
    }
  }
  // The same head the tagger tagged alone ("The Commission said"),
  // after "the": named by the one name with that head too.
  for (const Candidate& c : cands) {
    const std::string_view head = slice(c.range);
    if (c.type == EntityType::kOrg && c.range.start >= 4 &&
        (text.substr(c.range.start - 4, 4) == "the " ||
         text.substr(c.range.start - 4, 4) == "The ") &&
        IsInstitutionHead(head) && !kVague.count(head) &&
        by_head.Find(c.key) != nullptr) {
      head_short.insert(c.key);
    }
  }
}

}  // namespace byline::rules
