#include "rules/org_roles.h"

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

void TypeNamesBeforeOffices(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  static const WordSet kOffices = {
      "founder",    "co-founder", "cofounder",   "CEO",          "chairman",
      "chairwoman", "spokesman",  "spokeswoman", "spokesperson", "owner",
      "co-owner",   "executive",  "chief"};
  std::set<std::string> orgs, org_names;  // keys, canonical names
  for (const Candidate& c : cands) {
    if (c.type == EntityType::kOrg || c.type == EntityType::kDate) continue;
    size_t p = c.range.end;
    if (p >= text.size() || text[p] != ' ') continue;
    size_t e = p + 1;
    while (e < text.size() && !IsAsciiSpace(text[e])) ++e;
    if (!kOffices.count(text.substr(p + 1, e - p - 1)) || e >= text.size() ||
        text[e] != ' ' || !IsUpperInitial(text.substr(e + 1))) {
      continue;
    }
    const NerTagger::NameFacts f = tagger->LookUpName(slice(c.range));
    if (f.country || f.city || f.gazetteer_place ||
        tagger->LookUpWord(slice(c.range)).demonym) {
      continue;
    }
    orgs.insert(c.key);
    org_names.insert(c.name);  // "Afghan Taliban" for its "Taliban"
  }
  for (Candidate& c : cands) {
    if (orgs.count(c.key) || org_names.count(c.name)) {
      c.type = EntityType::kOrg;
    }
  }
}

namespace {

bool IsRunByte(char c) {
  return IsAlnumByte(c) || c == '-' || c == '&' || c == '\'';
}

// The word of text that starts at `pos` (up to a space or the end).
std::string_view WordAt(std::string_view text, size_t pos) {
  size_t e = pos;
  while (e < text.size() && !IsAsciiSpace(text[e])) ++e;
  return text.substr(pos, e - pos);
}

// The word without the punctuation after it: "fell." -> "fell".
std::string_view Bare(std::string_view w) {
  while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.back())))
    w.remove_suffix(1);
  return w;
}

}  // namespace

void AddNamesBeforeOffices(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  const NerTagger* tagger = a.tagger;
  static const WordSet kOffices = {
      "chairman", "chairwoman", "spokesman", "spokeswoman", "spokesperson",
      "CEO",      "founder",    "president", "director",    "executive"};
  static const WordSet kMarketVerbs = {
      "rose",    "fell",  "gained", "lost",  "closed", "jumped",  "slipped",
      "dropped", "eased", "firmed", "edged", "were",   "slumped", "surged"};
  const std::vector<bool> covered = Covered(text.size(), *out);
  std::vector<TextRange> found;
  // The capitalised run of up to three words that ends at `end` (the
  // space after it), within `limit`.
  const auto run_before = [&](size_t limit, size_t end) -> TextRange {
    return CapitalisedRunBefore(
        text, limit, end, 3, IsRunByte, [&](size_t b, std::string_view w) {
          return w == "The" || w == "A" || w == "An" || covered[b];
        });
  };
  const auto run_after = [&](size_t pos, size_t limit) -> TextRange {
    TextRange run{pos, pos};
    for (int n = 0; n < 3 && pos < limit; ++n) {
      size_t e = pos;
      while (e < limit && IsRunByte(text[e])) ++e;
      const std::string_view w = text.substr(pos, e - pos);
      if (w.empty() || !IsUpperInitial(w) || covered[pos]) break;
      run.end = e;
      if (e >= limit || text[e] != ' ') break;
      pos = e + 1;
    }
    return run;
  };
  for (const TextRange& r : a.ranges) {
    ForEachLine(text, r, [&](TextRange line) {
      // Each word that starts at s: the line's first, or after a space.
      for (size_t s = line.start; s < line.end; ++s) {
        if (s > line.start && text[s - 1] != ' ') continue;
        if (text[s] == ' ') continue;
        const std::string_view w = WordAt(text.substr(0, line.end), s);
        const size_t after = s + w.size();
        if (kOffices.count(w)) {
          // "Olivetti spokesman Franco Rossi": a name after the office.
          if (after + 1 < line.end && text[after] == ' ' &&
              IsUpperInitial(text.substr(after + 1, 1))) {
            if (s > line.start) found.push_back(run_before(line.start, s));
          }
        } else if (w == "shares" || w == "Shares") {
          // "Volvo shares fell".
          if (after + 1 < line.end && text[after] == ' ' &&
              kMarketVerbs.count(
                  Bare(WordAt(text.substr(0, line.end), after + 1))) &&
              s > line.start) {
            found.push_back(run_before(line.start, s));
          }
          // "shares in Fiat", "shares of Fiat".
          const std::string_view prep =
              WordAt(text.substr(0, line.end), std::min(after + 1, line.end));
          if ((prep == "in" || prep == "of") &&
              after + prep.size() + 2 < line.end) {
            found.push_back(run_after(after + prep.size() + 2, line.end));
          }
        }
      }
    });
  }
  for (const TextRange& f : found) {
    if (f.size() == 0) continue;
    const std::string_view name = a.Slice(f);
    const NerTagger::NameFacts facts = tagger->LookUpName(name);
    const NerTagger::WordFacts word = tagger->LookUpWord(name);
    if (facts.country || facts.city || facts.person || word.demonym ||
        word.title || IsTitleWord(name)) {
      continue;
    }
    AddCandidate(a, EntityType::kOrg, f, out);
  }
}

}  // namespace byline::rules
