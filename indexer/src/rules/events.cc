#include "rules/events.h"

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

void NameEventsByTheirName(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  static const WordSet kEventHeads = {
      "Fair",     "Festival",     "Expo",          "Olympics",   "Olympiad",
      "Cup",      "Championship", "Championships", "Tournament", "Marathon",
      "Biennale", "Awards",       "War",           "Wars"};
  // Sporting events are no organisation, place or person either ("the
  // World Cup", "the Winter Carnival", "the Paralympic Games"): dropped
  // like wars when no name is found in front (rule 'sportevent').
  static const WordSet kSportHeads = {
      "Cup",         "Championship", "Championships", "Tournament", "Olympics",
      "Paralympics", "Olympiad",     "Marathon",      "Carnival",   "Games"};
  // Races named by their first words ("Tour de France", "Giro d'Italia",
  // "Vuelta a Espana").
  static const WordSet kRaceOpeners = {"Tour", "Giro", "Vuelta"};
  static const WordSet kGamesBefore = {"Olympic", "Paralympic", "Commonwealth",
                                       "Asian",   "Invictus",   "Youth",
                                       "Winter",  "Summer",     "Special"};
  static const WordSet kSportWords = {"Olympics", "Paralympics", "Olympic",
                                      "Paralympic"};
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
    if (RuleOn("sportevent") && kRaceOpeners.count(slice(words[0])) &&
        !IsUpperInitial(slice(words[1]))) {
      dropped.insert(c.key);
      continue;
    }
    const bool sport =
        RuleOn("sportevent") && kSportHeads.count(head) &&
        (head != "Games" || kGamesBefore.count(slice(words[words.size() - 2])));
    // In the CoNLL style a sporting event is one name (MISC) and no
    // name inside it is a mention ("the London Marathon", "the Monte
    // Carlo Rally"); GUM's style (rule 'nested') names the place in it.
    if (sport && !RuleOn("nested")) {
      dropped.insert(c.key);
      continue;
    }
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
      } else if (k > 0 || (!tagger->LookUpWord(part).common &&
                           !tagger->LookUpWord(part).demonym)) {
        const NerTagger::NameFacts f = tagger->LookUpName(part);
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
  // A name right before a sporting event's head is the event's, not a
  // mention of its own, in the CoNLL style ("the US Open", "the Monaco
  // Grand Prix", "the London Marathon", where the tagger took the place
  // alone).
  if (!RuleOn("sportevent") || RuleOn("nested")) return;
  std::erase_if(cands, [&](const Candidate& c) {
    if (c.fixed || c.range.end + 2 >= text.size() || text[c.range.end] != ' ')
      return false;
    for (std::string_view h : {"Grand Prix", "Open", "Cup", "Marathon",
                               "Masters", "Championships", "Championship"}) {
      const size_t e = c.range.end + 1 + h.size();
      if (text.substr(c.range.end + 1, h.size()) == h &&
          (e >= text.size() || !IsAlnumByte(text[e]))) {
        return true;
      }
    }
    return false;
  });
}

}  // namespace byline::rules
