// Rule stage `results`: team names in sports results. In "Leeds beat
// Chelsea 2-1" or a results line "Bayer Leverkusen 3 Hamburg 1", the names
// are teams (organisations), whatever a town or a person they are
// elsewhere. Pure text: no tagger, no other rule.
#ifndef BYLINE_INDEX_RULES_SPORTS_RESULTS_H_
#define BYLINE_INDEX_RULES_SPORTS_RESULTS_H_

#include <string_view>
#include <vector>

#include "byline/passage.h"
#include "rules/candidate.h"

namespace byline::rules {

struct TeamName {
  TextRange range;
  bool in_table = false;  // from a results line, else a score sentence
                          // or a standings line
  bool operator==(const TeamName&) const = default;
};

// The team names in `range` of `text`, in text order. Each line of the
// range is looked at on its own (a name never crosses a line break):
//  - a results line: two capitalised names, each followed by its score
//    ("Bayer Leverkusen 3 Hamburg 1", "Leeds 2 Chelsea 1 (half-time 1-0)"
//    is not one: the line must end with the second score);
//  - a score sentence: a capitalised name, a result verb (beat, defeated,
//    drew with, lost to, edged, thrashed, ...), a capitalised name, then
//    a score "N-N" before the sentence ends ("Leeds beat Chelsea 2-1");
//  - a standings line: a capitalised name at the line's start, then four
//    figures or more and nothing else ("Barcelona 16 11 4 1 41 16 37");
//  - a leaderboard entry's team, between the country and the figures
//    ("1. Michael Schumacher (Germany) Ferrari 1:32:45.6").
// Linear in the range's length.
std::vector<TeamName> FindTeamNames(std::string_view text, TextRange range);

// Teams in sports results are organisations, whatever the tagger made
// of them: "Leeds beat Chelsea 2-1", "Bayer Leverkusen 3 Hamburg 1"
// (rule stage 'results', rules/sports_results.h). A national side named
// by its country is a place, as CoNLL annotates it ("Japan 2 Syria 1").
// The players a cricket scorecard names, line by line, in text order:
// the batsman, fielder and bowler of a batting line ("Saeed Anwar c
// Parore b Doull 12", "Moin Khan not out 20": dismissal words, then the
// runs and nothing else) and the bowler of a bowling line ("Wasim Akram
// 20.3-5-45-4"). Pure text.
std::vector<TextRange> FindScorecardNames(std::string_view text,
                                          TextRange range);

// The scorers a results line names in brackets after a team's score,
// each followed by the minutes of their goals: "PSV 3 (Nilis 12, 56,
// Jonk 80) Feyenoord 1 (Van Gastel 33)." gives Nilis, Jonk and Van
// Gastel; and the players a list of scorers names after its label
// ("Scorers: Cruz (36th), Larsson (66th)", "England - Tries: Rodber.
// Penalties: Grayson (4)."), not the team before " -". Pure text.
std::vector<TextRange> FindScorerNames(std::string_view text, TextRange range);

// The players of a match line of an individual sport: "Sampras (U.S.)
// beat Gustafsson (Sweden) 6-3 6-4", "1 - Pete Sampras (U.S.) bt 4 -
// Thomas Enqvist (Sweden) 7-6 (7-4) 6-2" (each side a name, maybe after
// a seed, then a bracket; two set scores or more after the second).
// Pure text.
std::vector<TextRange> FindMatchPlayers(std::string_view text, TextRange range);

// The entries of leaderboard lines: a rank or total first, then names of
// two words or more, each maybe with a bracket and then its figures
// ("134 Greg Norman (Australia) 67 67", "136 Ernie Els 68 68, Colin
// Montgomerie (Scotland) 70 66"). Pure text: a person's or a team's.
std::vector<TextRange> FindLeaderboardNames(std::string_view text,
                                            TextRange range);

// The players of a scorecard, the scorers of a results line and the
// entries of a leaderboard that start with a given name are persons, whatever
// the tagger made of them (rule stage 'scorecard').
void MarkScorecardPlayers(const ArticleText& a, std::vector<Candidate>* out);

// Whether the lists know `name` as a country, or it is one of the nations
// of the United Kingdom (which field teams of their own).
bool IsCountryName(const NerTagger* tagger, std::string_view name);

void MarkResultTeams(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_SPORTS_RESULTS_H_
