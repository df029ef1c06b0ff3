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
  // A bracket after a name (the team's country) or a score (its
  // scorers), spaced or not.
  EXPECT_EQ(Teams("Teamsystem Bologna ( Italy ) 78 Alba Berlin ( Germany ) 71\n"
                  "Olympiakos (Greece) 80 Real Madrid (Spain) 69\n"
                  "Leeds 1 (Harte 50) Hull City 2 (Brown 12, Ross 88)\n"),
            (Names{"Teamsystem Bologna (table)", "Alba Berlin (table)",
                   "Olympiakos (table)", "Real Madrid (table)", "Leeds (table)",
                   "Hull City (table)"}));
  // A day's name may end a team's name, never start one.
  EXPECT_EQ(Teams("Leeds 1 Sheffield Wednesday 1\n"
                  "Sheffield Wednesday beat Leeds 2-1 on Saturday.\n"
                  "On Wednesday Leeds beat Hull 2-1.\n"),
            (Names{"Leeds (table)", "Sheffield Wednesday (table)",
                   "Sheffield Wednesday", "Leeds", "Leeds", "Hull"}));
  // Words after the second score are not a bracket: no results line.
  EXPECT_TRUE(Teams("Leeds 1 Hull 2 Smith said").empty());
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

TEST(SportsResultsTest, NorthAmericanStandingsNameTheirTeam) {
  // Won, lost, percentage, games behind.
  EXPECT_EQ(Teams("W L PCT GB\nMIAMI 14 4 .778 -\nNEW YORK 12 6 .667 2\n"
                  "ORLANDO 8 9 .471 5 1/2\n"),
            (Names{"MIAMI", "NEW YORK", "ORLANDO"}));
  // One whole figure is not enough.
  EXPECT_EQ(Teams("Orlando 8 .471 -\n"), Names{});
}

TEST(SportsResultsTest, ResultsLineMayEndWithASentence) {
  EXPECT_EQ(Teams("Ajax 2 (Kluivert 4, Overmars 66) Utrecht 0. Halftime 1-0. "
                  "Attendance 41,000.\n"
                  "Vitesse 1 Twente 1 . Halftime 0-0 .\n"),
            (Names{"Ajax (table)", "Utrecht (table)", "Vitesse (table)",
                   "Twente (table)"}));
  // Where the match was played may open the line.
  EXPECT_EQ(Teams("In Tarsk : Vellmar ( Arvia ) 2 Kord ( Ostia ) 1\n"
                  "In Tarsk Vellmar 2 Kord 1\n"),
            (Names{"Vellmar (table)", "Kord (table)"}));
  // Or with the attendance after it.
  EXPECT_EQ(Teams("Leeds 1 ( Wallace 44 ) Chelsea 2 ( Zola 23 ) 40,000\n"
                  "Hull 0 Derby 0 . 12,500\n"
                  "Hull 0 Derby 0 12,500 fans\n"),
            (Names{"Leeds (table)", "Chelsea (table)", "Hull (table)",
                   "Derby (table)"}));
}

std::vector<std::string> Ranges(const std::string& text,
                                std::vector<TextRange> (*find)(std::string_view,
                                                               TextRange)) {
  std::vector<std::string> out;
  for (const TextRange& r : find(text, {0, text.size()}))
    out.push_back(text.substr(r.start, r.size()));
  return out;
}

TEST(SportsResultsTest, ScorersInBracketsAfterTheScore) {
  EXPECT_EQ(Ranges("PSV 3 ( Nilis 12 , 56 , Jonk 80 ) Feyenoord 1 ( Van "
                   "Gastel 33 ) . Halftime 1-1 .\n"
                   "Ajax 2 (Kluivert 4, de Boer 66 pen) Utrecht 0\n",
                   FindScorerNames),
            (Names{"Nilis", "Jonk", "Van Gastel", "Kluivert", "de Boer"}));
  // A country in brackets after a name has no minute: no scorer.
  EXPECT_EQ(Ranges("Alba Berlin (Germany) 71 Real Madrid (Spain) 69\n",
                   FindScorerNames),
            Names{});
}

TEST(SportsResultsTest, InitialsStayInPlayersNames) {
  EXPECT_EQ(Ranges("M. Lind c Berg b Sol 12\nBowling : Sol 20-5-45-2 , "
                   "J. Berg 18-3-60-1\n",
                   FindScorecardNames),
            (Names{"M. Lind", "Berg", "Sol"}));
  EXPECT_EQ(
      Ranges("Bowling : Sol 20-5-45-2 , J. Berg 18-3-60-1\n", FindScorerNames),
      (Names{"Sol", "J. Berg"}));
}

TEST(SportsResultsTest, ScorerListsAfterTheirLabel) {
  EXPECT_EQ(
      Ranges("Scorers : Cruz ( 36th ) , Larsson ( 66th ) , Van Vossen 80\n"
             "Tarsk - Tries : Rodber . Penalties : Grayson ( 4 ) .\n"
             "Goals: Vellmar - Ana Berg 2; Lind.\n",
             FindScorerNames),
      (Names{"Cruz", "Larsson", "Van Vossen", "Rodber", "Grayson", "Ana Berg",
             "Lind"}));
  // No label, or the label's sentence over: nothing.
  EXPECT_EQ(Ranges("Try : Lind . Berg went off injured .\n"
                   "Scorers Cruz and Larsson left.\n",
                   FindScorerNames),
            Names{"Lind"});
  // A label inside prose opens no list; "goals" needs "Drop" or
  // "Penalty" before it.
  EXPECT_EQ(Ranges("Achieving four goals: Term Limits for Congress.\n"
                   "We have two Goals: Peace and Security.\n"
                   "Tarsk - Drop goals : Berg .\n",
                   FindScorerNames),
            Names{"Berg"});
}

TEST(SportsResultsTest, MatchLinesNameTheirPlayers) {
  EXPECT_EQ(
      Ranges("Berg ( Tarsk ) beat Lind ( Vellmar ) 6-3 6-4\n"
             "1 - Ana Berg (Tarsk) bt 4 - Eva Sol (Ostia) 7-6 (7-4) 6-2\n",
             FindMatchPlayers),
      (Names{"Berg", "Lind", "Ana Berg", "Eva Sol"}));
  // One score (a team's match), no brackets, or no scores: none.
  EXPECT_EQ(Ranges("Varnholt (Tarsk) beat Aldeburg (Ostia) 2-1\n"
                   "Berg beat Lind 6-3 6-4\n"
                   "Berg ( Tarsk ) beat Lind ( Vellmar ) in the final\n",
                   FindMatchPlayers),
            Names{});
}

TEST(SportsResultsTest, LeaderboardTeamsBetweenCountryAndFigures) {
  EXPECT_EQ(Teams("1. Ana Berg ( Tarsk ) Vellmar Motors 1:32:45.6\n"
                  "2. Eva Sol ( Ostia ) KORDA 4 hours 12 minutes 33 seconds\n"
                  "3. Jon Lind ( Tarsk ) same time\n"),
            (Names{"Vellmar Motors (table)", "KORDA (table)"}));
}

TEST(SportsResultsTest, LeaderboardLinesNameTheirEntries) {
  EXPECT_EQ(Ranges("134 Greg Norman ( Australia ) 67 67\n"
                   "136 Ernie Els 68 68 , Colin Montgomerie (Scotland) 70 66\n"
                   "T3 Nick Price (Zimbabwe) 70 68\n"
                   "1. Katja Seizinger (Germany) 1:42.05\n",
                   FindLeaderboardNames),
            (Names{"Greg Norman", "Ernie Els", "Colin Montgomerie",
                   "Nick Price", "Katja Seizinger"}));
  // No rank first, one word only, or words after the figures: none.
  EXPECT_EQ(Ranges("Greg Norman 67 67\n3. Barcelona 16 11 4\n"
                   "2. Ernie Els 68 said he was tired\n",
                   FindLeaderboardNames),
            Names{});
}

std::vector<std::string> Players(const std::string& text) {
  return Ranges(text, FindScorecardNames);
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
