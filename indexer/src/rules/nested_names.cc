#include "rules/nested_names.h"

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

void CutNestedNames(const ArticleText& a, const NamesByPart& full_by_last,
                    std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
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
      if (std::string_view(",;:)\"").find(p.back()) != std::string_view::npos) {
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
      if (k == 1 && tagger->LookUpWord(p).demonym) break;
      EntityType type;
      // A person: a full name, or the surname of one, not a given name
      // alone.
      const std::string* full = full_by_last.Find(pre_key);
      if (people.count(pre_key) && (k > 1 || full != nullptr)) {
        type = EntityType::kPerson;
      } else {
        const NerTagger::NameFacts facts = tagger->LookUpName(p);
        if (!facts.city && !facts.country) continue;
        // "University" is also a town somewhere; a country's code in
        // capitals is none ("US", "UK": "us" is a common word).
        if (k == 1 && tagger->LookUpWord(p).common &&
            !(facts.country && AllUpper(p))) {
          continue;
        }
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
      const NerTagger::NameFacts f = tagger->LookUpName(p);
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
        inner.push_back(
            {EntityType::kPlace, rest, FoldName(p), CollapseWhitespace(p)});
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

}  // namespace byline::rules
