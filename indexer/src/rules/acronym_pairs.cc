#include "rules/acronym_pairs.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "byline/text.h"
#include "rules/acronyms.h"
#include "rules/initials.h"
#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline::rules {

void PairAcronyms(const ArticleText& a, std::vector<Candidate>* out,
                  std::map<std::string, std::string>* acronym_of_out,
                  std::map<std::string, size_t>* name_at_out) {
  const std::string_view text = a.text;
  const std::vector<TextRange>& ranges = a.ranges;
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  std::map<std::string, std::string>& acronym_of = *acronym_of_out;
  std::map<std::string, size_t>& name_at = *name_at_out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  const size_t tagged = cands.size();
  // Capitals in brackets after a tagged organisation that do not spell it:
  // the index of the organisation in cands and the acronym's range.
  std::vector<std::pair<size_t, TextRange>> foreign;
  for (size_t i = 0; i < tagged; ++i) {
    const Candidate& c = cands[i];
    size_t p = c.range.end;
    while (p < text.size() && text[p] == ' ') ++p;
    if (p >= text.size() || text[p] != '(') continue;
    const size_t close = text.find(')', p);
    if (close == std::string_view::npos || close - p > 12) continue;
    const std::string_view acr = text.substr(p + 1, close - p - 1);
    if (!IsAcronym(acr)) continue;
    if (Initials(slice(c.range)) != acr) {
      if (c.type == EntityType::kOrg) foreign.push_back({i, {p + 1, close}});
      continue;
    }
    acronym_of[c.key] = std::string(acr);
    acronym_of[FoldName(acr)] = std::string(acr);
    name_at.emplace(FoldName(acr), c.range.start);
    cands.push_back({c.type, {p + 1, close}, FoldName(acr), ""});
  }
  // The words before a bracketed acronym that spell it are its name, tagged
  // or not, where the tagger cut the name at "and" or a number, and when
  // the acronym is of the name in its own language: "National Union of
  // Consumers and Tenants (UNCT)", "Movement 5 Stars (M5S)".
  if (tagger != nullptr && RuleOn("acrrun")) {
    for (size_t k = 1; k < ranges.size(); ++k) {
      const TextRange r = ranges[k];
      // Searches end with the range (not the article: no quadratic scans).
      const std::string_view upto = text.substr(0, r.end);
      for (size_t open = upto.find('(', r.start);
           open != std::string_view::npos; open = upto.find('(', open + 1)) {
        const size_t close = upto.find(')', open);
        if (close == std::string_view::npos) break;
        const std::string_view acr = text.substr(open + 1, close - open - 1);
        if (!IsBracketAcronym(acr)) continue;
        if (open < r.start + 2 || text[open - 1] != ' ') continue;
        const TextRange run = NameBeforeAcronym(text, r, open - 1, acr);
        if (run.size() == 0 || acronym_of.count(FoldName(slice(run)))) continue;
        // Its type is that of a tagged name that is the whole run; a
        // tagged name that starts before the run keeps it.
        EntityType type = EntityType::kOrg;
        bool inside = false;
        // "the European Union's Connecting Europe Facility (CEF)": a
        // tagged name that runs on past a possessive into the run is two
        // names, and the owner keeps the words before "'s".
        size_t owner_end = std::string_view::npos;
        for (std::string_view s : {"'s ", "\u2019s "}) {
          if (run.start >= s.size() &&
              text.substr(run.start - s.size(), s.size()) == s) {
            owner_end = run.start - s.size();
          }
        }
        std::vector<size_t> owners;
        for (size_t i = 0; i < tagged; ++i) {
          const TextRange t = cands[i].range;
          if (t.start == run.start && t.end == run.end) type = cands[i].type;
          if (t.start < run.start && run.start < t.end) {
            if (owner_end != std::string_view::npos && t.start < owner_end) {
              owners.push_back(i);
            } else {
              inside = true;
            }
          }
        }
        if (inside) continue;
        for (size_t i : owners) {
          SetRange(text, {cands[i].range.start, owner_end}, &cands[i]);
        }
        acronym_of[FoldName(slice(run))] = std::string(acr);
        acronym_of[FoldName(acr)] = std::string(acr);
        name_at.emplace(FoldName(acr), run.start);
        cands.push_back({type, run, FoldName(slice(run)), ""});
        cands.push_back({type, {open + 1, close}, FoldName(acr), ""});
      }
    }
  }
  // The other order, the acronym first and its name in brackets: "the UNC
  // (National Union of Consumers)". The whole bracket must be the name.
  if (tagger != nullptr && RuleOn("acrfirst")) {
    for (size_t k = 1; k < ranges.size(); ++k) {
      const TextRange r = ranges[k];
      const std::string_view upto = text.substr(0, r.end);
      for (size_t open = upto.find(" (", r.start);
           open != std::string_view::npos && open + 2 < r.end;
           open = upto.find(" (", open + 1)) {
        const size_t close = upto.find(')', open);
        if (close == std::string_view::npos) break;
        size_t a = open;
        while (a > r.start && IsAlnumByte(text[a - 1])) --a;
        const std::string_view acr = text.substr(a, open - a);
        if ((a > r.start && !IsAsciiSpace(text[a - 1]) && text[a - 1] != '(' &&
             text[a - 1] != '"') ||
            !IsBracketAcronym(acr)) {
          continue;
        }
        const TextRange name{open + 2, close};
        if (name.size() == 0 ||
            NameBeforeAcronym(text, name, close, acr).start != name.start ||
            acronym_of.count(FoldName(slice(name)))) {
          continue;
        }
        // Typed as a tagged name that is the whole bracket, else an
        // organisation; the acronym is typed so even if tagged otherwise.
        EntityType type = EntityType::kOrg;
        bool crossed = false;
        for (size_t i = 0; i < tagged; ++i) {
          const TextRange t = cands[i].range;
          if (t.start == name.start && t.end == name.end) type = cands[i].type;
          crossed = crossed || (t.start < name.start && name.start < t.end) ||
                    (t.start < close && close < t.end);
        }
        if (crossed) continue;
        acronym_of[FoldName(slice(name))] = std::string(acr);
        acronym_of[FoldName(acr)] = std::string(acr);
        name_at.emplace(FoldName(acr), name.start);
        cands.push_back({type, name, FoldName(slice(name)), ""});
        cands.push_back({type, {a, open}, FoldName(acr), ""});
      }
    }
  }

  // An organisation's acronym may spell its name in another language
  // ("Doctors Without Borders (MSF)"): capitals in brackets right after a
  // tagged organisation of two or more words that no rule above paired,
  // unless the lists know them as a place or a person ("(UK)").
  if (tagger != nullptr && RuleOn("acrany")) {
    for (const auto& [i, r] : foreign) {
      const std::string_view acr = slice(r);
      const Candidate& c = cands[i];
      // Capitals, or capitals with a lowercase letter or two as German
      // and other agencies write them ("BfG", "BaFin"), but no legal form
      // ("GmbH").
      const auto lower = std::count_if(acr.begin(), acr.end(), [](char ch) {
        return std::islower(static_cast<unsigned char>(ch));
      });
      if (acronym_of.count(FoldName(acr)) || acronym_of.count(c.key) ||
          Words(text, c.range).size() < 2 || acr.size() > 6 ||
          !IsAcronym(acr) || lower > 2 || IsLegalForm(acr, false)) {
        continue;
      }
      const NerTagger::NameFacts facts = tagger->LookUpName(acr);
      if (facts.gazetteer_place || facts.place || facts.country || facts.city ||
          facts.person) {
        continue;
      }
      acronym_of[c.key] = std::string(acr);
      acronym_of[FoldName(acr)] = std::string(acr);
      name_at.emplace(FoldName(acr), c.range.start);
      cands.push_back({c.type, r, FoldName(acr), ""});
    }
  }

  // Acronyms of names the article spells out ("Nordic Press Agency"
  // ... "NPA"), where the tagger missed them: same type as the name.
  // First the words in capitals the article has: only their initials are
  // looked for, and an article without any is done here.
  struct Caps {
    TextRange range;
    std::string acronym;
  };
  std::vector<Caps> caps;
  for (const TextRange& r : ranges) {
    size_t i = r.start;
    while (i < r.end) {
      if (!std::isupper(static_cast<unsigned char>(text[i])) ||
          (i > r.start && IsAlnumByte(text[i - 1]))) {
        ++i;
        continue;
      }
      size_t e = i;
      std::string acronym;
      while (e < r.end && std::isupper(static_cast<unsigned char>(text[e]))) {
        acronym += text[e++];
      }
      // Initials with full stops: "U.N.", "E.U." (rule 'dotted').
      if (acronym.size() == 1 && e < r.end && text[e] == '.' &&
          RuleOn("dotted")) {
        e = DottedInitialsEnd(text, i, r.end);
        acronym.clear();
        for (size_t k = i; k < e; k += 2) acronym += text[k];
      }
      if (acronym.size() >= 2 && (e == r.end || !IsAlnumByte(text[e]))) {
        caps.push_back({{i, e}, std::move(acronym)});
      }
      i = e;
    }
  }
  if (caps.empty()) return;
  std::set<std::string_view> wanted;
  for (const Caps& c : caps) wanted.insert(c.acronym);
  // An organisation the tagger cut at "in" before a place, where the
  // article's acronym spells the whole: "Organisation for Security and
  // Cooperation in Europe" ... "OSCE" (rule 'acrin').
  bool joined_in = false;
  if (RuleOn("acrin")) {
    for (size_t i = 0; i + 1 < tagged; ++i) {
      Candidate& org = cands[i];
      const Candidate& place = cands[i + 1];
      if (org.type != EntityType::kOrg || place.type != EntityType::kPlace ||
          org.fixed || place.fixed ||
          text.substr(org.range.end, 4) != " in " ||
          place.range.start != org.range.end + 4) {
        continue;
      }
      const TextRange whole{org.range.start, place.range.end};
      if (!wanted.count(Initials(slice(whole)))) continue;
      SetRange(text, whole, &org);
      // Emptied, and erased at the end: until then cands[0, tagged) stay
      // the tagger's names.
      cands[i + 1].range = {place.range.start, place.range.start};
      joined_in = true;
    }
  }
  std::map<std::string, EntityType> by_initials;
  std::map<std::string, std::vector<TextRange>> untagged_runs;
  for (size_t i = 0; i < tagged; ++i) {
    const Candidate& c = cands[i];
    if (c.type == EntityType::kPerson) continue;
    const std::string initials = Initials(slice(c.range));
    if (initials.size() >= 2) by_initials.emplace(initials, c.type);
  }
  // Also the initials of capitalised runs the tagger did not tag whole
  // ("Malaysian Rubber Board" -> "MRB"): organisations, unless tagged
  // otherwise.
  if (RuleOn("acronym")) {
    for (const RunInitial& run : RunInitials(text, ranges)) {
      if (!wanted.count(run.initials)) continue;
      EntityType type = EntityType::kOrg;
      bool person = false, overlapped = false;
      for (size_t i = 0; i < tagged; ++i) {
        const TextRange r = cands[i].range;
        if (r.start <= run.range.start && run.range.start < r.end) {
          person = cands[i].type == EntityType::kPerson;
          type = cands[i].type;
        }
        overlapped = overlapped ||
                     (r.start < run.range.end && run.range.start < r.end);
      }
      if (person) continue;
      by_initials.emplace(run.initials, type);
      // A whole run the tagger missed is the name the acronym stands
      // for ("International Labour Organization" ... "ILO"), if the acronym
      // is in the article.
      if (!overlapped) untagged_runs[run.initials].push_back(run.range);
    }
  }
  for (const Caps& c : caps) {
    auto it = by_initials.find(c.acronym);
    if (it == by_initials.end()) continue;
    cands.push_back({it->second, c.range, FoldName(c.acronym), ""});
    auto runs = untagged_runs.find(c.acronym);
    if (runs != untagged_runs.end()) {
      for (const TextRange& run : runs->second) {
        cands.push_back({it->second, run, FoldName(slice(run)), ""});
      }
      untagged_runs.erase(runs);
    }
  }
  if (joined_in) {
    std::erase_if(cands, [](const Candidate& c) { return c.range.size() == 0; });
  }
}

}  // namespace byline::rules
