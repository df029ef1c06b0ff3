#include "byline/index/entity_extractor.h"

#include "rules/acronyms.h"
#include "rules/adjectives.h"
#include "rules/candidate.h"
#include "rules/cues.h"
#include "rules/equipment.h"
#include "rules/facilities.h"
#include "rules/initials.h"
#include "rules/match_reports.h"
#include "rules/of_phrases.h"
#include "rules/org_heads.h"
#include "rules/outlets.h"
#include "rules/place_names.h"
#include "rules/sports_results.h"
#include "rules/word_lists.h"
#include "rules/words.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "byline/index/date_extractor.h"
#include "byline/text.h"

namespace byline {
namespace {

using rules::Candidate;
using rules::NamesByPart;
using rules::Covered;
using rules::FromNer;
using rules::CleanSpan;
using rules::SetRange;
using rules::RuleOverrides;
using rules::RuleOn;
using rules::AllUpper;
using rules::IsAlnumByte;
using rules::DottedInitialsEnd;
using rules::Words;
using rules::AfterSentenceEnd;
using rules::Initials;
using rules::IsAcronym;
using rules::IsUpperInitial;
using rules::TitleCase;
using rules::LastWord;
using rules::WordCore;
using rules::CapitalRunEnd;
using rules::RangeEndAt;
using rules::AtSentenceStart;
using rules::IsBracketAcronym;
using rules::IsTitleWord;
using rules::IsMonthOrWeekday;
using rules::IsMonthOrWeekdayWord;
using rules::IsOpeningWord;
using rules::IsLegalForm;
using rules::IsCompassWord;
using rules::IsInstitutionHead;
using rules::IsGeographicHead;
using rules::IsFacilityHead;
using rules::IsForeignInstitutionHead;
using rules::IsPolishNewOrOld;
using rules::IsSaintWord;
using rules::IsStreetName;
using rules::IsNewspaperWord;
using rules::IsOrganisationNoun;
using rules::JoinOfPhrases;
using rules::JoinFacilities;
using rules::FindFacilities;
using rules::FindOutlets;
using rules::RunInitial;
using rules::RunInitials;
using rules::IsSportsReport;
using rules::NameBeforeAcronym;

}  // namespace

void SetEntityRule(std::string_view name, bool on) {
  auto& overrides = RuleOverrides();
  for (auto& [rule, value] : overrides) {
    if (rule == name) {
      value = on;
      return;
    }
  }
  overrides.emplace_back(name, on);
}

void ResetEntityRules() { RuleOverrides().clear(); }

std::string FindArticleDate(const Article& article,
                            const std::vector<Passage>& passages) {
  const std::string& pub = article.published;
  if (pub.size() >= 10 && pub[4] == '-' && pub[7] == '-') {
    return pub.substr(0, 10);  // the source's own publication date
  }
  std::vector<TextRange> ranges{article.title_range};
  for (size_t i = 0; i < passages.size() && i < 3; ++i) {
    const TextRange r = passages[i].range;
    if (CountWords(article.Slice(r)) <= 25) ranges.push_back(r);
  }
  for (const TextRange& r : ranges) {
    for (const DateMention& d : FindDates(article.text, r)) {
      if (d.iso.size() == 10 && d.has_year) return d.iso;
    }
  }
  return "";
}

ExtractedEntities EntityExtractor::Extract(
    const Article& article, const std::vector<Passage>& passages) const {
  ExtractedEntities result;
  const std::string_view text = article.text;
  std::vector<TextRange> ranges{article.title_range};
  for (const Passage& p : passages) ranges.push_back(p.range);
  // The words of each range, split once for the rules that walk them.
  std::vector<std::vector<TextRange>> range_words;
  range_words.reserve(ranges.size());
  for (const TextRange& r : ranges) range_words.push_back(Words(text, r));

  std::vector<Candidate> cands;
  const auto slice = [&](TextRange r) {
    return text.substr(r.start, r.size());
  };
  const auto add = [&](EntityType type, TextRange r) {
    r = CleanSpan(text, r, type);
    if (r.size() == 0) return;
    cands.push_back({type, r, FoldName(slice(r)), ""});
  };
  if (tagger_ != nullptr) {
    // The whole article at once, so a name in one paragraph helps tag it in
    // the others.
    for (const std::vector<NerSpan>& spans : tagger_->TagDocument(text, ranges)) {
      for (const NerSpan& s : spans) add(FromNer(s.type), {s.start, s.end});
    }
    // Teams in sports results are organisations, whatever the tagger made
    // of them: "Leeds beat Chelsea 2-1", "Bayer Leverkusen 3 Hamburg 1"
    // (rule stage 'results', rules/sports_results.h).
    if (RuleOn("results")) {
      for (const TextRange& r : ranges) {
        for (const rules::TeamName& found : rules::FindTeamNames(text, r)) {
          const TextRange team = found.range;
          // In a sentence, a name the tagger or the lists take for a
          // person's stays one ("Nadal beat Federer 6-4", "Trump beat
          // Clinton 304-227"); in a results table it is a team.
          if (!found.in_table) {
            const NerTagger::NameFacts facts =
                tagger_->LookUpName(slice(team));
            const bool person =
                (facts.person && !facts.org) ||
                std::any_of(cands.begin(), cands.end(), [&](const Candidate& c) {
                  return c.type == EntityType::kPerson &&
                         c.range.start < team.end && team.start < c.range.end;
                });
            if (person) continue;
          }
          std::erase_if(cands, [&](const Candidate& c) {
            return c.range.start < team.end && team.start < c.range.end;
          });
          cands.push_back(
              {EntityType::kOrg, team, FoldName(slice(team)), "", true});
        }
      }
    }
    // A country's dotted code the tagger left out is that country: "the
    // U.K.", "U.S." (rule 'countrycode'; the lists know them as countries).
    if (RuleOn("countrycode")) {
      const size_t tagged = cands.size();
      for (const TextRange& r : ranges) {
        for (size_t i = r.start; i < r.end; ++i) {
          if (i > r.start && IsAlnumByte(text[i - 1])) continue;
          const size_t e = DottedInitialsEnd(text, i, r.end);
          // Two initials at least.
          if (e - i < 4 || (e < r.end && IsAlnumByte(text[e]))) continue;
          const bool covered = std::any_of(
              cands.begin(), cands.begin() + tagged, [&](const Candidate& c) {
                return c.range.start < e && i < c.range.end;
              });
          if (!covered && tagger_->LookUpName(text.substr(i, e - i)).country) {
            cands.push_back({EntityType::kPlace, {i, e},
                             FoldName(text.substr(i, e - i)), ""});
          }
          i = e;
        }
      }
    }
    // The name after an honorific is a person's, tagged or not: "Mr.
    // Lindqvist", "Dr Ana Berg".
    if (RuleOn("honorific")) {
      static const std::set<std::string_view> kHonorifics = {
          "Mr",  "Mr.", "Mrs",       "Mrs.",  "Ms",   "Ms.",
          "Dr",  "Dr.", "Miss",      "Prof",  "Prof.", "Professor"};
      // Royal and religious titles too ("King Felipe VI", "Pope Leo"),
      // but not inside a name ("Stephen King Jr.") nor before a building,
      // a place or an institution named after someone ("Queen Mary
      // Hospital", "Prince Edward Island"; rule 'royal').
      static const std::set<std::string_view> kRoyal = {
          "King",   "Queen",   "Prince", "Princess", "Pope",
          "Sheikh", "Emperor", "Empress"};
      for (size_t k = 0; k < ranges.size(); ++k) {
        const TextRange r = ranges[k];
        const std::vector<TextRange>& ws = range_words[k];
        for (size_t i = 0; i < ws.size(); ++i) {
          const TextRange& w = ws[i];
          const bool royal = kRoyal.count(slice(w)) > 0 && RuleOn("royal");
          if ((!kHonorifics.count(slice(w)) && !royal) || w.end + 1 >= r.end ||
              text[w.end] != ' ') {
            continue;
          }
          const size_t end = CapitalRunEnd(text, w.end + 1, r.end, false, 3);
          if (end <= w.end + 1) continue;
          if (royal) {
            if (i > 0 && IsUpperInitial(slice(ws[i - 1])) &&
                !AfterSentenceEnd(text, w.start)) {
              continue;
            }
            const std::string_view last = LastWord(text, {w.end + 1, end});
            if (last == "Jr." || last == "Sr." || IsInstitutionHead(last) ||
                IsGeographicHead(last) || IsFacilityHead(last, "", false)) {
              continue;
            }
          }
          add(EntityType::kPerson, {w.end + 1, end});
        }
      }
    }
    // A word the lists know only as an organisation (a WordNet one, never
    // a person or place in the training data, not a common word or a given
    // name) is that organisation where the tagger left it untagged: a
    // movement or body the training text never named ("Interpol",
    // "Mossad"). Before a hyphen and a lowercase word it is too
    // ("Interpol-led").
    if (RuleOn("gazorg")) {
      const std::vector<bool> tagged = Covered(text.size(), cands);
      for (const std::vector<TextRange>& ws : range_words) {
        for (size_t k = 0; k < ws.size(); ++k) {
          const TextRange& w = ws[k];
          bool cut = false;
          std::string_view core = WordCore(slice(w), &cut);
          // The word alone, not part of a longer capitalised run ("Penn
          // State").
          if ((!cut && k + 1 < ws.size() && IsUpperInitial(slice(ws[k + 1]))) ||
              (k > 0 && IsUpperInitial(slice(ws[k - 1])) &&
               !AfterSentenceEnd(text, w.start))) {
            continue;
          }
          const size_t dash = core.find('-');
          if (dash != std::string_view::npos) {
            if (dash + 1 >= core.size() ||
                !std::islower(static_cast<unsigned char>(core[dash + 1]))) {
              continue;
            }
            core = core.substr(0, dash);
          }
          if (core.size() < 3 || !IsUpperInitial(core) || tagged[w.start] ||
              IsAcronym(core)) {
            continue;
          }
          const NerTagger::NameFacts facts = tagger_->LookUpName(core);
          if (!facts.gazetteer_org || facts.person || facts.place ||
              facts.gazetteer_place) {
            continue;
          }
          const NerTagger::WordFacts word = tagger_->LookUpWord(core);
          if (word.common || word.given_name || word.title || word.demonym) {
            continue;
          }
          add(EntityType::kOrg, {w.start, w.start + core.size()});
        }
      }
    }
    // A party named with a lowercase "party" ("the Republican party",
    // "the Labour party") is that party, an organisation, whatever the
    // tagger made of its adjective (rule 'party').
    if (RuleOn("party")) {
      static const std::set<std::string_view> kPartyWords = {
          "Republican",  "Democratic",  "Labour",      "Labor",
          "Conservative", "Liberal",    "Green",       "Communist",
          "Socialist",   "Progressive", "Libertarian", "Nationalist",
          "Reform",      "Pirate",      "Centre",      "Center"};
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
    }
    // Chinese and Korean names written surname first with a hyphenated
    // given name: "Lam Wai-keung", "Kim Jong-un". The tagger often stops
    // at the surname.
    if (RuleOn("hyphengiven")) {
      // Two short syllables, neither an English word: not "Bush-era",
      // "Prize-winner", "Dakota-sized".
      const auto given = [&](std::string_view w) {
        const size_t dash = w.find('-');
        if (dash == std::string_view::npos || dash < 2 || dash > 5 ||
            w.size() - dash < 3 || w.size() - dash > 6 ||
            !std::isupper(static_cast<unsigned char>(w[0]))) {
          return false;
        }
        for (size_t i = 1; i < w.size(); ++i) {
          if (i != dash && !std::islower(static_cast<unsigned char>(w[i]))) {
            return false;
          }
        }
        // Syllables of two or three letters are often words too ("bin",
        // "yan"): those are checked against a short list of suffixes.
        const auto english = [&](std::string_view part) {
          static const std::set<std::string_view> kShort = {
              "age", "day", "end", "era", "led", "man", "old", "run", "set",
              "war"};
          if (part.size() < 4) return kShort.count(part) > 0;
          return tagger_->LookUpWord(part).common;
        };
        return !english(w.substr(0, dash)) && !english(w.substr(dash + 1));
      };
      const auto surname = [](std::string_view w) {
        if (w.size() < 2 || w.size() > 8 ||
            !std::isupper(static_cast<unsigned char>(w[0])) || w == "The" ||
            w == "An" || IsOpeningWord(w) || IsTitleWord(w) ||
            IsMonthOrWeekdayWord(w)) {
          return false;
        }
        return std::all_of(w.begin() + 1, w.end(), [](char ch) {
          return std::islower(static_cast<unsigned char>(ch)) != 0;
        });
      };
      for (const std::vector<TextRange>& ws : range_words) {
        for (size_t i = 1; i < ws.size(); ++i) {
          bool cut = false;
          const std::string_view core = WordCore(slice(ws[i]), &cut);
          if (!given(core) || !surname(slice(ws[i - 1]))) continue;
          add(EntityType::kPerson, {ws[i - 1].start, ws[i].start + core.size()});
        }
      }
    }
  }

  // Acronyms the article pairs with their expansion: "Expansion (ACR)".
  std::map<std::string, std::string> acronym_of;  // key of expansion -> ACR
  std::map<std::string, size_t> name_at;  // key of ACR -> start of expansion
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
  if (tagger_ != nullptr && RuleOn("acrrun")) {
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
        for (size_t i = 0; i < tagged; ++i) {
          const TextRange t = cands[i].range;
          if (t.start == run.start && t.end == run.end) type = cands[i].type;
          inside = inside || (t.start < run.start && run.start < t.end);
        }
        if (inside) continue;
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
  if (tagger_ != nullptr && RuleOn("acrfirst")) {
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
  if (tagger_ != nullptr && RuleOn("acrany")) {
    for (const auto& [i, r] : foreign) {
      const std::string_view acr = slice(r);
      const Candidate& c = cands[i];
      if (acronym_of.count(FoldName(acr)) || acronym_of.count(c.key) ||
          Words(text, c.range).size() < 2 || acr.size() > 6 ||
          !std::all_of(acr.begin(), acr.end(), [](char ch) {
            return std::isupper(static_cast<unsigned char>(ch));
          })) {
        continue;
      }
      const NerTagger::NameFacts facts = tagger_->LookUpName(acr);
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
  {
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
        // for ("International Labour Organization" ... "ILO"), if the acronym is
        // in the article.
        if (!overlapped) untagged_runs[run.initials].push_back(run.range);
      }
    }
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
          auto it = by_initials.find(acronym);
          if (it != by_initials.end()) {
            cands.push_back({it->second, {i, e}, FoldName(acronym), ""});
            auto runs = untagged_runs.find(acronym);
            if (runs != untagged_runs.end()) {
              for (const TextRange& run : runs->second) {
                cands.push_back({it->second, run, FoldName(slice(run)), ""});
              }
              untagged_runs.erase(runs);
            }
          }
        }
        i = e;
      }
    }
  }

  // Overlaps (a tagger span inside another, an acronym tagged twice): keep
  // the earlier, longer one.
  std::sort(cands.begin(), cands.end(), [](const Candidate& a,
                                           const Candidate& b) {
    return a.range.start != b.range.start ? a.range.start < b.range.start
                                          : a.range.size() > b.range.size();
  });
  {
    std::vector<Candidate> kept;
    for (Candidate& c : cands) {
      if (!kept.empty() && c.range.start < kept.back().range.end) continue;
      kept.push_back(std::move(c));
    }
    cands.swap(kept);
  }
  // Two places joined by a linking word of their language are one place:
  // "Vila Nova" + "de" + "Gaia" (rules/place_names.h).
  if (RuleOn("placelink")) {
    for (size_t i = 0; i + 1 < cands.size(); ++i) {
      Candidate& a = cands[i];
      const Candidate& b = cands[i + 1];
      if (a.type != EntityType::kPlace || b.type != EntityType::kPlace ||
          b.range.start <= a.range.end + 2) {
        continue;
      }
      const std::string_view between =
          text.substr(a.range.end, b.range.start - a.range.end);
      if (between.size() < 4 || between.front() != ' ' ||
          between.back() != ' ' ||
          !rules::IsPlaceLinkWord(between.substr(1, between.size() - 2))) {
        continue;
      }
      SetRange(text, {a.range.start, b.range.end}, &a);
      cands.erase(cands.begin() + static_cast<ptrdiff_t>(i + 1));
    }
  }
  if (tagger_ != nullptr) {
    JoinOfPhrases(text, ranges, *tagger_, &cands);
    JoinFacilities(text, ranges, &cands);
    FindFacilities(text, ranges, &cands);
    FindOutlets(text, ranges, &cands);
    // A team of the article's results is that team wherever the article
    // names it ("Bayer Leverkusen 3 Hamburg 1" ... "Bayer Leverkusen drew").
    {
      std::set<std::string> teams;
      for (const Candidate& c : cands) {
        if (c.team) teams.insert(c.key);
      }
      for (Candidate& c : cands) {
        if (!c.team && teams.count(c.key) > 0) {
          c.type = EntityType::kOrg;
          c.team = true;
        }
      }
    }
    // In a match report a country is its team, an organisation (as in
    // GUM): "Chile beat Norway 2 - 1".
    const bool sports = RuleOn("sport") && IsSportsReport(text);
    // Words of the article's longer person names: "Washington" alone may
    // be short for "George Washington".
    std::set<std::string_view> person_words;
    for (const Candidate& c : cands) {
      const std::vector<TextRange> words = Words(text, c.range);
      if (c.type != EntityType::kPerson || words.size() < 2) continue;
      for (const TextRange& w : words) person_words.insert(slice(w));
    }
    for (Candidate& c : cands) {
      if (c.team) continue;
      if (c.type == EntityType::kPerson) {
        // A city or country standing for its government ("support Kyiv",
        // "talks with Paris") is a place, not a person, unless the
        // training data knew it as a person's name or it is part of one
        // in the article.
        const std::vector<TextRange> words = Words(text, c.range);
        if (!RuleOn("cityperson") || words.size() != 1 ||
            person_words.count(slice(c.range)) > 0) {
          continue;
        }
        const NerTagger::NameFacts facts = tagger_->LookUpName(slice(c.range));
        if ((facts.city || facts.country) && !facts.person) {
          c.type = EntityType::kPlace;
        }
        continue;
      }
      const NerTagger::NameFacts facts = tagger_->LookUpName(slice(c.range));
      // The nations of the United Kingdom field teams of their own, though
      // the country lists (ISO 3166) know them as one country.
      static const std::set<std::string_view> kHomeNations = {
          "England", "Scotland", "Wales", "Northern Ireland"};
      if (sports && c.type == EntityType::kPlace &&
          (facts.country || kHomeNations.count(slice(c.range)) > 0)) {
        c.type = EntityType::kOrg;
      } else if (!sports && RuleOn("placeprior") &&
                 c.type == EntityType::kOrg && facts.gazetteer_place &&
                 !facts.gazetteer_org && !facts.org) {
        // Elsewhere a city or country that the training data never named
        // as an organisation is a place ("Porto").
        c.type = EntityType::kPlace;
      }
    }
  }

  if (tagger_ != nullptr) {
    // Words a name starts with that tell its kind: a foreign institution's
    // head ("Instituto X", an organisation), a saint ("Santo X", a place),
    // a street ("Via X", "Xstrasse"); and an institution's head alone
    // before "of" ("the Municipality of X": the council, not the town).
    if (RuleOn("heads")) {
      for (Candidate& c : cands) {
        const std::vector<TextRange> words = Words(text, c.range);
        const std::string_view first = slice(words.front());
        if (words.size() >= 2 && IsForeignInstitutionHead(first)) {
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
    // A name that ends with an organisation's head noun ("Ashcombe
    // Heritage Forum") is an organisation (rules/org_heads.h).
    if (RuleOn("orghead")) {
      for (Candidate& c : cands) {
        if (c.type != EntityType::kOrg && c.type != EntityType::kDate &&
            rules::EndsWithOrgHead(slice(c.range))) {
          c.type = EntityType::kOrg;
        }
      }
    }
    // A picture's credit ("Image: X.", "Photo: X") names who took or gave
    // it, a photographer, an account or an agency, not a place: a one-word
    // name there that the lists do not know as a place is a person (a user
    // name), whatever its form ("Photo: Lindenallee").
    if (RuleOn("credit")) {
      static const std::set<std::string_view> kCredits = {
          "Image:",   "Images:",     "Photo:",  "Photos:",
          "Picture:", "Photograph:", "Credit:", "Credits:"};
      for (size_t n = 0; n < ranges.size(); ++n) {
        const TextRange r = ranges[n];
        if (slice(r).find(':') == std::string_view::npos) continue;
        const std::vector<TextRange>& words = range_words[n];
        for (size_t k = 0; k + 1 < words.size(); ++k) {
          if (!kCredits.count(slice(words[k]))) continue;
          size_t end = text.find('.', words[k + 1].start);
          if (end == std::string_view::npos || end > r.end) end = r.end;
          for (Candidate& c : cands) {
            if (c.range.start < words[k].end || c.range.end > end ||
                c.type != EntityType::kPlace ||
                Words(text, c.range).size() != 1) {
              continue;
            }
            const NerTagger::NameFacts facts =
                tagger_->LookUpName(slice(c.range));
            if (!facts.gazetteer_place && !facts.place && !facts.city &&
                !facts.country) {
              c.type = EntityType::kPerson;
            }
          }
        }
      }
    }
    // A name before a common noun for a piece of land is that place: "the
    // Dravna region", "the Kestel training area" (not an organisation the
    // lists know, nor an acronym: "the NATO area" stays).
    if (RuleOn("placenoun")) {
      static const std::set<std::string_view> kLand = {
          "area",   "region",   "district", "village",   "town",
          "valley", "province", "county",   "peninsula", "desert",
          "basin",  "coast",    "lowlands", "highlands", "plateau"};
      for (Candidate& c : cands) {
        if (c.type != EntityType::kOrg || IsAcronym(slice(c.range)) ||
            Words(text, c.range).size() > 2) {
          continue;
        }
        // The next one or two lowercase words.
        size_t p = c.range.end;
        bool land = false;
        for (int k = 0; k < 2 && !land; ++k) {
          if (p >= text.size() || text[p] != ' ') break;
          size_t e = p + 1;
          while (e < text.size() &&
                 std::islower(static_cast<unsigned char>(text[e]))) {
            ++e;
          }
          if (e == p + 1) break;
          land = kLand.count(text.substr(p + 1, e - p - 1)) > 0;
          p = e;
        }
        if (!land) continue;
        const NerTagger::NameFacts facts = tagger_->LookUpName(slice(c.range));
        if (!facts.org && !facts.gazetteer_org) c.type = EntityType::kPlace;
      }
    }
    // A name in apposition to a common noun for an organisation is one:
    // "the magazine Nordlys", "the schools Santo Marco and Aurora" (also
    // when the tagger missed it or took it for a person).
    if (RuleOn("appos")) {
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
    // A common word is not a name where the article capitalises it only at
    // the start of a sentence or a heading ("University exhibits"), and a
    // portfolio after a title is not an organisation ("Minister of
    // Education").
    if (RuleOn("common")) {
      std::map<std::string, bool> mid_sentence;  // key -> capitalised inside
      const auto capitalised_inside = [&](std::string_view w) {
        auto [it, inserted] = mid_sentence.emplace(FoldName(w), false);
        if (!inserted) return it->second;
        for (size_t k = 1; k < ranges.size() && !it->second; ++k) {
          const TextRange r = ranges[k];
          for (size_t at = text.find(w, r.start);
               at != std::string_view::npos && at + w.size() <= r.end;
               at = text.find(w, at + 1)) {
            const size_t e = at + w.size();
            if ((at > 0 && IsAlnumByte(text[at - 1])) ||
                (e < text.size() && IsAlnumByte(text[e]))) {
              continue;
            }
            if (!AtSentenceStart(text, r, at)) {
              it->second = true;
              break;
            }
          }
        }
        return it->second;
      };
      std::erase_if(cands, [&](const Candidate& c) {
        const std::string_view w = slice(c.range);
        if (w.find(' ') != std::string_view::npos || IsAcronym(w) ||
            !tagger_->LookUpWord(w).common) {
          return false;
        }
        // After "Minister of", "Secretary for".
        const std::string_view before =
            Trim(text.substr(c.range.start >= 24 ? c.range.start - 24 : 0,
                             std::min<size_t>(c.range.start, 24)));
        for (std::string_view link : {" of", " for"}) {
          if (before.size() > link.size() &&
              before.substr(before.size() - link.size()) == link) {
            const std::string_view head =
                LastWord(before, {0, before.size() - link.size()});
            if (IsTitleWord(head) || tagger_->LookUpWord(head).title) {
              return true;
            }
          }
        }
        const NerTagger::NameFacts facts = tagger_->LookUpName(w);
        if (facts.gazetteer_place || facts.gazetteer_org) return false;
        return !capitalised_inside(w);
      });
    }
  }

  if (tagger_ != nullptr) {
    // Names of vehicles are not people, organisations or places (CoNLL's
    // MISC): a name right after "ship", "shuttle", "vessel" ... ("the
    // cruise ship Nordstjerna", "Space Shuttle Tern") is dropped, with its
    // other mentions in the article; so is a name with a capitalised
    // vehicle word inside ("Space Shuttle Tern" tagged whole) and the words
    // after it ("Tern").
    if (RuleOn("vehicle")) {
      static const std::set<std::string_view> kVehicles = {
          "ship",    "Ship",      "vessel",  "Vessel",     "shuttle",
          "Shuttle", "orbiter",   "Orbiter", "spacecraft", "yacht",
          "ferry",   "submarine", "frigate", "destroyer",  "tanker",
          "liner",   "rover",   "HMS",        "USS",
          "HMC",     "RMS",       "MV",      "SS"};
      // Named storms go the same way: no person, place or organisation
      // (CoNLL's MISC), "Hurricane Tilda" ... "Tilda made landfall"
      // (rule 'storm').
      static const std::set<std::string_view> kStorms = {
          "hurricane", "Hurricane", "cyclone", "Cyclone", "typhoon",
          "Typhoon",   "storm",     "Storm"};
      const bool storms = RuleOn("storm");
      const auto is_vehicle_word = [&](std::string_view w) {
        return kVehicles.count(w) > 0 || (storms && kStorms.count(w) > 0);
      };
      std::set<std::string> vehicles;
      for (const Candidate& c : cands) {
        // The storm word alone ("the Cyclone is almost certain to"), but
        // not "Storm", a name of teams and people too.
        if (storms && kStorms.count(slice(c.range)) && slice(c.range) != "Storm") {
          vehicles.insert(c.key);
        }
        size_t b = c.range.start;
        while (b > 0 && (IsAsciiSpace(text[b - 1]) || text[b - 1] == ',')) --b;
        size_t a = b;
        while (a > 0 && !IsAsciiSpace(text[a - 1])) --a;
        if (a == b) continue;
        const std::vector<TextRange> words = Words(text, c.range);
        // A capitalised vehicle word inside the name ("Space Shuttle
        // Tern"): the words after it name the vehicle.
        size_t inside = 0;
        for (size_t k = 0; k + 1 < words.size() && inside == 0; ++k) {
          if (is_vehicle_word(slice(words[k])) &&
              std::isupper(static_cast<unsigned char>(text[words[k].start])) &&
              slice(words[k]) != "Ship") {
            inside = k + 1;
          }
        }
        if (is_vehicle_word(text.substr(a, b - a)) || inside > 0) {
          vehicles.insert(c.key);
          if (inside > 0) {
            vehicles.insert(FoldName(slice({words[inside].start, c.range.end})));
          }
        }
      }
      // The same after a vehicle word where the tagger tagged nothing
      // ("Space Shuttle Tern lifts off" ... "Tern and Heron"): the
      // capitalised words after it.
      for (const TextRange& r : ranges) {
        const std::vector<TextRange> words = Words(text, r);
        for (size_t k = 0; k + 1 < words.size(); ++k) {
          if (!is_vehicle_word(slice(words[k])) ||
              words[k + 1].start != words[k].end + 1) {
            continue;
          }
          // Up to three words; a word ending with punctuation ends the
          // name ("Tern, which").
          size_t e = k + 1, end = 0;
          while (e < words.size() && e < k + 4 &&
                 IsUpperInitial(slice(words[e])) &&
                 (e == k + 1 || words[e].start == words[e - 1].end + 1)) {
            end = words[e].end;
            while (end > words[e].start && !IsAlnumByte(text[end - 1])) --end;
            ++e;
            if (end < words[e - 1].end) break;
          }
          if (end > words[k + 1].start) {
            vehicles.insert(FoldName(slice({words[k + 1].start, end})));
          }
        }
      }
      std::erase_if(
          cands, [&](const Candidate& c) { return vehicles.count(c.key) > 0; });
    }
    // A plural of a capitalised word that the article also uses in the
    // singular is a common noun: a product ("two Lumas", "a Luma") or a
    // group of people, not a name.
    if (RuleOn("plural")) {
      std::erase_if(cands, [&](const Candidate& c) {
        const std::string_view w = slice(c.range);
        // The plural of an abbreviation ("ICUs", "SUVs", "NGOs") is a
        // common noun, unless the lists know it as a name (rule
        // 'pluralacr').
        if (w.size() >= 3 && w.back() == 's' && RuleOn("pluralacr") &&
            AllUpper(w.substr(0, w.size() - 1))) {
          const NerTagger::NameFacts f = tagger_->LookUpName(w);
          return !(f.person || f.org || f.place || f.gazetteer_org ||
                   f.gazetteer_place);
        }
        if (w.size() < 4 || w.back() != 's' ||
            w.find(' ') != std::string_view::npos || IsAcronym(w)) {
          return false;
        }
        const char before = w[w.size() - 2];
        if (before == 's' || before == 'u' || before == 'i') return false;
        const std::string_view one = w.substr(0, w.size() - 1);
        const NerTagger::NameFacts facts = tagger_->LookUpName(w);
        if (facts.gazetteer_place || facts.gazetteer_org || facts.country) {
          return false;
        }
        for (size_t at = text.find(one); at != std::string_view::npos;
             at = text.find(one, at + 1)) {
          const size_t e = at + one.size();
          if ((at == 0 || !IsAlnumByte(text[at - 1])) &&
              (e == text.size() || !IsAlnumByte(text[e]))) {
            return true;
          }
        }
        return false;
      });
    }
    // An acronym in "<person> of <ACRONYM>" or "<ACRONYM>'s <person>" is
    // the person's party, club or company: "Ana Lind of the PDU".
    if (RuleOn("acrper")) {
      std::vector<Candidate> added;
      std::vector<bool> taken(text.size() + 1, false);
      for (const Candidate& c : cands) {
        for (size_t i = c.range.start; i < c.range.end; ++i) taken[i] = true;
      }
      const auto acronym_at = [&](size_t i) {
        size_t e = i;
        while (e < text.size() && IsAlnumByte(text[e])) ++e;
        const std::string_view w = text.substr(i, e - i);
        if (w.size() < 2 || w.size() > 6 || !IsAcronym(w) || taken[i]) {
          return TextRange{i, i};
        }
        for (char ch : w) {
          if (!std::isupper(static_cast<unsigned char>(ch)))
            return TextRange{i, i};
        }
        const NerTagger::NameFacts facts = tagger_->LookUpName(w);
        if (facts.gazetteer_place || facts.country || facts.place) {
          return TextRange{i, i};
        }
        return TextRange{i, e};
      };
      for (const Candidate& c : cands) {
        if (c.type != EntityType::kPerson) continue;
        for (std::string_view link : {" of the ", " of "}) {
          if (text.substr(c.range.end, link.size()) != link) continue;
          const TextRange r = acronym_at(c.range.end + link.size());
          if (r.size() > 0) {
            added.push_back({EntityType::kOrg, r, FoldName(slice(r)), ""});
          }
          break;
        }
        for (std::string_view link : {" 's ", "'s ", " \u2019s ", "\u2019s "}) {
          if (c.range.start < link.size() + 2 ||
              text.substr(c.range.start - link.size(), link.size()) != link) {
            continue;
          }
          size_t a = c.range.start - link.size();
          while (a > 0 && IsAlnumByte(text[a - 1])) --a;
          const TextRange r = acronym_at(a);
          if (r.end == c.range.start - link.size()) {
            added.push_back({EntityType::kOrg, r, FoldName(slice(r)), ""});
          }
          break;
        }
      }
      for (Candidate& c : added) cands.push_back(std::move(c));
    }
  }

  // Events are not names (CoNLL's MISC), but the name they are named after
  // is: a name ending with an event's head ("Fair", "Festival", "Expo",
  // "Cup" ...) whose first words are a name of their own, tagged alone in
  // the article or known to the lists and not a common word, is that name
  // ("the Nordel Science Fair" -> "Nordel"). Other events are left as
  // tagged, but for wars, which are dropped.
  if (tagger_ != nullptr && RuleOn("event")) {
    static const std::set<std::string_view> kEventHeads = {
        "Fair",        "Festival",      "Expo",       "Olympics",
        "Olympiad",    "Cup",           "Championship", "Championships",
        "Tournament",  "Marathon",      "Biennale",   "Awards",
        "War",         "Wars"};
    // Sporting events are no organisation, place or person either ("the
    // World Cup", "the Winter Carnival", "the Paralympic Games"): dropped
    // like wars when no name is found in front (rule 'sportevent').
    static const std::set<std::string_view> kSportHeads = {
        "Cup",        "Championship", "Championships", "Tournament",
        "Olympics",   "Paralympics",  "Olympiad",      "Marathon",
        "Carnival",   "Games"};
    static const std::set<std::string_view> kGamesBefore = {
        "Olympic", "Paralympic", "Commonwealth", "Asian", "Invictus",
        "Youth",   "Winter",     "Summer",       "Special"};
    static const std::set<std::string_view> kSportWords = {
        "Olympics", "Paralympics", "Olympic", "Paralympic"};
    std::map<std::string, EntityType> alone;
    for (const Candidate& c : cands) alone.emplace(c.key, c.type);
    // Keys of wars and sporting events not named after a name.
    std::set<std::string> dropped;
    for (Candidate& c : cands) {
      const std::vector<TextRange> words = Words(text, c.range);
      if (words.size() == 1 && kSportWords.count(slice(words[0])) &&
          RuleOn("sportevent")) {
        dropped.insert(c.key);
        continue;
      }
      if (words.size() < 2) continue;
      const std::string_view head = slice(words.back());
      const bool sport =
          RuleOn("sportevent") && kSportHeads.count(head) &&
          (head != "Games" ||
           kGamesBefore.count(slice(words[words.size() - 2])));
      if (!kEventHeads.count(head) && !sport) continue;
      // A war is never an organisation, place or person ("the Second
      // World War"), unless it is a ministry's portfolio ("Secretary of
      // War"); it is dropped below if no name is found in front.
      if (((head == "War" || head == "Wars") &&
           slice(words[words.size() - 2]) != "of") ||
          sport) {
        dropped.insert(c.key);
      }
      for (size_t k = words.size() - 1; k-- > 0;) {
        const TextRange r{words[0].start, words[k].end};
        const std::string_view part = slice(r);
        if (!IsUpperInitial(part) || !IsAlnumByte(text[r.end - 1])) continue;
        std::optional<EntityType> type;
        if (auto it = alone.find(FoldName(part)); it != alone.end()) {
          type = it->second;
        } else if (k > 0 || (!tagger_->LookUpWord(part).common &&
                             !tagger_->LookUpWord(part).demonym)) {
          const NerTagger::NameFacts f = tagger_->LookUpName(part);
          if (f.org || f.gazetteer_org) {
            type = EntityType::kOrg;
          } else if (f.place || f.gazetteer_place || f.country || f.city) {
            type = EntityType::kPlace;
          } else if (f.person) {
            type = EntityType::kPerson;
          }
        }
        if (!type) continue;
        dropped.erase(c.key);
        c.type = *type;
        c.range = r;
        c.key = FoldName(part);
        break;
      }
    }
    std::erase_if(cands,
                  [&](const Candidate& c) { return dropped.count(c.key) > 0; });
  }

  // An acronym is what its name turned out to be after the rules above
  // ("Lovell Space Center (LSC)": the name became a place).
  if (RuleOn("acrrun")) {
    std::map<size_t, EntityType> type_at;
    for (const Candidate& c : cands) type_at.emplace(c.range.start, c.type);
    for (Candidate& c : cands) {
      auto at = name_at.find(c.key);
      if (at == name_at.end()) continue;
      auto t = type_at.find(at->second);
      if (t != type_at.end()) c.type = t->second;
    }
  }

  // A dateline: a paragraph that opens with a place in capitals
  // ("HANOI, Vietnam (AP) -", "WASHINGTON -") names that place, whatever
  // the tagger made of the capitals; it votes as a place below, and its
  // canonical name is written as the lists know it ("Hanoi"), so it counts
  // with the place's other mentions.
  std::map<std::string, std::string> dateline_name;  // key -> "Hanoi"
  if (tagger_ != nullptr && RuleOn("dateline")) {
    std::set<size_t> starts;
    for (const TextRange& r : ranges) {
      size_t i = r.start;
      while (i < r.end && IsAsciiSpace(text[i])) ++i;
      starts.insert(i);
    }
    for (Candidate& c : cands) {
      if (!starts.count(c.range.start)) continue;
      const std::string_view word = slice(c.range);
      if (word.size() < 3 || std::any_of(word.begin(), word.end(), [](char ch) {
            return !std::isupper(static_cast<unsigned char>(ch)) && ch != ' ';
          })) {
        continue;
      }
      // "NEW YORK" -> "New York".
      const std::string title = TitleCase(word);
      const auto facts = tagger_->LookUpName(title);
      if (!facts.gazetteer_place || tagger_->LookUpName(word).org) continue;
      c.type = EntityType::kPlace;
      dateline_name[c.key] = title;
    }
    // A dateline the tagger left untagged: up to three words in capitals
    // that open a paragraph and end at a comma, a bracket or a dash
    // ("VALENCIA, Spain (AP) -", "NEW YORK (AP) -"), named as the lists
    // know the place.
    std::set<size_t> tagged_starts;
    for (const Candidate& c : cands) tagged_starts.insert(c.range.start);
    for (const size_t start : starts) {
      if (tagged_starts.count(start)) continue;
      const size_t limit = RangeEndAt(ranges, start);
      size_t end = start, words = 0;
      for (size_t i = start; i < limit && words < 3;) {
        size_t e = i;
        while (e < limit && std::isupper(static_cast<unsigned char>(text[e]))) ++e;
        if (e - i < 2 || (e < limit && std::isalnum(static_cast<unsigned char>(text[e])))) {
          break;
        }
        end = e;
        ++words;
        if (e + 1 < limit && text[e] == ' ' &&
            std::isupper(static_cast<unsigned char>(text[e + 1]))) {
          i = e + 1;
          continue;
        }
        break;
      }
      if (words == 0) continue;
      const std::string_view after = text.substr(end, 5);
      if (!after.starts_with(",") && !after.starts_with(" (") &&
          !after.starts_with(" -") && !after.starts_with(" \u2014") &&
          !after.starts_with(" \u2013")) {
        continue;
      }
      const TextRange r{start, end};
      const std::string title = TitleCase(slice(r));
      const auto facts = tagger_->LookUpName(title);
      if (!facts.gazetteer_place) continue;
      cands.push_back({EntityType::kPlace, r, FoldName(slice(r)), ""});
      dateline_name[FoldName(slice(r))] = title;
    }
  }

  // A one-word name the tagger took for a person, where the words around
  // it say a place ("the quarter of Kazmark") or an organisation ("the
  // director of Velmora", "Velmora, the Dutch branch of") (rules/cues.h).
  if (RuleOn("cue")) {
    for (Candidate& c : cands) {
      if (c.type != EntityType::kPerson || c.team ||
          slice(c.range).find_first_of(" \n") != std::string_view::npos) {
        continue;
      }
      if (const auto type = rules::TypeFromCues(text.substr(0, c.range.start),
                                                text.substr(c.range.end))) {
        c.type = *type;
      }
    }
  }

  // One type per name: the majority of its tagged mentions.
  std::map<std::string, std::array<int, 4>> votes;
  for (const Candidate& c : cands) ++votes[c.key][static_cast<int>(c.type)];
  // A word that ends a person's full name in this article is that person
  // wherever it stands alone ("Mark Oduya" ... "Oduya"), whatever the
  // tagger guessed there.
  for (const Candidate& c : cands) {
    if (c.type != EntityType::kPerson) continue;
    const std::vector<TextRange> words = Words(text, c.range);
    if (words.size() < 2) continue;
    auto it = votes.find(FoldName(slice(words.back())));
    if (it != votes.end()) it->second[static_cast<int>(EntityType::kPerson)] += 1000;
  }
  const auto majority = [&](const std::string& key) {
    const auto& v = votes[key];
    return static_cast<EntityType>(std::max_element(v.begin(), v.end()) -
                                   v.begin());
  };
  for (Candidate& c : cands) c.type = majority(c.key);

  // Find tagged names again where the tagger missed them. A one-word name
  // that also occurs in lowercase is a common word ("Bank", "Storm"), and
  // month or day names are dates: those are not propagated.
  std::set<std::string> surfaces;
  for (const Candidate& c : cands) surfaces.insert(std::string(slice(c.range)));
  // A surname stands for the person after the full name, even where the
  // tagger never tagged it alone ("Ana Lindqvist" ... "Lindqvist said").
  if (RuleOn("surname")) {
    for (const Candidate& c : cands) {
      if (c.type != EntityType::kPerson) continue;
      const std::vector<TextRange> words = Words(text, c.range);
      if (words.size() < 2) continue;
      const std::string_view last = slice(words.back());
      if (last.size() < 2 || !IsUpperInitial(last) || IsAcronym(last) ||
          last.back() == '.' || IsTitleWord(last)) {
        continue;
      }
      surfaces.insert(std::string(last));
    }
  }
  std::vector<bool> covered = Covered(text.size(), cands);
  for (const std::string& s : surfaces) {
    const std::string key = FoldName(s);
    if (s.find(' ') == std::string::npos) {
      if (IsMonthOrWeekday(key) || s.size() < 2) continue;
      std::string lower = key;
      bool common = false;
      for (const TextRange& r : ranges) {
        const std::string_view part = slice(r);
        for (size_t at = part.find(lower); at != std::string_view::npos && !common;
             at = part.find(lower, at + 1)) {
          const bool left = at == 0 || !IsAlnumByte(part[at - 1]);
          const size_t e = at + lower.size();
          const bool right = e == part.size() || !IsAlnumByte(part[e]);
          common = left && right;
        }
      }
      if (common) continue;
    }
    const EntityType type = majority(key);
    for (const TextRange& r : ranges) {
      // Ends with the range, as the acronym searches do.
      const std::string_view upto = text.substr(0, r.end);
      for (size_t at = upto.find(s, r.start); at != std::string_view::npos;
           at = upto.find(s, at + 1)) {
        const size_t e = at + s.size();
        if ((at > 0 && IsAlnumByte(text[at - 1])) ||
            (e < text.size() && IsAlnumByte(text[e]))) {
          continue;
        }
        bool free = true;
        for (size_t i = at; i < e && free; ++i) free = !covered[i];
        if (!free) continue;
        for (size_t i = at; i < e; ++i) covered[i] = true;
        cands.push_back({type, {at, e}, key, ""});
      }
    }
  }

  // An institution's head word alone after "the" ("the Church", "the
  // Court said") stands for the one organisation in the article whose name
  // has that head ("Church of Scientology", "Supreme Court of Cassation"),
  // and is named by it (rule 'headshort').
  NamesByPart by_head;  // organisations by the key of their head word
  std::set<std::string> head_short;  // keys of the short forms found
  if (RuleOn("headshort")) {
    static const std::set<std::string_view> kVague = {
        "Friends", "Sons",  "Daughters", "Knights", "Order", "Front",
        "Guard",   "Fund",  "Trust",     "Office",  "Service"};
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
      if (!h.empty()) by_head.Add(FoldName(h), CollapseWhitespace(slice(c.range)), c.key);
    }
    for (const TextRange& r : ranges) {
      const std::vector<TextRange> words = Words(text, r);
      for (size_t k = 1; k < words.size(); ++k) {
        const std::string_view the = slice(words[k - 1]);
        if (the != "the" && the != "The") continue;
        // The head and what ends it: punctuation, or a lowercase word.
        TextRange h = words[k];
        while (h.end > h.start && !IsAlnumByte(text[h.end - 1])) --h.end;
        if (h.end > h.start + 2 && text[h.end - 2] == '\'' && text[h.end - 1] == 's') {
          h.end -= 2;
        }
        const std::string_view head = slice(h);
        if (!IsInstitutionHead(head) || kVague.count(head) ||
            by_head.Find(FoldName(head)) == nullptr ||
            (h.end == words[k].end && k + 1 < words.size() &&
             IsUpperInitial(slice(words[k + 1])))) {
          continue;
        }
        bool free = true;
        for (size_t i = h.start; i < h.end && free; ++i) free = !covered[i];
        if (!free) continue;
        for (size_t i = h.start; i < h.end; ++i) covered[i] = true;
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

  // A nationality or regional adjective alone is no name: "Slovenian",
  // "South Bohemian" (rules/adjectives.h); a team's name is left alone.
  if (tagger_ != nullptr && RuleOn("adjective")) {
    const auto facts = [&](std::string_view w) {
      return tagger_->LookUpWord(w);
    };
    std::erase_if(cands, [&](const Candidate& c) {
      return !c.team &&
             rules::IsAdjectiveAlone(CollapseWhitespace(slice(c.range)), facts);
    });
  }

  // Canonical names: acronyms for paired expansions, full names for the
  // short forms of people.
  NamesByPart full_by_last;  // people by the key of their last word
  for (const Candidate& c : cands) {
    if (c.type != EntityType::kPerson) continue;
    const std::vector<TextRange> words = Words(text, c.range);
    if (words.size() < 2) continue;
    full_by_last.Add(FoldName(slice(words.back())),
                     CollapseWhitespace(slice(c.range)), c.key);
  }
  // An organisation named once with a qualifier in front and elsewhere
  // without it ("UN Security Council" ... "the Security Council", "British
  // Foreign Office" ... "the Foreign Office"): the qualifier is a country,
  // a nationality or an acronym the lists know as a body or place ("UN",
  // "EU"; not a brand: "LEGO Star Wars" leaves "Star Wars" alone), and only
  // one such longer name is in the article.
  NamesByPart qualified;  // organisations by the key of the rest
  if (tagger_ != nullptr && RuleOn("qualified")) {
    for (const Candidate& c : cands) {
      if (c.type != EntityType::kOrg) continue;
      const std::vector<TextRange> words = Words(text, c.range);
      if (words.size() < 3) continue;
      const std::string_view first = slice(words.front());
      const auto facts = tagger_->LookUpName(first);
      const bool qualifier =
          facts.country || tagger_->LookUpWord(first).demonym ||
          (IsAcronym(first) && (facts.gazetteer_org || facts.gazetteer_place));
      if (!qualifier) continue;
      qualified.Add(FoldName(slice({words[1].start, words.back().end})),
                    CollapseWhitespace(slice(c.range)), c.key);
    }
  }
  for (Candidate& c : cands) {
    const std::string* full = nullptr;
    if (auto a = acronym_of.find(c.key); a != acronym_of.end()) {
      c.name = a->second;
    } else if (c.type == EntityType::kPerson &&
               c.key.find(' ') == std::string::npos &&
               (full = full_by_last.Find(c.key)) != nullptr) {
      c.name = *full;
    } else if (auto d = dateline_name.find(c.key);
               d != dateline_name.end() && c.type == EntityType::kPlace) {
      c.name = d->second;
    } else if (c.type == EntityType::kOrg &&
               (full = qualified.Find(c.key)) != nullptr) {
      c.name = *full;
    } else if (c.type == EntityType::kOrg && head_short.count(c.key) &&
               (full = by_head.Find(c.key)) != nullptr) {
      c.name = *full;
    } else {
      c.name = CollapseWhitespace(slice(c.range));
    }
  }
  // A company's legal form is no part of its name in the facets: "Apple
  // Inc." and "Apple" are one organisation, "Apple" (rule 'legalform';
  // the mention's span keeps the form).
  if (RuleOn("legalform")) {
    for (Candidate& c : cands) {
      if (c.type != EntityType::kOrg) continue;
      const size_t sp = c.name.rfind(' ');
      if (sp == std::string::npos ||
          !IsLegalForm(std::string_view(c.name).substr(sp + 1),
                       /*letter_codes=*/true)) {
        continue;
      }
      std::string rest = c.name.substr(0, sp);
      if (!rest.empty() && rest.back() == ',') rest.pop_back();
      if (!rest.empty()) c.name = std::move(rest);
    }
  }

  // Government agencies named by their portfolio and their country
  // ("Statistics Norway", "Sport England"): the portfolio word right
  // before a country the tagger tagged makes the two one organisation
  // (rule 'agency').
  if (tagger_ != nullptr && RuleOn("agency")) {
    static const std::set<std::string_view> kPortfolios = {
        "Agriculture", "Environment", "Finance",   "Fisheries",
        "Health",      "Industry",    "Justice",   "Parks",
        "Sport",       "Statistics",  "Transport", "Employment"};
    for (Candidate& c : cands) {
      if (c.type != EntityType::kPlace || c.range.start < 2 ||
          text[c.range.start - 1] != ' ' ||
          !tagger_->LookUpName(slice(c.range)).country) {
        continue;
      }
      size_t s = c.range.start - 1;
      while (s > 0 && !IsAsciiSpace(text[s - 1])) --s;
      // After an opening quote or bracket too.
      for (std::string_view open : {"\"", "\u201c", "("}) {
        if (text.substr(s, open.size()) == open) s += open.size();
      }
      if (!kPortfolios.count(text.substr(s, c.range.start - 1 - s))) continue;
      c.type = EntityType::kOrg;
      c.range.start = s;
      c.name = CollapseWhitespace(slice(c.range));
      c.key = FoldName(c.name);
    }
  }

  // A newspaper's last word right after a place ("the Tarnow Times", cut
  // into "Tarnow" + "Times" as the GUM style has it) is named by both,
  // so that the facets do not count one paper of the many called "Times"
  // (rule 'papername').
  if (RuleOn("papername")) {
    std::map<size_t, const Candidate*> place_ending;
    for (const Candidate& c : cands) {
      if (c.type == EntityType::kPlace) place_ending[c.range.end] = &c;
    }
    for (Candidate& c : cands) {
      if (c.type != EntityType::kOrg || c.range.start == 0 ||
          text[c.range.start - 1] != ' ' ||
          c.name != slice(c.range) || !IsNewspaperWord(c.name)) {
        continue;
      }
      const auto it = place_ending.find(c.range.start - 1);
      if (it == place_ending.end()) continue;
      c.name = CollapseWhitespace(
          text.substr(it->second->range.start,
                      c.range.end - it->second->range.start));
    }
  }

  // A word in capitals that the lists do not know as written ("BAAR,
  // SWITZERLAND" under a headline, "The IMPLEMENT stage") is named as the
  // lists know it with one capital, and is a place if they know it as one;
  // a common word of six letters or more in capitals that they do not
  // know is no name (rule 'caps'). Acronyms the lists know ("NASA") stay
  // as they are.
  if (tagger_ != nullptr && RuleOn("caps")) {
    // Renames in place; returns true for a candidate to drop.
    const auto rename_or_drop = [&](Candidate& c) {
      if (c.type == EntityType::kDate) return false;
      const std::string_view w = slice(c.range);
      if (w.size() < 4 || !AllUpper(w)) return false;
      const NerTagger::NameFacts as_written = tagger_->LookUpName(w);
      if (as_written.person || as_written.org || as_written.place ||
          as_written.gazetteer_org || as_written.gazetteer_place) {
        return false;
      }
      const std::string title = TitleCase(w);
      const NerTagger::NameFacts f = tagger_->LookUpName(title);
      const bool common = tagger_->LookUpWord(w).common;
      if (f.country || f.city || (f.gazetteer_place && !f.gazetteer_org)) {
        c.type = EntityType::kPlace;
        c.name = title;
        return false;
      }
      if ((f.person || f.org || f.place || f.gazetteer_org) && !common) {
        c.name = title;
        return false;
      }
      // Short capitals may be an acronym that spells a word ("CARE").
      return common && w.size() >= 6;
    };
    std::vector<Candidate> kept;
    kept.reserve(cands.size());
    for (Candidate& c : cands) {
      if (!rename_or_drop(c)) kept.push_back(std::move(c));
    }
    cands = std::move(kept);
  }

  // An organisation whose name holds a possessive is one name: "Korean
  // People's Army" is not the possessor "Korean People" and an "Army".
  // Only a one-word head after the possessive joins, and never after an
  // acronym ("NATO's Army" keeps NATO as a name of its own).
  if (RuleOn("possessive")) {
    std::sort(cands.begin(), cands.end(),
              [](const Candidate& a, const Candidate& b) {
                return a.range.start < b.range.start;
              });
    for (size_t i = 0; i + 1 < cands.size(); ++i) {
      Candidate& a = cands[i];
      const Candidate& b = cands[i + 1];
      if (a.type != EntityType::kOrg || b.type != EntityType::kOrg ||
          b.range.start < a.range.end || IsAcronym(slice(a.range)) ||
          Words(text, b.range).size() != 1) {
        continue;
      }
      const std::string_view gap = Trim(
          text.substr(a.range.end, b.range.start - a.range.end));
      if (gap != "'s" && gap != "\u2019s") continue;
      a.range.end = b.range.end;
      a.key = FoldName(slice(a.range));
      a.name = CollapseWhitespace(slice(a.range));
      cands.erase(cands.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    }
  }
  // The span of such a name is its head after the possessive, as the GUM
  // style ends a name's run there ("Army" of "Korean People's Army"); the
  // canonical name stays whole (rule 'posshead').
  if (RuleOn("posshead")) {
    for (Candidate& c : cands) {
      if (c.type != EntityType::kOrg) continue;
      const std::vector<TextRange> words = Words(text, c.range);
      if (words.size() < 2) continue;
      const std::string_view before = slice(words[words.size() - 2]);
      if (before == "'s" || before == "\u2019s" || before.ends_with("'s") ||
          before.ends_with("\u2019s")) {
        c.range.start = words.back().start;
      }
    }
  }

  // A name right before an organisation's office and a person ("Velmor
  // founder Ada Lind", "Tarsk Mills CEO Jon Berg") is an organisation,
  // in all its mentions, whatever the tagger made of it; not a place
  // ("Arvian Foreign Minister" is a country's) (rule 'orgrole').
  if (tagger_ != nullptr && RuleOn("orgrole")) {
    static const std::set<std::string_view> kOffices = {
        "founder",  "co-founder", "cofounder", "CEO",       "chairman",
        "chairwoman", "spokesman", "spokeswoman", "spokesperson",
        "owner",    "co-owner",   "executive", "chief"};
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
      const NerTagger::NameFacts f = tagger_->LookUpName(slice(c.range));
      if (f.country || f.city || f.gazetteer_place ||
          tagger_->LookUpWord(slice(c.range)).demonym) {
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

  // A place named by the first word of a longer place name in the same
  // article ("North Korea" ... "the North") is that place.
  if (RuleOn("placeshort")) {
    NamesByPart full_by_first;  // places by the key of their first word
    for (const Candidate& c : cands) {
      if (c.type != EntityType::kPlace) continue;
      const std::vector<TextRange> words = Words(text, c.range);
      if (words.size() < 2) continue;
      full_by_first.Add(FoldName(slice(words.front())), c.name, c.key);
    }
    for (Candidate& c : cands) {
      if (c.type != EntityType::kPlace || c.key.find(' ') != std::string::npos) {
        continue;
      }
      if (const std::string* full = full_by_first.Find(c.key)) c.name = *full;
    }
  }

  // A one-word organisation that opens the name of the one party of the
  // article ("Labour" ... "the Labour Party") is that party (rule
  // 'partyshort').
  if (RuleOn("partyshort")) {
    NamesByPart party_by_first;  // parties by the key of their first word
    for (const Candidate& c : cands) {
      const std::vector<TextRange> words = Words(text, c.range);
      if (c.type != EntityType::kOrg || words.size() != 2 ||
          slice(words[1]) != "Party") {
        continue;
      }
      party_by_first.Add(FoldName(slice(words[0])), c.name, c.key);
    }
    for (Candidate& c : cands) {
      if (c.type != EntityType::kOrg || c.key.find(' ') != std::string::npos) {
        continue;
      }
      if (const std::string* full = party_by_first.Find(c.key)) c.name = *full;
    }
  }

  // A place whose "The" has a capital inside a sentence ("in The Hague")
  // keeps it, in all its mentions (rules/place_names.h).
  if (RuleOn("theplace")) {
    const auto the_before = [&](const Candidate& c) {
      return c.range.start >= 4 &&
             text.substr(c.range.start - 4, 4) == "The ";
    };
    std::set<std::string> with_the;  // keys of such places
    for (const Candidate& c : cands) {
      if (c.type == EntityType::kPlace && the_before(c) &&
          !AfterSentenceEnd(text, c.range.start - 4)) {
        with_the.insert(c.key);
      }
    }
    for (Candidate& c : cands) {
      if (c.type != EntityType::kPlace || !with_the.count(c.key)) continue;
      if (!c.name.starts_with("The ")) c.name = "The " + c.name;
      if (the_before(c)) c.range.start -= 4;
    }
  }

  // Nested names, as the CoNLL and GUM styles cut them: an organisation or
  // place whose name starts with a known place or with a person of the
  // article is two mentions, "Oslo" (place) + "City Council" (the
  // organisation) for "Oslo City Council". The outer mention's span is the
  // rest but its canonical name stays the whole name, so facets and name
  // searches still see "Oslo City Council". A leading nationality word is
  // not cut off: "Danish Film Board" stays one span (the GUM news gold
  // cuts two such names and keeps two whole).
  if (tagger_ != nullptr && RuleOn("nested")) {
    std::set<std::string> people;
    for (const Candidate& c : cands) {
      if (c.type == EntityType::kPerson) people.insert(c.key);
    }
    std::vector<Candidate> inner;
    for (Candidate& c : cands) {
      if (c.type != EntityType::kOrg) continue;
      const std::vector<TextRange> words = Words(text, c.range);
      // The longest prefix that is a name of its own, leaving a capitalised
      // rest ("U.S. Environmental ...", not "Bank" + "of America").
      for (size_t k = words.size() - 1; k >= 1; --k) {
        const std::string_view next = slice(words[k]);
        if (!IsUpperInitial(next) || IsAcronym(next)) continue;
        const TextRange pre{words[0].start, words[k - 1].end};
        const std::string_view p = slice(pre);
        if (std::string_view(",;:)\"").find(p.back()) !=
            std::string_view::npos) {
          continue;
        }
        // Not a compass point or a geographic head alone ("Kowloon West",
        // "Taipei City" are one place).
        if (k + 1 == words.size() &&
            (IsCompassWord(FoldName(next)) || IsGeographicHead(next))) {
          continue;
        }
        // A newspaper is named for its town as a whole ("Tarnow Evening
        // Courier", "Oslvik Sun"), as CoNLL has it.
        if (IsNewspaperWord(slice(words.back())) && RuleOn("newspaper")) break;
        const std::string pre_key = FoldName(p);
        if (k == 1 && tagger_->LookUpWord(p).demonym) break;
        EntityType type;
        // A person: a full name, or the surname of one, not a given name
        // alone.
        const std::string* full = full_by_last.Find(pre_key);
        if (people.count(pre_key) && (k > 1 || full != nullptr)) {
          type = EntityType::kPerson;
        } else {
          const NerTagger::NameFacts facts = tagger_->LookUpName(p);
          if (!facts.city && !facts.country) continue;
          // "University" is also a town somewhere.
          if (k == 1 && tagger_->LookUpWord(p).common) continue;
          type = EntityType::kPlace;
        }
        std::string name = CollapseWhitespace(p);
        if (type == EntityType::kPerson && k == 1 && full != nullptr) {
          name = *full;
        }
        inner.push_back({type, pre, pre_key, name});
        c.range.start = words[k].start;
        break;
      }
    }
    // A place inside an institution's name is a mention of its own and the
    // institution's span is cut around it, as with a leading place above:
    // "University of Oslo" -> "University" + "Oslo", "University of
    // Southern Arvia" -> "University" + "Southern Arvia", "Arvia State
    // University" -> "Arvia State" (the state) + "University". Each keeps
    // the whole name as its canonical name.
    if (RuleOn("ofplace")) {
      const auto is_place = [&](std::string_view p) {
        const NerTagger::NameFacts f = tagger_->LookUpName(p);
        return !f.person && !f.gazetteer_org &&
               (f.gazetteer_place || (f.place && !f.org));
      };
      for (Candidate& c : cands) {
        if (c.type != EntityType::kOrg) continue;
        const std::vector<TextRange> words = Words(text, c.range);
        if (words.size() < 3) continue;
        const std::string_view head = slice(words[0]);
        const std::string_view last = slice(words.back());
        if (IsInstitutionHead(head) && slice(words[1]) == "of") {
          // "Head of [the] Place", the place to the end of the span.
          size_t k = 2;
          if (slice(words[k]) == "the" && k + 1 < words.size()) ++k;
          const TextRange rest{words[k].start, c.range.end};
          const std::string_view p = slice(rest);
          bool place = is_place(p);
          if (!place && words.size() - k == 2 &&
              IsCompassWord(FoldName(slice(words[k])))) {
            place = is_place(slice(words[k + 1]));
          }
          if (!place || !IsUpperInitial(p)) continue;
          inner.push_back({EntityType::kPlace, rest, FoldName(p),
                           CollapseWhitespace(p)});
          c.range.end = words[0].end;
        } else if ((last == "University" || last == "College") &&
                   slice(words[words.size() - 2]) == "State") {
          // "Arvia State University": the state, then the university.
          const TextRange pre{words[0].start, words[words.size() - 3].end};
          if (!is_place(slice(pre))) continue;
          const TextRange state{words[0].start, words[words.size() - 2].end};
          // Named by the state alone, for the facets.
          inner.push_back({EntityType::kPlace, state, FoldName(slice(state)),
                           CollapseWhitespace(slice(pre))});
          c.range.start = words.back().start;
        }
      }
    }
    for (Candidate& c : inner) cands.push_back(std::move(c));
    // "Arvia" (place) + "State University" (org), as the tagger or the
    // cut above left them: the state's span takes "State".
    if (RuleOn("ofplace")) {
      std::map<size_t, Candidate*> place_ending;
      for (Candidate& c : cands) {
        if (c.type == EntityType::kPlace) place_ending[c.range.end] = &c;
      }
      for (Candidate& c : cands) {
        if (c.type != EntityType::kOrg || c.range.start == 0) continue;
        const std::vector<TextRange> words = Words(text, c.range);
        const auto it = place_ending.find(c.range.start - 1);
        if (words.size() != 2 || slice(words[0]) != "State" ||
            (slice(words[1]) != "University" && slice(words[1]) != "College") ||
            it == place_ending.end() || text[c.range.start - 1] != ' ') {
          continue;
        }
        Candidate& place = *it->second;
        c.name = CollapseWhitespace(
            text.substr(place.range.start, c.range.end - place.range.start));
        place.range.end = words[0].end;
        place.key = FoldName(slice(place.range));
        c.range.start = words[1].start;
      }
    }
    // The other way round: an institution's head cut from the place after
    // "of" ("University" + "Oslo") is named by the whole, "University of
    // Oslo", so that two universities are two names.
    std::map<size_t, const Candidate*> place_at;
    for (const Candidate& c : cands) {
      if (c.type == EntityType::kPlace) place_at[c.range.start] = &c;
    }
    for (Candidate& c : cands) {
      if (c.type != EntityType::kOrg ||
          c.range.size() != LastWord(text, c.range).size() ||
          !IsInstitutionHead(slice(c.range)) ||
          text.substr(c.range.end, 4) != " of ") {
        continue;
      }
      auto it = place_at.find(c.range.end + 4);
      if (it != place_at.end()) {
        c.name = CollapseWhitespace(
            text.substr(c.range.start, it->second->range.end - c.range.start));
      }
    }
  }

  // Hyphenated words inside the name of an organisation or place: the
  // GUM style splits "Al-Rawda Hotel" at the hyphen and keeps the part
  // that holds the name's head, "Rawda Hotel" ("Make-A-Wish Foundation"
  // -> "Wish Foundation"). Only the span moves; the canonical name stays
  // whole. People's names are left alone: the gold splits some
  // ("Lee Cheuk-yan" -> "Lee Cheuk") and not others.
  if (RuleOn("hyphen")) {
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

  // Nationality words are not names in the CoNLL style ("Australian",
  // "the Greeks", "South Korean"), whatever type the tagger gave them.
  if (tagger_ != nullptr) {
    // The lists know "South Korean"; then "Korean" is one too.
    const auto demonym = [&](std::string_view word) {
      if (tagger_->LookUpWord(word).demonym) return true;
      for (std::string_view c : {"North ", "South ", "East ", "West "}) {
        if (tagger_->LookUpWord(std::string(c) + std::string(word)).demonym) {
          return true;
        }
      }
      return false;
    };
    // Faiths, their followers and feasts ("Islam", "Buddhist", "the
    // Hajj") and the home nations' adjectives the lists lack ("English
    // captain"): CoNLL's MISC, unless the word is part of a longer person
    // name in the article ("Christian Lund" ... "Christian said").
    static const std::set<std::string_view> kBeliefs = {
        "Islam",       "Christianity", "Buddhism",    "Hinduism",
        "Judaism",     "Sikhism",      "Jainism",     "Taoism",
        "Catholicism", "Muslim",       "Muslims",     "Christian",
        "Christians",  "Buddhist",     "Buddhists",   "Hindu",
        "Hindus",      "Jew",          "Jews",        "Jewish",
        "Sikh",        "Sikhs",        "Catholic",    "Catholics",
        "Protestant",  "Protestants",  "Islamic",     "Mormon",
        "Mormons",     "Sunni",        "Sunnis",      "Shia",
        "Shiite",      "Shiites",      "Hajj",        "Ramadan",
        "Eid",         "Easter",       "Christmas",   "Passover",
        "Diwali",      "Hanukkah",     "English",     "Scottish",
        "Welsh",       "Scots",        "Cornish"};
    std::set<std::string_view> person_words;
    for (const Candidate& c : cands) {
      if (c.type != EntityType::kPerson) continue;
      const std::vector<TextRange> words = Words(text, c.range);
      if (words.size() < 2) continue;
      for (const TextRange& w : words) person_words.insert(slice(w));
    }
    std::erase_if(cands, [&](const Candidate& c) {
      const std::vector<TextRange> words = Words(text, c.range);
      if (RuleOn("belief") && words.size() == 1 &&
          kBeliefs.count(slice(words[0])) && !person_words.count(slice(words[0]))) {
        return true;
      }
      // Abbreviations of common nouns are no names, whatever the tagger
      // made of them ("DNA", "GDP", "the CEO", rule 'abbrev'), unless the
      // article spells one out as a name ("International Cycling Union
      // (ICU)").
      static const std::set<std::string_view> kCommonAbbreviations = {
          "AIDS", "ATM", "BBQ",  "CCTV", "CD",  "CEO", "CFO", "COO", "CPU",
          "CTO",  "DIY", "DJ",   "DNA",  "DVD", "ECG", "FAQ", "GDP", "GPS",
          "GPU",  "HIV", "HTML", "ICU",  "ID",  "IQ",  "ISP", "IVF", "LCD",
          "LED",  "LGBT", "MBA", "MRI",  "NGO", "PDF", "PhD", "PIN", "RAM",
          "RNA",  "RSS", "SIM",  "SMS",  "SUV", "UFO", "URL", "USB", "VAT",
          "VIP",  "VR"};
      if (RuleOn("abbrev") && words.size() == 1 &&
          kCommonAbbreviations.count(slice(c.range)) &&
          !acronym_of.count(c.key)) {
        return true;
      }
      // A country's code on its currency ("US$ 20", "NZ $26 million") is
      // part of an amount, not a mention of the place (rule 'currency').
      if (RuleOn("currency") && c.type == EntityType::kPlace &&
          words.size() == 1 && IsAcronym(slice(c.range))) {
        size_t p = c.range.end;
        if (p < text.size() && text[p] == ' ') ++p;
        if (p < text.size() && text[p] == '$') return true;
      }
      if (words.empty() || !demonym(slice(words.back()))) return false;
      for (size_t i = 0; i + 1 < words.size(); ++i) {
        if (!IsCompassWord(FoldName(slice(words[i])))) return false;
      }
      return true;
    });
  }

  // Weapons and other equipment are no names (rules/equipment.h), nor the
  // acronyms the article pairs with them ("NASAMS").
  if (RuleOn("equipment")) {
    std::set<std::string> gone;  // keys of names and acronyms dropped
    for (const Candidate& c : cands) {
      if (!rules::IsEquipmentName(slice(c.range))) continue;
      gone.insert(c.key);
      if (const auto a = acronym_of.find(c.key); a != acronym_of.end()) {
        gone.insert(FoldName(a->second));
      }
    }
    if (!gone.empty()) {
      std::erase_if(cands, [&](const Candidate& c) {
        return gone.count(c.key) > 0 || gone.count(FoldName(c.name)) > 0;
      });
    }
  }

  // Dates, with the article's year completing day-month dates.
  result.article_date = FindArticleDate(article, passages);
  const int year = YearOf(result.article_date);
  int last_year = 0;
  for (const TextRange& r : ranges) {
    for (DateMention& d : FindDates(text, r, year, &last_year)) {
      Candidate c{EntityType::kDate, d.range, d.iso, d.iso};
      cands.push_back(std::move(c));
    }
  }

  std::sort(cands.begin(), cands.end(), [](const Candidate& a,
                                           const Candidate& b) {
    return a.range.start < b.range.start;
  });
  for (const Candidate& c : cands) {
    Mention m;
    m.type = c.type;
    m.name = c.name;
    m.text = std::string(slice(c.range));
    m.start = c.range.start;
    m.end = c.range.end;
    // The last passage starting at or before the mention (passages are in
    // text order), if the mention lies inside it.
    auto p = std::upper_bound(
        passages.begin(), passages.end(), m.start,
        [](size_t pos, const Passage& ps) { return pos < ps.range.start; });
    if (p != passages.begin() && m.end <= std::prev(p)->range.end) {
      m.passage = std::prev(p)->index;
    }
    result.mentions.push_back(std::move(m));
  }
  // The expansions the article paired with an acronym, as they stand at
  // the end (a pairing whose name a later rule dropped or renamed is no
  // pairing): the index joins them across articles (IndexWriter).
  for (const Mention& m : result.mentions) {
    if (m.type == EntityType::kDate) continue;
    const std::string key = FoldName(m.text);
    const auto a = acronym_of.find(key);
    if (a == acronym_of.end() || a->second != m.name ||
        key == FoldName(m.name)) {
      continue;
    }
    const std::string expansion = CollapseWhitespace(m.text);
    const bool seen = std::any_of(
        result.acronyms.begin(), result.acronyms.end(),
        [&](const AcronymPair& x) {
          return x.type == m.type && x.acronym == m.name &&
                 FoldName(x.expansion) == key;
        });
    if (!seen) result.acronyms.push_back({m.type, m.name, expansion});
  }
  return result;
}

}  // namespace byline
