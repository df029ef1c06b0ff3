// Rule stage `teamcue` (indexer/src/rules/team_cues.h) on made-up text.
#include "rules/team_cues.h"

#include <gtest/gtest.h>

#include "byline/index/entity_extractor.h"

namespace byline::rules {
namespace {

TEST(TeamCuesTest, AResultAfterTheNameSaysATeam) {
  EXPECT_TRUE(TeamFromCues("", " stayed top of the table"));
  EXPECT_TRUE(TeamFromCues("", " were held to a draw"));
  EXPECT_TRUE(TeamFromCues("", " moved three points clear"));
  EXPECT_TRUE(TeamFromCues("", " beat Hull 2-1"));
  EXPECT_TRUE(TeamFromCues("", " coach Ana Berg said"));
  EXPECT_TRUE(TeamFromCues("", "'s striker scored"));
  EXPECT_TRUE(TeamFromCues("", " 's fans sang"));  // tokenised
}

TEST(TeamCuesTest, WordsBeforeTheNameSayATeam) {
  EXPECT_TRUE(TeamFromCues("They were held 1-1 at home by ", " on Sunday"));
  EXPECT_TRUE(TeamFromCues("a 2-0 win over ", "."));
  EXPECT_TRUE(TeamFromCues("after a 2-0 defeat at ", "."));
  EXPECT_TRUE(TeamFromCues("He scored against ", " in May"));
  EXPECT_TRUE(TeamFromCues("behind leaders ", "."));
  EXPECT_TRUE(TeamFromCues("They finished second behind ", " last season"));
  EXPECT_TRUE(TeamFromCues("United, who play ", " on Tuesday"));
  EXPECT_TRUE(TeamFromCues("his tenth game for ", " with a knee injury"));
  EXPECT_TRUE(TeamFromCues("He joined ", " in 1994"));
}

// A score between the result and its preposition ("drew 1-1 with"), rule
// 'scorecue'.
TEST(TeamCuesTest, ResultWithTheScoreBeforeTheName) {
  EXPECT_TRUE(TeamFromCues("Celtic drew 1-1 with ", " at Parkhead"));
  EXPECT_TRUE(TeamFromCues("They lost 3-1 to ", " on Saturday"));
  EXPECT_FALSE(TeamFromCues("Turnout rose 10-12 with ", " voters"));
  SetEntityRule("scorecue", false);
  EXPECT_FALSE(TeamFromCues("Celtic drew 1-1 with ", " at Parkhead"));
  SetEntityRule("scorecue", true);
}

// Strictly, a result after the name needs a score, a standing or a name
// after it: what a team does, not what a player does too.
TEST(TeamCuesTest, StrictResultsNeedAScoreOrAName) {
  EXPECT_TRUE(TeamFromCues("", " beat Parma 2-0", /*strict=*/true));
  EXPECT_TRUE(TeamFromCues("", " won 2-1 at home", true));
  EXPECT_TRUE(TeamFromCues("", " stayed top of the table", true));
  EXPECT_TRUE(TeamFromCues("", " lost to Ajax", true));
  EXPECT_FALSE(TeamFromCues("", " won a penalty", true));
  EXPECT_FALSE(TeamFromCues("", " beat two defenders", true));
  EXPECT_TRUE(TeamFromCues("", " won a penalty"));  // not strict
}

TEST(TeamCuesTest, OtherWordsSayNothing) {
  EXPECT_FALSE(TeamFromCues("The match was played in ", " on Sunday"));
  EXPECT_FALSE(TeamFromCues("He flew to ", " and"));
  EXPECT_FALSE(TeamFromCues("", " is a port city"));
  EXPECT_FALSE(TeamFromCues("", " went home"));
  // A comma stops the words read: "by Hull, who held".
  EXPECT_FALSE(TeamFromCues("they met the mayor of ", ", who held talks"));
}

TEST(TeamCuesTest, SportsArticlesBySlugOrScores) {
  EXPECT_TRUE(IsSportsArticle("SOCCER - LEEDS HELD\nLeeds drew."));
  EXPECT_TRUE(IsSportsArticle("ICE HOCKEY - NHL RESULTS\n"));
  EXPECT_TRUE(IsSportsArticle("NFL AMERICAN FOOTBALL - RESULTS\n"));
  EXPECT_TRUE(IsSportsArticle("Title\n\nSPEED SKATING - RESULTS\n"));
  // Four words, or none a sport's: no slug.
  EXPECT_FALSE(IsSportsArticle("WORLD BANK LENDING POLICY - REVIEW\n"));
  EXPECT_FALSE(IsSportsArticle("MARKETS - SHARES FALL\nLeeds fell."));
  EXPECT_FALSE(IsSportsArticle("Leeds council met on Monday."));
}

}  // namespace
}  // namespace byline::rules
