#include "rules/news_agencies.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "rules/words.h"

namespace byline::rules {

namespace {

bool IsNameByte(char c) {
  return IsAlnumByte(c) || c == '-' || c == '\'' || c == '.' || c == '&';
}

// The run of capitalised words (up to four) that ends at `end` (a space
// before it), in text[start, end); empty when the word before is not
// capitalised. "The" opens no name.
TextRange RunBefore(std::string_view text, size_t start, size_t end) {
  TextRange run{end, end};
  size_t pos = end;
  for (int n = 0; n < 4; ++n) {
    if (pos <= start + 1 || text[pos - 1] != ' ') break;
    size_t b = pos - 1;
    while (b > start && IsNameByte(text[b - 1])) --b;
    const std::string_view w = text.substr(b, pos - 1 - b);
    if (w.empty() || !IsUpperInitial(w) || w == "The") break;
    run = {b, run.start == end ? pos - 1 : run.end};
    pos = b;
  }
  return run;
}

// The run of capitalised words (up to four) that starts at `pos`.
TextRange RunAfter(std::string_view text, size_t pos, size_t end) {
  TextRange run{pos, pos};
  for (int n = 0; n < 4 && pos < end; ++n) {
    size_t e = pos;
    while (e < end && IsNameByte(text[e])) ++e;
    const std::string_view w = text.substr(pos, e - pos);
    if (w.empty() || !IsUpperInitial(w)) break;
    run.end = e;
    if (e >= end || text[e] != ' ') break;
    pos = e + 1;
  }
  // No full stop at the end: "said MENA." is "MENA".
  while (run.end > run.start && text[run.end - 1] == '.' &&
         !(run.end - run.start >= 2 && text[run.end - 3] == '.')) {
    --run.end;
  }
  return run;
}

}  // namespace

std::vector<TextRange> FindNewsAgencies(std::string_view text,
                                        TextRange range) {
  std::vector<TextRange> out;
  ForEachLine(text, range, [&](TextRange line) {
    const std::string_view l = text.substr(line.start, line.size());
    // "news" first (rarer than the space the cues open with), then which
    // cue it starts.
    for (size_t n = l.find("news"); n != std::string_view::npos;
         n = l.find("news", n + 1)) {
      if (n == 0 || l[n - 1] != ' ') continue;
      const size_t at = n - 1;
      std::string_view cue;
      for (const std::string_view c :
           {std::string_view(" news agency"), std::string_view(" newspaper")}) {
        if (l.substr(at, c.size()) == c) cue = c;
      }
      if (cue.empty()) continue;
      const size_t cue_end = line.start + at + cue.size();
      if (cue_end < line.end && IsAlnumByte(text[cue_end])) continue;
      const TextRange before = RunBefore(text, line.start, line.start + at + 1);
      if (before.size() > 0) out.push_back(before);
      // "the official news agency MENA": the name after the cue.
      if (cue == " news agency" && cue_end + 1 < line.end &&
          text[cue_end] == ' ') {
        const TextRange after = RunAfter(text, cue_end + 1, line.end);
        if (after.size() > 0) out.push_back(after);
      }
    }
  });
  std::sort(out.begin(), out.end(),
            [](TextRange a, TextRange b) { return a.start < b.start; });
  out.erase(std::unique(out.begin(), out.end(),
                        [](TextRange a, TextRange b) {
                          return a.start == b.start && a.end == b.end;
                        }),
            out.end());
  return out;
}

void NameNewsAgencies(const ArticleText& a, std::vector<Candidate>* out) {
  std::vector<Candidate>& cands = *out;
  for (const TextRange& r : a.ranges) {
    for (const TextRange& name : FindNewsAgencies(a.text, r)) {
      // A span that ran on into the cue ("Interfax news") goes too.
      std::erase_if(cands, [&](const Candidate& c) {
        return c.range.start < name.end && name.start < c.range.end;
      });
      // A nationality is a word ("the Polish news agency PAP"); any other
      // name the cue makes an agency stays one, though it looks like an
      // adjective ("the Anatolian news agency") (rule 'agencyfix').
      const bool fix = RuleOn("agencyfix") && a.tagger != nullptr;
      if (fix && a.tagger->LookUpWord(a.Slice(name)).demonym) continue;
      const size_t before = cands.size();
      AddCandidate(a, EntityType::kOrg, name, out);
      if (fix && cands.size() > before) cands.back().fixed = true;
    }
  }
  if (!RuleOn("agencylist")) return;
  // The wire services themselves, wherever they are named without the
  // cue ("Itar-Tass quoted the minister"): names no other thing has.
  static constexpr std::string_view kAgencies[] = {
      "Reuters",   "Itar-Tass",
      "ITAR-TASS", "Interfax",
      "Xinhua",    "Kyodo",
      "ANSA",      "Yonhap",
      "Bernama",   "Tanjug",
      "IRNA",      "KCNA",
      "AFP",       "Agence France-Presse"};
  std::vector<bool> covered;
  std::vector<Candidate> found;
  for (std::string_view agency : kAgencies) {
    if (a.text.find(agency) == std::string_view::npos) continue;
    if (covered.empty()) covered = Covered(a.text.size(), cands);
    for (const TextRange& r : a.ranges) {
      ForEachWholeWord(a.text, agency, r, [&](size_t at) {
        const TextRange name{at, at + agency.size()};
        if (Uncovered(covered, name)) {
          found.push_back({EntityType::kOrg, name, FoldName(agency), ""});
          Cover(name, &covered);
          return true;
        }
        // The tagger's span of the name alone takes the agency's type.
        for (Candidate& c : cands) {
          if (c.range.start == name.start && c.range.end == name.end &&
              !c.fixed) {
            c.type = EntityType::kOrg;
          }
        }
        return true;
      });
    }
  }
  AppendInTextOrder(found, &cands);
}

}  // namespace byline::rules
