// Rule stage `results` (indexer/src/rules/sports_results.h) on made-up
// reports and tables.
#include "rules/sports_results.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace byline::rules {
namespace {

std::vector<std::string> Teams(const std::string& text) {
  std::vector<std::string> out;
  for (const TeamName& t : FindTeamNames(text, {0, text.size()})) {
    out.push_back(text.substr(t.range.start, t.range.size()) +
                  (t.in_table ? " (table)" : ""));
  }
  return out;
}

using Names = std::vector<std::string>;

TEST(SportsResultsTest, ScoreSentencesNameTheirTeams) {
  EXPECT_EQ(Teams("Leeds beat Chelsea 2-1 at home on Saturday."),
            (Names{"Leeds", "Chelsea"}));
  EXPECT_EQ(Teams("On Sunday Hamburg drew with Werder Bremen 1-1."),
            (Names{"Hamburg", "Werder Bremen"}));
  EXPECT_EQ(Teams("Otelul Galati lost to the Rapid Bucharest side 0–3."),
            (Names{"Otelul Galati", "Rapid Bucharest"}));
  EXPECT_EQ(Teams("Brighton and Hove Albion thrashed Stoke City 5-0."),
            (Names{"Brighton and Hove Albion", "Stoke City"}));
}

TEST(SportsResultsTest, ResultsLinesNameBothTeams) {
  EXPECT_EQ(Teams("Bayer Leverkusen 3 Hamburg 1\nAlba Berlin 88 Teamsystem "
                  "Bologna 79\n"),
            (Names{"Bayer Leverkusen (table)", "Hamburg (table)",
                   "Alba Berlin (table)", "Teamsystem Bologna (table)"}));
  // A leading "The" is not part of a team's name, in a line as in a
  // sentence.
  EXPECT_EQ(Teams("The Reds 2 Rovers 1"),
            (Names{"Reds (table)", "Rovers (table)"}));
}

TEST(SportsResultsTest, NoScoreOrNoResultVerbIsNoTeam) {
  // No score in the sentence: the verb alone says nothing.
  EXPECT_TRUE(Teams("Smith beat Jones in the primary.").empty());
  // No score at all, no full stop either.
  EXPECT_TRUE(Teams("Smith beat Jones in the primary").empty());
  // A score in the next sentence does not count.
  EXPECT_TRUE(Teams("Smith beat Jones. It ended 2-1.").empty());
  // Not a results line: words after the score, or a year.
  EXPECT_TRUE(Teams("Paris 2024 Olympics open in July").empty());
  EXPECT_TRUE(Teams("Warsaw 1 March 2024").empty());
  // "drew" needs "with", "lost" needs "to".
  EXPECT_TRUE(Teams("Anna drew Maria 2-1 in crayon.").empty());
}

TEST(SportsResultsTest, StandingsLinesNameTheirTeam) {
  EXPECT_EQ(Teams("Standings (played, won, drawn, lost, goals, points):\n"
                  "Barcelona 16 11 4 1 41 16 37\n"
                  "Real Madrid 15 10 4 1 29 11 34\n"),
            (Names{"Barcelona", "Real Madrid"}));
  // Fewer than four figures, or words after them: no standings line.
  EXPECT_EQ(Teams("Barcelona 16 11 4\nSevilla 16 7 3 6 17 18 24 points\n"),
            Names{});
}

std::vector<std::string> Players(const std::string& text) {
  std::vector<std::string> out;
  for (const TextRange& r : FindScorecardNames(text, {0, text.size()}))
    out.push_back(text.substr(r.start, r.size()));
  return out;
}

TEST(SportsResultsTest, ScorecardLinesNameTheirPlayers) {
  EXPECT_EQ(Players("Ana Berg c Lind b Tarsk 12\n"
                    "Ole Vik lbw b Tarsk 7\n"
                    "Per Dal run out (Lind) 4\n"
                    "Eva Sol not out 20\n"
                    "Tarsk 20.3-5-45-4 (nb-2)\n"
                    "Vell --- Arne 1-2-3\n"),
            (Names{"Ana Berg", "Lind", "Tarsk", "Ole Vik", "Tarsk", "Per Dal",
                   "Lind", "Eva Sol", "Tarsk"}));
  // No dismissal, or words after the runs: no batting line.
  EXPECT_EQ(Players("Ana Berg scored 12\nOle Vik b Tarsk 7 in the rain\n"
                    "Extras (lb-4) 6\n"),
            Names{});
}

TEST(SportsResultsTest, LinesAreSeparate) {
  // A name never runs across a line break.
  EXPECT_EQ(Teams("Group B\nLeeds beat Chelsea 2-1."),
            (Names{"Leeds", "Chelsea"}));
}

}  // namespace
}  // namespace byline::rules
