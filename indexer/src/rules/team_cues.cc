#include "rules/team_cues.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "byline/text.h"
#include "rules/match_reports.h"
#include "rules/sports_results.h"
#include "rules/words.h"

namespace byline::rules {

namespace {

// "1-1", "2-0": a match's score as one word.
bool IsScore(std::string_view w) {
  const size_t dash = w.find('-');
  if (dash == 0 || dash == std::string_view::npos || dash + 1 == w.size())
    return false;
  for (size_t i = 0; i < w.size(); ++i) {
    if (i != dash && (w[i] < '0' || w[i] > '9')) return false;
  }
  return dash <= 2 && w.size() - dash - 1 <= 2;
}

// Letters, digits ("1-1"), hyphens and apostrophes.
bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '\'' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Up to `n` words from the start of `text`, as written, nearest first.
// Stops at anything but words and single spaces, except that a lone "'s"
// after the name is kept as a word.
std::vector<std::string_view> WordsAfter(std::string_view text, size_t n) {
  std::vector<std::string_view> words;
  size_t pos = 0;
  if (text.starts_with("'s ") || text.starts_with("\u2019s ")) {
    words.push_back("'s");
    pos = text[0] == '\'' ? 2 : 4;
  } else if (text.starts_with(" 's ")) {  // tokenised: "Leeds 's coach"
    words.push_back("'s");
    pos = 3;
  }
  while (words.size() < n && pos < text.size() && text[pos] == ' ') {
    size_t end = pos + 1;
    while (end < text.size() && IsWordByte(text[end])) ++end;
    if (end == pos + 1) break;
    words.push_back(text.substr(pos + 1, end - pos - 1));
    pos = end;
  }
  return words;
}

// Up to `n` words of `text` from its start (forward, as WordsAfter) or its
// end (back), lowercased, nearest first.
std::vector<std::string> Around(std::string_view text, size_t n, bool forward) {
  if (!forward) return LastWordsLower(text, n, IsWordByte);
  std::vector<std::string> words;
  for (std::string_view w : WordsAfter(text, n)) words.push_back(AsciiLower(w));
  return words;
}

// Where a sport's slug opens wire copy ("ICE HOCKEY" of "ICE HOCKEY -
// NHL RESULTS"), as offsets into `text`; empty if none does.
TextRange SportSlug(std::string_view text) {
  const std::string_view whole = text;
  // A slug of up to three words in capitals, one of them a sport's
  // ("ICE HOCKEY", "NFL AMERICAN FOOTBALL", "SPEED SKATING").
  static const WordSet kSports = {
      "SOCCER",    "FOOTBALL",   "BASKETBALL", "BASEBALL",  "CRICKET",
      "TENNIS",    "GOLF",       "RUGBY",      "HOCKEY",    "ATHLETICS",
      "CYCLING",   "BOXING",     "SKIING",     "RACING",    "MOTORCYCLING",
      "SWIMMING",  "VOLLEYBALL", "HANDBALL",   "SQUASH",    "BADMINTON",
      "SNOOKER",   "SKATING",    "BIATHLON",   "JUMPING",   "ROWING",
      "SAILING",   "YACHTING",   "GYMNASTICS", "WRESTLING", "JUDO",
      "BOBSLEIGH", "LUGE",       "DARTS",      "POLO",      "NFL",
      "NBA",       "NHL",        "SOFTBALL",   "TRIATHLON", "FENCING"};
  // The first two lines that are not blank: the headline, or a title
  // and then the headline.
  for (int line = 0; line < 2; ++line) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\n'))
      text.remove_prefix(1);
    const size_t dash = text.find(" - ");
    const size_t eol = text.find('\n');
    if (dash != std::string_view::npos && dash <= 32 && dash < eol) {
      std::string_view slug = text.substr(0, dash);
      const size_t at = whole.size() - text.size();
      for (int w = 0; w < 3 && !slug.empty(); ++w) {
        const size_t sp = slug.find(' ');
        if (kSports.count(slug.substr(0, sp))) return {at, at + dash};
        if (sp == std::string_view::npos) break;
        slug.remove_prefix(sp + 1);
      }
    }
    if (eol == std::string_view::npos) break;
    text.remove_prefix(eol);
  }
  return {0, 0};
}

// Whether `name` is followed somewhere in `text` by a verb of speech
// ("Romario said", "Romario told reporters"): a person, not a club.
bool Speaks(std::string_view text, std::string_view name) {
  bool speaks = false;
  ForEachWholeWord(text, name, {0, text.size()}, [&](size_t at) {
    const std::vector<std::string> next =
        Around(text.substr(at + name.size()), 1, true);
    speaks = !next.empty() && (next[0] == "said" || next[0] == "says" ||
                               next[0] == "told" || next[0] == "added");
    return !speaks;
  });
  return speaks;
}

// The last words of the article's clubs' names of two or more words,
// which stand for the club alone ("United" after "Manchester United"),
// with the one club each names; a word two clubs end with names none
// (empty: "United" after "Leeds United" and "Newcastle United"). Empty
// with rule 'teamtail' off.
using ClubsByTail = std::map<std::string, std::string, std::less<>>;
ClubsByTail ClubsByLastWord(const ArticleText& a,
                            const std::vector<Candidate>& cands) {
  ClubsByTail out;
  if (!RuleOn("teamtail")) return out;
  for (const Candidate& c : cands) {
    if (c.type != EntityType::kOrg) continue;
    const std::vector<TextRange> words = Words(a.text, c.range);
    if (words.size() < 2) continue;
    const std::string_view last = a.Slice(words.back());
    if (!IsUpperInitial(last) || AllUpper(last)) continue;
    const std::string name = CollapseWhitespace(a.Slice(c.range));
    auto [it, added] = out.try_emplace(std::string(last), name);
    if (!added && it->second != name) it->second.clear();
  }
  return out;
}

}  // namespace

bool IsSportsArticle(std::string_view text) {
  return SportSlug(text).size() > 0 || IsSportsReport(text);
}

bool TeamFromCues(std::string_view before, std::string_view after,
                  bool strict) {
  // A result or a standing, right after the name: "Barcelona stayed top".
  static const WordSet kResults = {
      "beat",     "beats",    "drew",      "draw",      "draws",     "lost",
      "lose",     "loses",    "won",       "win",       "wins",      "stayed",
      "stay",     "stays",    "slipped",   "slip",      "climbed",   "climb",
      "levelled", "leveled",  "equalised", "equalized", "trail",     "trailed",
      "trails",   "host",     "hosts",     "hosted",    "edged",     "thrashed",
      "routed",   "crushed",  "hammered",  "overcame",  "rallied",   "clinched",
      "retained", "conceded", "qualified", "defeated",  "eliminated"};
  // "were held", "was beaten": a result in the passive.
  static const WordSet kPassive = {
      "held",    "beaten",   "defeated", "relegated",  "promoted",
      "knocked", "thrashed", "crushed",  "eliminated", "unbeaten"};
  // "went clear", "moved top".
  static const WordSet kMoves = {"went",  "go",     "goes",    "moved", "move",
                                 "moves", "jumped", "dropped", "fell"};
  static const WordSet kWhere = {"clear", "top",    "ahead", "level",
                                 "up",    "second", "third", "bottom"};
  // The team's people and parts: "Juventus coach", "Leeds' fans",
  // "Dallas quarterback".
  static const WordSet kPeople = {
      "coach",      "manager",    "striker",    "midfielder", "defender",
      "goalkeeper", "keeper",     "captain",    "forward",    "winger",
      "fans",       "supporters", "squad",      "side",       "team",
      "chairman",   "boss",       "defence",    "defense",    "substitute",
      "skipper",    "playmaker",  "sweeper",    "stopper",    "quarterback",
      "pitcher",    "linebacker", "receiver",   "catcher",    "outfielder",
      "shortstop",  "owner",      "goaltender", "centre-back"};
  // Right before the name: "against Valencia", "beating Parma".
  static const WordSet kBeforeOne = {
      "against", "beating", "beat",     "beats",  "leaders", "champions",
      "holders", "hosts",   "visitors", "facing", "face",    "faces",
      "behind",  "play",    "plays",    "meet",   "meets"};
  // Two words before: "held by", "win over", "defeat at".
  static const WordSet kFirstOfTwo = {
      "held",   "beaten",  "win",       "victory",    "defeat",
      "loss",   "lost",    "draw",      "drew",       "scored",
      "signed", "joined",  "equalised", "equalized",  "played",
      "plays",  "playing", "game",      "games",      "goal",
      "goals",  "points",  "debut",     "appearance", "level"};
  static const WordSet kSecondOfTwo = {"by",   "over",    "at", "to",
                                       "with", "against", "for"};
  const std::vector<std::string_view> written = WordsAfter(after, 4);
  std::vector<std::string> next;
  for (std::string_view w : written) next.push_back(AsciiLower(w));
  if (!next.empty()) {
    const std::string& w = next[0];
    if (w == "'s") {
      if (next.size() > 1 && kPeople.count(next[1])) return true;
    } else if (kPeople.count(w)) {
      return true;
    } else if (kResults.count(w)) {
      if (!strict) return true;
      // A score, a standing ("stayed top") or a capitalised name within
      // the next three words.
      for (size_t k = 1; k < written.size(); ++k) {
        if (IsScore(written[k]) || kWhere.count(next[k]) ||
            std::isupper(static_cast<unsigned char>(written[k][0]))) {
          return true;
        }
      }
    } else if ((w == "were" || w == "was") && next.size() > 1 &&
               kPassive.count(next[1])) {
      return true;
    } else if (kMoves.count(w)) {
      // "went clear", "moved three points clear".
      for (size_t k = 1; k < next.size(); ++k) {
        if (kWhere.count(next[k])) return true;
      }
    }
  }
  const std::vector<std::string> prev = Around(before, 5, false);
  // "held 1-1 at home by Valencia": "by" after a result in the passive,
  // a few words back.
  if (!prev.empty() && prev[0] == "by") {
    for (size_t k = 1; k < prev.size(); ++k) {
      if (kPassive.count(prev[k])) return true;
    }
  }
  if (!prev.empty() && kBeforeOne.count(prev[0])) return true;
  // "joined" and "signed for" take the team as they are: "joined
  // Barcelona"; the rest need their second word ("held by").
  if (prev.size() >= 2 && kSecondOfTwo.count(prev[0]) &&
      kFirstOfTwo.count(prev[1])) {
    return true;
  }
  // The same with the score between: "drew 1-1 with Hibernian", "won 2-0
  // at Ajax" (rule 'scorecue').
  if (prev.size() >= 3 && kSecondOfTwo.count(prev[0]) && IsScore(prev[1]) &&
      kFirstOfTwo.count(prev[2]) && RuleOn("scorecue")) {
    return true;
  }
  return !prev.empty() && prev[0] == "joined";
}

void NameClubs(const ArticleText& a, std::vector<Candidate>* out) {
  // Words that open clubs' names before their town ("Inter Milan",
  // "Sporting Lisbon", "Dynamo Kiev", "Ajax Amsterdam").
  static const WordSet kOpeners = {"Inter",
                                   "Sporting",
                                   "Real",
                                   "Atletico",
                                   "Athletic",
                                   "Dynamo",
                                   "Dinamo",
                                   "Olympique",
                                   "Borussia",
                                   "Bayer",
                                   "Rapid",
                                   "Slavia",
                                   "Sparta",
                                   "Legia",
                                   "Steaua",
                                   "Lokomotiv",
                                   "Spartak",
                                   "CSKA",
                                   "Torpedo",
                                   "Racing",
                                   "Deportivo",
                                   "Partizan",
                                   "Ajax",
                                   "FC",
                                   "AC",
                                   "AS",
                                   "SC",
                                   "SV",
                                   "VfB",
                                   "VfL",
                                   "Hertha",
                                   "Werder",
                                   "Fortuna",
                                   "Eintracht",
                                   "Standard",
                                   "Olympiakos",
                                   "Panathinaikos",
                                   "Sturm",
                                   "Austria",
                                   "Admira"};
  const std::string_view text = a.text;
  std::vector<TextRange> clubs;
  for (const std::vector<TextRange>& ws : a.range_words) {
    for (size_t k = 0; k + 1 < ws.size(); ++k) {
      // The town right after it: one separator between, not a line break.
      if (!kOpeners.count(a.Slice(ws[k])) || ws[k + 1].start != ws[k].end + 1 ||
          text[ws[k].end] == '\n') {
        continue;
      }
      bool cut = false;
      const std::string_view town = WordCore(a.Slice(ws[k + 1]), &cut);
      if (!IsUpperInitial(town)) continue;
      const NerTagger::NameFacts f = a.tagger->LookUpName(town);
      if (!f.city || f.country) continue;
      clubs.push_back({ws[k].start, ws[k + 1].start + town.size()});
      ++k;
    }
  }
  std::vector<Candidate>& cands = *out;
  for (const TextRange& club : clubs) {
    std::erase_if(cands, [&](const Candidate& c) {
      return c.range.start < club.end && club.start < c.range.end;
    });
    AddCandidate(a, EntityType::kOrg, club, out);
  }
}

void TypeTeamsByCues(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  if (!IsSportsArticle(text)) return;
  if (RuleOn("clubname")) NameClubs(a, out);
  std::vector<Candidate>& cands = *out;
  // The slug names a sport, not a body ("RUGBY UNION", "ICE" of "ICE
  // HOCKEY", though the lists know an "ICE"); a league's initials the
  // lists know stay ("NFL AMERICAN FOOTBALL").
  const TextRange slug = SportSlug(text);
  if (slug.size() > 0) {
    std::erase_if(cands, [&](const Candidate& c) {
      if (c.range.start < slug.start || c.range.end > slug.end) return false;
      const NerTagger::NameFacts f = a.tagger->LookUpName(a.Slice(c.range));
      return !(IsAcronym(a.Slice(c.range)) && (f.org || f.gazetteer_org) &&
               !a.tagger->LookUpWord(a.Slice(c.range)).common);
    });
  }
  // Words of the article's people's longer names ("Sampras" after "Pete
  // Sampras").
  const std::set<std::string_view> person_words =
      WordsOfLongerNames(a, cands, EntityType::kPerson);
  const ClubsByTail club_of_tail = ClubsByLastWord(a, cands);
  std::map<std::string_view, bool> speaks_of;  // Speaks(), by name
  for (Candidate& c : cands) {
    if (c.fixed) continue;
    // The last word of a club's name alone, whatever the tagger made of
    // it, is the club where the words around it say a team ("United
    // moved up to fourth"); fixed, as a common word that opens a sentence
    // would be dropped.
    if (const auto tail = club_of_tail.find(a.Slice(c.range));
        tail != club_of_tail.end() && !tail->second.empty()) {
      if (TeamFromCues(text.substr(0, c.range.start),
                       text.substr(c.range.end))) {
        // Its key stays the word's, so that the article's other
        // mentions of the word vote with it; it is named as written.
        c.type = EntityType::kOrg;
        c.fixed = true;
      }
      continue;
    }
    if (c.type != EntityType::kPlace && c.type != EntityType::kPerson) {
      continue;
    }
    // A name in capitals ("PAKISTAN WIN BY FIVE WICKETS") is looked up as
    // the lists write it ("Pakistan").
    bool strict = false;  // only a club by the lists' lack of it
    const std::string_view written = a.Slice(c.range);
    const std::string title =
        std::any_of(written.begin(), written.end(),
                    [](char ch) {
                      return std::islower(static_cast<unsigned char>(ch));
                    })
            ? std::string(written)
            : TitleCase(written);
    const std::string_view name = title;
    if (IsCountryName(a.tagger, name)) continue;
    const NerTagger::NameFacts facts = a.tagger->LookUpName(name);
    if (c.type == EntityType::kPlace) {
      // A region ("West Indies", "Queensland") fields a side of its own,
      // a place in the CoNLL style like a country's.
      if (facts.gazetteer_place && !facts.city) continue;
    } else {
      // A person's name only when the lists know it as an organisation
      // or a town, or it ends with a town ("Bayer Leverkusen"), and it
      // does not start with a given name ("Yevgeny Kafelnikov" is no
      // club, even where the lists know no Yevgeny).
      if (facts.person || person_words.count(name) > 0) continue;
      const std::vector<TextRange> words = Words(text, c.range);
      if (a.tagger->LookUpWord(a.Slice(words.front())).given_name) continue;
      const bool town_last =
          words.size() > 1 && a.tagger->LookUpName(a.Slice(words.back())).city;
      const bool known =
          facts.org || facts.gazetteer_org || facts.city || town_last;
      // One word the lists know nothing of, which no person of the
      // article has, may be a club too ("drew 1-1 with Hibernian"); two
      // such words are more often a foreign player's names ("Egil
      // Ostenstad equalised"), and one that speaks somewhere in the
      // article a player known by one name ("Romario said") (rule
      // 'unknownteam'). The text is searched once a name.
      const auto speaks = [&](std::string_view w) {
        auto [it, added] = speaks_of.try_emplace(w, false);
        if (added) it->second = Speaks(text, w);
        return it->second;
      };
      const bool unknown =
          !known && words.size() == 1 && !facts.place &&
          !facts.gazetteer_place &&
          !a.tagger->LookUpWord(a.Slice(words.back())).common &&
          RuleOn("unknownteam") && !speaks(a.Slice(c.range));
      if (!known && !unknown) continue;
      strict = unknown;
    }
    const std::string_view before = text.substr(0, c.range.start);
    if (Around(before, 1, false) == std::vector<std::string>{"in"}) continue;
    if (TeamFromCues(before, text.substr(c.range.end), strict))
      c.type = EntityType::kOrg;
  }
  if (RuleOn("teamfind")) FindTeamsByCues(a, out);
}

void FindTeamsByCues(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  std::vector<Candidate>& cands = *out;
  const std::vector<bool> covered = Covered(text.size(), cands);
  std::vector<Candidate> found;
  const ClubsByTail club_of_tail = ClubsByLastWord(a, cands);
  for (const std::vector<TextRange>& ws : a.range_words) {
    for (size_t i = 0; i < ws.size(); ++i) {
      bool cut = false;
      const std::string_view w = WordCore(a.Slice(ws[i]), &cut);
      if (w.size() < 3 || !IsUpperInitial(w) || AllUpper(w) ||
          covered[ws[i].start]) {
        continue;
      }
      // One word alone: not after or before another capitalised word on
      // its line ("Real Ajax", "Ajax Amsterdam").
      // A capitalised word before it that opens the sentence counts only
      // when it is no common word ("Deportivo Coruna", not "In Ajax").
      const bool after_capital =
          i > 0 && ws[i - 1].end + 1 == ws[i].start &&
          text[ws[i - 1].end] == ' ' && IsUpperInitial(a.Slice(ws[i - 1])) &&
          !AtSentenceStart(text, {0, text.size()}, ws[i].start) &&
          (!AfterSentenceEnd(text, ws[i - 1].start) ||
           !a.tagger->LookUpWord(a.Slice(ws[i - 1])).common);
      if (after_capital ||
          (!cut && i + 1 < ws.size() && ws[i].end + 1 == ws[i + 1].start &&
           text[ws[i].end] == ' ' && IsUpperInitial(a.Slice(ws[i + 1])))) {
        continue;
      }
      const auto tail = club_of_tail.find(w);
      const bool club_tail =
          tail != club_of_tail.end() && !tail->second.empty();
      const NerTagger::NameFacts f = a.tagger->LookUpName(w);
      const NerTagger::WordFacts wf = a.tagger->LookUpWord(w);
      // A town, or a word the lists know nothing of ("Ferrari team
      // boss"); not a person's name, a given name, a common word or a
      // nationality, unless it ends a club's name of the article.
      const bool unknown = !f.person && !f.org && !f.place &&
                           !f.gazetteer_org && !f.gazetteer_place && !f.city;
      if (!club_tail &&
          ((!f.city && !unknown) || f.country || f.person || wf.given_name ||
           wf.common || wf.demonym || IsCountryName(a.tagger, w))) {
        continue;
      }
      const TextRange r{ws[i].start, ws[i].start + w.size()};
      const std::string_view before = text.substr(0, r.start);
      if (Around(before, 1, false) == std::vector<std::string>{"in"}) continue;
      if (TeamFromCues(before, text.substr(r.end))) {
        found.push_back({EntityType::kOrg, r, FoldName(w), ""});
        // A common word ("United") that opens a sentence stays the club.
        found.back().fixed = club_tail;
      }
    }
  }
  AppendInTextOrder(found, &cands);
}

}  // namespace byline::rules
