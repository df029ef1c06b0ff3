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

void TypeOwnersOfPeople(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  const std::set<std::string> surnames = SurnameKeys(a, cands);
  std::map<std::string, EntityType> owners;  // key -> its type
  // The candidates in text order (names found again were added at the
  // end).
  std::vector<const Candidate*> in_order;
  in_order.reserve(cands.size());
  for (const Candidate& c : cands) in_order.push_back(&c);
  std::sort(in_order.begin(), in_order.end(),
            [](const Candidate* x, const Candidate* y) {
              return x->range.start < y->range.start;
            });
  for (size_t i = 0; i + 1 < in_order.size(); ++i) {
    const Candidate& c = *in_order[i];
    const Candidate& next = *in_order[i + 1];
    if (c.type != EntityType::kPerson || c.fixed ||
        next.type != EntityType::kPerson)
      continue;
    const std::string_view name = a.Slice(c.range);
    if (name.find(' ') != std::string_view::npos || surnames.count(c.key))
      continue;
    // "'s " or " 's " (or the curly apostrophe) between the two.
    std::string_view between =
        text.substr(c.range.end, next.range.start - c.range.end);
    if (!between.empty() && between.front() == ' ') between.remove_prefix(1);
    if (between != "'s " && between != "\u2019s ") continue;
    const std::string_view person = a.Slice(next.range);
    const size_t space = person.find(' ');
    if (space == std::string_view::npos ||
        !tagger->LookUpWord(person.substr(0, space)).given_name) {
      continue;
    }
    const NerTagger::NameFacts f = tagger->LookUpName(name);
    const NerTagger::WordFacts w = tagger->LookUpWord(name);
    if (f.person || w.given_name) continue;
    owners[c.key] = f.country || f.city || f.gazetteer_place
                        ? EntityType::kPlace
                        : EntityType::kOrg;
  }
  if (owners.empty()) return;
  for (Candidate& c : cands) {
    if (c.fixed) continue;
    const auto it = owners.find(c.key);
    if (it != owners.end()) c.type = it->second;
  }
}

void TypePersonsAfterOffices(const ArticleText& a,
                             std::vector<Candidate>* out) {
  static const WordSet kOffices = {
      "president", "chairman",   "chairwoman", "spokesman",  "spokeswoman",
      "director",  "secretary",  "minister",   "leader",     "coach",
      "manager",   "governor",   "executive",  "officer",    "owner",
      "founder",   "envoy",      "ambassador", "negotiator", "analyst",
      "economist", "chancellor", "premier",    "mayor",      "captain",
      "striker",   "midfielder", "defender",   "goalkeeper", "spokesperson"};
  const std::string_view text = a.text;
  for (Candidate& c : *out) {
    if (c.type != EntityType::kOrg || c.fixed || c.range.start < 2 ||
        text[c.range.start - 1] != ' ') {
      continue;
    }
    const std::vector<TextRange> words = Words(text, c.range);
    if (words.size() < 2 || words.size() > 3) continue;
    bool capitalised = true;
    for (const TextRange& w : words) {
      const std::string_view s = a.Slice(w);
      capitalised = capitalised && IsUpperInitial(s) && !AllUpper(s);
    }
    if (!capitalised) continue;
    const std::vector<std::string> before =
        LastWordsLower(text.substr(0, c.range.start), 1, [](char ch) {
          return std::isalpha(static_cast<unsigned char>(ch)) != 0;
        });
    if (before.empty() || !kOffices.count(before[0])) continue;
    // The office is written in lower case in the text.
    if (!std::islower(static_cast<unsigned char>(
            text[c.range.start - 1 - before[0].size()]))) {
      continue;
    }
    const NerTagger::NameFacts f = a.tagger->LookUpName(a.Slice(c.range));
    if (f.org || f.gazetteer_org) continue;
    c.type = EntityType::kPerson;
  }
}

namespace {

bool IsRunByte(char c) {
  return IsAlnumByte(c) || c == '-' || c == '&' || c == '\'';
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
  // Which bytes the candidates cover, worked out for the first office or
  // "shares" (most articles have none).
  std::vector<bool> covered;
  std::vector<TextRange> found;
  for (const std::vector<TextRange>& ws : a.range_words) {
    // Two words on one line, nothing but spaces between.
    const auto joined = [&](size_t j) {
      return ws[j].end < ws[j + 1].start &&
             text.substr(ws[j].end, ws[j + 1].start - ws[j].end).find('\n') ==
                 std::string_view::npos;
    };
    // The name-like part of word j: its letters, digits, hyphens,
    // ampersands and apostrophes from its start ("Fiat" of "Fiat,").
    const auto core = [&](size_t j) {
      const std::string_view w = a.Slice(ws[j]);
      size_t n = 0;
      while (n < w.size() && IsRunByte(w[n])) ++n;
      return w.substr(0, n);
    };
    // The capitalised run of up to three whole words right before word k.
    const auto run_before = [&](size_t k) -> TextRange {
      TextRange run{ws[k].start, ws[k].start};
      for (size_t j = k; j-- > 0 && k - j <= 3;) {
        const std::string_view w = a.Slice(ws[j]);
        if (!joined(j) || core(j).size() != w.size() || !IsUpperInitial(w) ||
            w == "The" || w == "A" || w == "An" || covered[ws[j].start]) {
          break;
        }
        run = {ws[j].start, run.start == run.end ? ws[j].end : run.end};
      }
      return run;
    };
    // The capitalised run of up to three words from word k on.
    const auto run_after = [&](size_t k) -> TextRange {
      TextRange run{ws[k].start, ws[k].start};
      for (size_t j = k; j < ws.size() && j < k + 3; ++j) {
        const std::string_view c = core(j);
        if ((j > k && !joined(j - 1)) || !IsUpperInitial(c) ||
            covered[ws[j].start]) {
          break;
        }
        run.end = ws[j].start + c.size();
        if (c.size() != ws[j].size()) break;
      }
      return run;
    };
    for (size_t k = 0; k + 1 < ws.size(); ++k) {
      const std::string_view w = a.Slice(ws[k]);
      const bool office = kOffices.count(w) > 0;
      const bool shares = w == "shares" || w == "Shares";
      if ((!office && !shares) || !joined(k)) continue;
      if (covered.empty()) covered = Covered(text.size(), *out);
      if (office) {
        // "Olivetti spokesman Franco Rossi": a name after the office.
        if (k > 0 && IsUpperInitial(a.Slice(ws[k + 1])))
          found.push_back(run_before(k));
        continue;
      }
      // "Volvo shares fell".
      if (k > 0 && kMarketVerbs.count(Bare(a.Slice(ws[k + 1]))))
        found.push_back(run_before(k));
      // "shares in Fiat", "shares of Fiat".
      const std::string_view prep = a.Slice(ws[k + 1]);
      if ((prep == "in" || prep == "of") && k + 2 < ws.size() &&
          joined(k + 1)) {
        found.push_back(run_after(k + 2));
      }
    }
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
