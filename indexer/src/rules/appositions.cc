#include "rules/appositions.h"

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

void TypeByApposition(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  const std::vector<TextRange>& ranges = a.ranges;
  const std::vector<std::vector<TextRange>>& range_words = a.range_words;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  std::vector<Candidate> added;
  for (size_t n = 0; n < ranges.size(); ++n) {
    const TextRange r = ranges[n];
    const std::vector<TextRange>& words = range_words[n];
    for (size_t k = 0; k + 1 < words.size(); ++k) {
      if (!IsOrganisationNoun(slice(words[k]))) continue;
      size_t p = words[k + 1].start;
      if (p != words[k].end + 1) continue;
      for (int names = 0; names < 4; ++names) {
        const size_t end = CapitalRunEnd(text, p, r.end, true, 5);
        if (end == p || text.substr(p, end - p) == "I") break;
        bool tagged = false;
        for (Candidate& c : cands) {
          if (c.range.start < end && p < c.range.end) {
            tagged = true;
            if (c.range.start == p && c.type == EntityType::kPerson) {
              c.type = EntityType::kOrg;
            }
          }
        }
        if (!tagged) {
          added.push_back({EntityType::kOrg,
                           {p, end},
                           FoldName(text.substr(p, end - p)),
                           ""});
        }
        // A plural noun may name several: "... A and B", "A, B".
        if (text.substr(end, 5) == " and ") {
          p = end + 5;
        } else if (text.substr(end, 2) == ", ") {
          p = end + 2;
        } else {
          break;
        }
      }
    }
  }
  for (Candidate& c : added) cands.push_back(std::move(c));
}

void TypeRestatedNames(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  std::vector<Candidate>& cands = *out;
  std::sort(cands.begin(), cands.end(),
            [](const Candidate& x, const Candidate& y) {
              return x.range.start < y.range.start;
            });
  const auto gap_between = [&](const Candidate& x, const Candidate& y) {
    return text.substr(x.range.end, y.range.start - x.range.end);
  };
  for (size_t i = 0; i + 1 < cands.size(); ++i) {
    Candidate& second = cands[i + 1];
    // The name before, or the body an "of" phrase ends ("the Supreme
    // Court of the Netherlands").
    bool org = cands[i].type == EntityType::kOrg;
    if (!org && i > 0 && cands[i - 1].type == EntityType::kOrg &&
        cands[i - 1].range.end <= cands[i].range.start) {
      const std::string_view of = gap_between(cands[i - 1], cands[i]);
      org = of == " of " || of == " of the ";
    }
    const Candidate& first = cands[i];
    if (!org || second.type == EntityType::kOrg ||
        second.type == EntityType::kDate || second.fixed ||
        second.range.start < first.range.end) {
      continue;
    }
    const std::string_view gap = gap_between(first, second);
    if (gap != ", the " && gap != ", the\n") continue;
    // The second name ends the apposition: a comma, a full stop, a
    // semicolon or a bracket follows it.
    const size_t e = second.range.end;
    if (e >= text.size() ||
        std::string_view(",.;)").find(text[e]) == std::string_view::npos) {
      continue;
    }
    second.type = EntityType::kOrg;
  }
}

}  // namespace byline::rules
