#include "byline/index/entity_extractor.h"

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
#include "rules/acronym_pairs.h"
#include "rules/acronyms.h"
#include "rules/adjectives.h"
#include "rules/agencies.h"
#include "rules/appositions.h"
#include "rules/bylines.h"
#include "rules/candidate.h"
#include "rules/capitals.h"
#include "rules/common_words.h"
#include "rules/country_codes.h"
#include "rules/credits.h"
#include "rules/cues.h"
#include "rules/datelines.h"
#include "rules/equipment.h"
#include "rules/events.h"
#include "rules/facilities.h"
#include "rules/first_words.h"
#include "rules/head_short_forms.h"
#include "rules/honorifics.h"
#include "rules/hyphen_given.h"
#include "rules/hyphens.h"
#include "rules/initials.h"
#include "rules/legal_forms.h"
#include "rules/listed_orgs.h"
#include "rules/match_reports.h"
#include "rules/nested_names.h"
#include "rules/news_agencies.h"
#include "rules/non_names.h"
#include "rules/of_phrases.h"
#include "rules/org_heads.h"
#include "rules/org_roles.h"
#include "rules/outlets.h"
#include "rules/paper_names.h"
#include "rules/parties.h"
#include "rules/person_acronyms.h"
#include "rules/place_names.h"
#include "rules/place_nouns.h"
#include "rules/plurals.h"
#include "rules/possessives.h"
#include "rules/qualified_names.h"
#include "rules/short_forms.h"
#include "rules/span_splits.h"
#include "rules/sports_results.h"
#include "rules/team_cues.h"
#include "rules/teams_and_cities.h"
#include "rules/vehicles.h"
#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline {
namespace {

using rules::AfterSentenceEnd;
using rules::AllUpper;
using rules::AtSentenceStart;
using rules::Candidate;
using rules::CapitalRunEnd;
using rules::Covered;
using rules::DottedInitialsEnd;
using rules::FindFacilities;
using rules::FindOutlets;
using rules::FromNer;
using rules::Initials;
using rules::IsAcronym;
using rules::IsAlnumByte;
using rules::IsBracketAcronym;
using rules::IsCompassWord;
using rules::IsFacilityHead;
using rules::IsForeignInstitutionHead;
using rules::IsGeographicHead;
using rules::IsInstitutionHead;
using rules::IsLegalForm;
using rules::IsMonthOrWeekday;
using rules::IsMonthOrWeekdayWord;
using rules::IsNewspaperWord;
using rules::IsOpeningWord;
using rules::IsOrganisationNoun;
using rules::IsPolishNewOrOld;
using rules::IsSaintWord;
using rules::IsSportsReport;
using rules::IsStreetName;
using rules::IsTitleWord;
using rules::IsUpperInitial;
using rules::JoinFacilities;
using rules::JoinOfPhrases;
using rules::LastWord;
using rules::NameBeforeAcronym;
using rules::NamesByPart;
using rules::RangeEndAt;
using rules::RuleOn;
using rules::RuleOverrides;
using rules::RunInitial;
using rules::RunInitials;
using rules::SetRange;
using rules::TitleCase;
using rules::WordCore;
using rules::Words;

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
  const rules::ArticleText article_text{text, ranges, range_words, tagger_};

  std::vector<Candidate> cands;
  const auto slice = [&](TextRange r) { return article_text.Slice(r); };
  if (tagger_ != nullptr) {
    // The whole article at once, so a name in one paragraph helps tag it in
    // the others.
    for (const std::vector<NerSpan>& spans :
         tagger_->TagDocument(text, ranges)) {
      for (const NerSpan& s : spans) {
        rules::AddCandidate(article_text, FromNer(s.type), {s.start, s.end},
                            &cands);
      }
    }
    // Rules 'commasplit' and 'ofsplit' (rules/span_splits.h).
    rules::SplitJoinedNames(article_text, &cands);
    // Rule 'results' (rules/sports_results.h).
    if (RuleOn("results")) rules::MarkResultTeams(article_text, &cands);
    // Rule 'scorecard' (rules/sports_results.h).
    if (RuleOn("scorecard")) rules::MarkScorecardPlayers(article_text, &cands);
    // Rule 'countrycode' (rules/country_codes.h).
    if (RuleOn("countrycode")) rules::AddCountryCodes(article_text, &cands);
    // Rule 'honorific' (rules/honorifics.h).
    if (RuleOn("honorific"))
      rules::AddNamesAfterHonorifics(article_text, &cands);
    // Rule 'gazorg' (rules/listed_orgs.h).
    if (RuleOn("gazorg")) rules::AddListedOrganisations(article_text, &cands);
    // Rule 'party' (rules/parties.h).
    if (RuleOn("party")) rules::AddParties(article_text, &cands);
    // Rule 'hyphengiven' (rules/hyphen_given.h).
    if (RuleOn("hyphengiven"))
      rules::AddHyphenatedGivenNames(article_text, &cands);
    // Rule 'givenjoin' (rules/hyphen_given.h).
    if (RuleOn("givenjoin")) rules::JoinGivenNames(article_text, &cands);
  }

  // Acronyms the article pairs with their expansion (rules/acronym_pairs.h).
  std::map<std::string, std::string> acronym_of;  // key of expansion -> ACR
  std::map<std::string, size_t> name_at;  // key of ACR -> start of expansion
  rules::PairAcronyms(article_text, &cands, &acronym_of, &name_at);

  // Overlaps (a tagger span inside another, an acronym tagged twice): keep
  // the earlier, longer one.
  std::sort(
      cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
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
  // Rule 'legalext' (rules/legal_forms.h).
  if (RuleOn("legalext")) rules::ExtendToLegalForms(article_text, &cands);
  // Rule 'placelink' (rules/place_names.h).
  if (RuleOn("placelink")) rules::JoinLinkedPlaces(article_text, &cands);
  if (tagger_ != nullptr) {
    JoinOfPhrases(text, ranges, *tagger_, &cands);
    rules::FindOfInstitutions(article_text, &cands);
    JoinFacilities(text, ranges, &cands);
    FindFacilities(text, ranges, &cands);
    FindOutlets(text, ranges, &cands);
    // Rule 'newsagency' (rules/news_agencies.h).
    if (RuleOn("newsagency")) rules::NameNewsAgencies(article_text, &cands);
    // Rule 'officecue' (rules/org_roles.h).
    if (RuleOn("officecue")) rules::AddNamesBeforeOffices(article_text, &cands);
    // Rules of rules/teams_and_cities.h.
    rules::TypeTeamsAndCities(article_text, &cands);
    // Rule 'teamcue' (rules/team_cues.h).
    if (RuleOn("teamcue")) rules::TypeTeamsByCues(article_text, &cands);
  }

  if (tagger_ != nullptr) {
    // Rule 'heads' (rules/first_words.h).
    if (RuleOn("heads")) rules::TypeByFirstWords(article_text, &cands);
    // Rule 'orghead' (rules/org_heads.h).
    if (RuleOn("orghead")) rules::TypeByOrgHeads(article_text, &cands);
    // Rule 'credit' (rules/credits.h).
    if (RuleOn("credit")) rules::DropCredits(article_text, &cands);
    // Rule 'placenoun' (rules/place_nouns.h).
    if (RuleOn("placenoun")) rules::TypeByPlaceNouns(article_text, &cands);
    // Rule 'appos' (rules/appositions.h).
    if (RuleOn("appos")) rules::TypeByApposition(article_text, &cands);
    if (RuleOn("restate")) rules::TypeRestatedNames(article_text, &cands);
    // Rule 'common' (rules/common_words.h).
    if (RuleOn("common")) rules::DropCommonWords(article_text, &cands);
  }

  if (tagger_ != nullptr) {
    // Rule 'vehicle' (rules/vehicles.h).
    if (RuleOn("vehicle")) rules::DropVehicles(article_text, &cands);
    // Rule 'plural' (rules/plurals.h).
    if (RuleOn("plural")) rules::DropPlurals(article_text, &cands);
    // Rule 'acrper' (rules/person_acronyms.h).
    if (RuleOn("acrper")) rules::TypePersonAcronyms(article_text, &cands);
  }

  // Rule 'event' (rules/events.h).
  if (tagger_ != nullptr && RuleOn("event"))
    rules::NameEventsByTheirName(article_text, &cands);

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

  std::map<std::string, std::string> dateline_name;  // key -> "Hanoi"
  // Rule 'dateline' (rules/datelines.h).
  if (tagger_ != nullptr && RuleOn("dateline"))
    rules::FindDatelines(article_text, &cands, &dateline_name);

  // Rule 'cue' (rules/cues.h).
  if (RuleOn("cue")) rules::TypeByCues(article_text, &cands);

  // Rule 'bylineplace' (rules/bylines.h).
  if (tagger_ != nullptr && RuleOn("bylineplace"))
    rules::TypeBylinePlaces(article_text, &cands);

  // One type per name: the majority of its tagged mentions.
  std::map<std::string, std::array<int, 4>> votes;
  // A dateline names the place a body sits in ("UNITED NATIONS"); where
  // the lists know that name only as the body, the dateline does not
  // outvote the article's mentions of the body.
  const auto body_dateline = [&](const Candidate& c) {
    const auto d = dateline_name.find(c.key);
    if (!c.fixed || d == dateline_name.end() || tagger_ == nullptr ||
        c.type != EntityType::kPlace) {
      return false;
    }
    const NerTagger::NameFacts f = tagger_->LookUpName(d->second);
    return f.gazetteer_org && !f.place && !f.gazetteer_place && !f.city &&
           !f.country;
  };
  for (const Candidate& c : cands) {
    if (body_dateline(c)) continue;
    votes[c.key][static_cast<int>(c.type)] += c.fixed ? 2 : 1;
  }
  // A word that ends a person's full name in this article is that person
  // wherever it stands alone ("Mark Oduya" ... "Oduya"), whatever the
  // tagger guessed there.
  for (const Candidate& c : cands) {
    if (c.type != EntityType::kPerson) continue;
    const std::vector<TextRange> words = Words(text, c.range);
    if (words.size() < 2) continue;
    auto it = votes.find(FoldName(slice(words.back())));
    if (it != votes.end())
      it->second[static_cast<int>(EntityType::kPerson)] += 1000;
  }
  // A company's name without its legal form is that company wherever it
  // stands alone ("Siemens AG" ... "Siemens"), whatever the tagger
  // guessed there (rule 'legalshort').
  std::vector<std::string> company_short;
  if (RuleOn("legalshort")) {
    for (const Candidate& c : cands) {
      if (c.type != EntityType::kOrg) continue;
      const std::vector<TextRange> words = Words(text, c.range);
      if (words.size() < 2 ||
          !rules::IsLegalForm(slice(words.back()), /*letter_codes=*/true)) {
        continue;
      }
      std::string_view rest =
          slice({words.front().start, words[words.size() - 2].end});
      if (!rest.empty() && rest.back() == ',') rest.remove_suffix(1);
      if (rest.empty() || !IsUpperInitial(rest)) continue;
      votes[FoldName(rest)][static_cast<int>(EntityType::kOrg)] += 1000;
      company_short.emplace_back(rest);
    }
  }
  // A company named by a word and its kind ("Northwest Airlines [Corp]",
  // "Reliance Industries") is that company by the word alone too
  // ("Northwest shares rose"), unless the word names a country, a city, a
  // person or a place of its own ("Singapore Airlines") (rule
  // 'kindshort').
  if (RuleOn("kindshort") && tagger_ != nullptr) {
    for (const Candidate& c : cands) {
      if (c.type != EntityType::kOrg) continue;
      std::vector<TextRange> words = Words(text, c.range);
      if (words.size() == 3 &&
          rules::IsLegalForm(slice(words.back()), /*letter_codes=*/true)) {
        words.pop_back();  // "Northwest Airlines Corp"
      }
      if (words.size() != 2 || !rules::IsCompanyKind(slice(words[1]))) {
        continue;
      }
      const std::string_view first = slice(words[0]);
      if (!IsUpperInitial(first)) continue;
      // A place's own name ("Alaska Airlines") stays the place, a
      // nationality ("British Telecom") a word; a word the lists know as
      // a region too ("Northwest") is the company's.
      const NerTagger::NameFacts f = tagger_->LookUpName(first);
      const NerTagger::WordFacts w = tagger_->LookUpWord(first);
      if (f.country || f.city || f.person || w.demonym ||
          (f.gazetteer_place && !w.common)) {
        continue;
      }
      votes[FoldName(first)][static_cast<int>(EntityType::kOrg)] += 1000;
      company_short.emplace_back(first);
    }
  }
  const auto majority = [&](const std::string& key) {
    const auto& v = votes[key];
    return static_cast<EntityType>(std::max_element(v.begin(), v.end()) -
                                   v.begin());
  };
  for (Candidate& c : cands) {
    if (!c.fixed) c.type = majority(c.key);
  }

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
  for (std::string& name : company_short) surfaces.insert(std::move(name));
  // Whether a name is searched for again: a one-word name that also occurs
  // in lowercase is a common word ("Bank", "Storm"), and month or day
  // names are dates.
  const auto Refindable = [&](const std::string& s) {
    const std::string key = FoldName(s);
    if (s.find(' ') != std::string::npos) return true;
    if (IsMonthOrWeekday(key) || s.size() < 2) return false;
    for (const TextRange& r : ranges) {
      const std::string_view part = slice(r);
      for (size_t at = part.find(key); at != std::string_view::npos;
           at = part.find(key, at + 1)) {
        const size_t e = at + key.size();
        if ((at == 0 || !IsAlnumByte(part[at - 1])) &&
            (e == part.size() || !IsAlnumByte(part[e]))) {
          return false;
        }
      }
    }
    return true;
  };
  std::vector<bool> covered = Covered(text.size(), cands);
  // Lines written in capitals (a wire headline: "SOCCER - JAPAN GET LUCKY
  // WIN"), where the tagger, which reads case, finds little: the
  // article's names are found there again in capitals (rule 'capsagain').
  std::vector<TextRange> caps_lines;
  if (tagger_ != nullptr && RuleOn("capsagain")) {
    for (const TextRange& r : ranges) {
      rules::ForEachLine(text, r, [&](TextRange line) {
        if (rules::IsCapitalsLine(text, line)) caps_lines.push_back(line);
      });
    }
  }
  std::map<size_t, std::string> caps_name;  // start -> "Leeds United"
  // start of a nickname in capitals -> "Philadelphia Eagles"
  std::map<size_t, std::string> nickname_of;
  // Adds each free, whole-word occurrence of `needle` in `within` as a
  // mention of `key`; `caps_of`, for capitals, is the name as written
  // elsewhere.
  const auto find_again = [&](std::string_view needle, TextRange within,
                              EntityType type, const std::string& key,
                              const std::string* caps_of) {
    rules::ForEachWholeWord(text, needle, within, [&](size_t at) {
      const size_t e = at + needle.size();
      bool free = rules::Uncovered(covered, {at, e});
      // In capitals, the article's longer name takes the place of shorter
      // ones the tagger found inside it ("LIBERTE" of "AIR LIBERTE", a
      // "BRITISH" of "BRITISH AIRWAYS").
      if (!free && caps_of != nullptr &&
          std::none_of(cands.begin(), cands.end(), [&](const Candidate& c) {
            return c.range.start < e && at < c.range.end &&
                   (c.range.start < at || c.range.end > e || c.fixed);
          })) {
        std::erase_if(cands, [&](const Candidate& c) {
          return c.range.start < e && at < c.range.end;
        });
        free = true;
      }
      if (!free) return true;
      rules::Cover({at, e}, &covered);
      cands.push_back({type, {at, e}, key, ""});
      if (caps_of != nullptr) caps_name[at] = *caps_of;
      return true;
    });
  };
  // The names searched for again, for the lines in capitals after.
  struct Refound {
    const std::string* surface;
    std::string key;
    EntityType type;
  };
  std::vector<Refound> refound;
  for (const std::string& s : surfaces) {
    if (!Refindable(s)) continue;
    std::string key = FoldName(s);
    const EntityType type = majority(key);
    // Ends with the range, as the acronym searches do.
    for (const TextRange& r : ranges) find_again(s, r, type, key, nullptr);
    if (!caps_lines.empty() && type != EntityType::kDate)
      refound.push_back({&s, std::move(key), type});
  }
  // Longer names first: "LEEDS UNITED" before "LEEDS".
  std::stable_sort(refound.begin(), refound.end(),
                   [](const Refound& a, const Refound& b) {
                     return a.surface->size() > b.surface->size();
                   });
  for (const Refound& f : refound) {
    const std::string upper = AsciiUpper(*f.surface);
    if (upper == *f.surface) continue;
    for (const TextRange& line : caps_lines)
      find_again(upper, line, f.type, f.key, f.surface);
  }
  // A team's nickname, the last word of its name, stands for it in a
  // headline ("COWBOYS BEAT EAGLES" over "the Philadelphia Eagles"): a
  // plural that is no institution's head (rule 'nickname').
  if (!caps_lines.empty() && RuleOn("nickname")) {
    for (const Refound& f : refound) {
      const std::string_view s = *f.surface;
      const size_t space = s.rfind(' ');
      if (f.type != EntityType::kOrg || space == std::string_view::npos)
        continue;
      const std::string_view last = s.substr(space + 1);
      if (last.size() < 4 || last.back() != 's' || !IsUpperInitial(last) ||
          rules::IsInstitutionHead(last) || rules::AllUpper(last)) {
        continue;
      }
      const std::string upper = AsciiUpper(last);
      for (const TextRange& line : caps_lines) {
        const size_t before = cands.size();
        find_again(upper, line, f.type, f.key, f.surface);
        // Named by the team's whole name.
        for (size_t k = before; k < cands.size(); ++k)
          nickname_of[cands[k].range.start] = *f.surface;
      }
    }
  }

  // Rule 'legalext' again, for the names just found again ("Siemens AG"
  // where the tagger tagged only the other mentions of "Siemens").
  if (RuleOn("legalext")) rules::ExtendToLegalForms(article_text, &cands);
  // Rule 'givenjoin' again, for the persons just found again by their
  // surname ("named Will Carling" after "CARLING" in the headline).
  if (tagger_ != nullptr && RuleOn("givenjoin"))
    rules::JoinGivenNames(article_text, &cands);

  NamesByPart by_head;  // organisations by the key of their head word
  std::set<std::string> head_short;  // keys of the short forms found
  // Rule 'headshort' (rules/head_short_forms.h).
  if (RuleOn("headshort"))
    rules::FindHeadShortForms(article_text, &cands, &by_head, &head_short,
                              &covered);

  // Rule 'adjective' (rules/adjectives.h).
  if (tagger_ != nullptr && RuleOn("adjective"))
    rules::DropAdjectives(article_text, &cands);

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
  NamesByPart qualified;  // organisations by the key of the rest
  // Rule 'qualified' (rules/qualified_names.h).
  if (tagger_ != nullptr && RuleOn("qualified"))
    rules::FindQualifiedNames(article_text, &cands, &qualified);
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
    } else if (auto n = nickname_of.find(c.range.start);
               n != nickname_of.end() && c.type == EntityType::kOrg) {
      c.name = n->second;
    } else if (auto k = caps_name.find(c.range.start);
               k != caps_name.end() && k->second.size() == c.range.size()) {
      c.name = k->second;  // as the article writes it outside capitals
    } else {
      c.name = CollapseWhitespace(slice(c.range));
    }
  }
  // Rule 'legalform' (rules/legal_forms.h).
  if (RuleOn("legalform")) rules::DropLegalForms(article_text, &cands);

  // Rule 'agency' (rules/agencies.h).
  if (tagger_ != nullptr && RuleOn("agency"))
    rules::JoinAgencies(article_text, &cands);

  // Rule 'papername' (rules/paper_names.h).
  if (RuleOn("papername"))
    rules::NamePapersWithTheirPlace(article_text, &cands);

  // Rule 'caps' (rules/capitals.h).
  if (tagger_ != nullptr && RuleOn("caps"))
    rules::NameCapitals(article_text, &cands);

  // Rule 'possessive' (rules/possessives.h).
  if (RuleOn("possessive")) rules::JoinPossessiveNames(article_text, &cands);
  // Rule 'posshead' (rules/possessives.h).
  if (RuleOn("posshead")) rules::CutPossessiveSpans(article_text, &cands);

  // Rule 'orgrole' (rules/org_roles.h).
  if (tagger_ != nullptr && RuleOn("orgrole"))
    rules::TypeNamesBeforeOffices(article_text, &cands);
  // Rule 'officeperson' (rules/org_roles.h).
  if (tagger_ != nullptr && RuleOn("officeperson"))
    rules::TypePersonsAfterOffices(article_text, &cands);
  // Rule 'possowner' (rules/org_roles.h).
  if (tagger_ != nullptr && RuleOn("possowner"))
    rules::TypeOwnersOfPeople(article_text, &cands);

  // Rule 'placeshort' (rules/short_forms.h).
  if (RuleOn("placeshort")) rules::NamePlacesByFirstWord(article_text, &cands);

  // Rule 'partyshort' (rules/short_forms.h).
  if (RuleOn("partyshort")) rules::NamePartiesByFirstWord(article_text, &cands);

  // Rule 'theplace' (rules/place_names.h).
  if (RuleOn("theplace")) rules::KeepCapitalThe(article_text, &cands);

  // Rule 'nested' (rules/nested_names.h).
  if (tagger_ != nullptr && RuleOn("nested"))
    rules::CutNestedNames(article_text, full_by_last, &cands);

  // Rule 'hyphen' (rules/hyphens.h).
  if (RuleOn("hyphen")) rules::CutHyphenatedSpans(article_text, &cands);

  // Rules of rules/non_names.h.
  if (tagger_ != nullptr) rules::DropNonNames(article_text, acronym_of, &cands);

  // Rule 'equipment' (rules/equipment.h).
  if (RuleOn("equipment"))
    rules::DropEquipment(article_text, acronym_of, &cands);

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

  std::sort(cands.begin(), cands.end(),
            [](const Candidate& a, const Candidate& b) {
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
    const bool seen =
        std::any_of(result.acronyms.begin(), result.acronyms.end(),
                    [&](const AcronymPair& x) {
                      return x.type == m.type && x.acronym == m.name &&
                             FoldName(x.expansion) == key;
                    });
    if (!seen) result.acronyms.push_back({m.type, m.name, expansion});
  }
  return result;
}

}  // namespace byline
