// Rule stage `cue` (indexer/src/rules/cues.h) on made-up text.
#include "rules/cues.h"

#include <gtest/gtest.h>

namespace byline::rules {
namespace {

TEST(CuesTest, AKindOfPlaceBeforeOfMakesAPlace) {
  EXPECT_EQ(TypeFromCues("through the old quarter of ", " and on"),
            EntityType::kPlace);
  EXPECT_EQ(TypeFromCues("the town of ", ", where"), EntityType::kPlace);
  EXPECT_EQ(TypeFromCues("The District of ", ""), EntityType::kPlace);
}

TEST(CuesTest, APostInABodyMakesAnOrganisation) {
  EXPECT_EQ(TypeFromCues("said the director of ", ", who"), EntityType::kOrg);
  EXPECT_EQ(TypeFromCues("a spokeswoman for ", " said"), EntityType::kOrg);
  EXPECT_EQ(TypeFromCues("Shareholders of ", ""), EntityType::kOrg);
}

TEST(CuesTest, AnAppositionThatCallsItAPartOfABody) {
  EXPECT_EQ(TypeFromCues("brought by ", ", the Dutch branch of Friends"),
            EntityType::kOrg);
  EXPECT_EQ(TypeFromCues("", ", a subsidiary of the group"), EntityType::kOrg);
  EXPECT_EQ(TypeFromCues("", ", the youth wing of the party"),
            EntityType::kOrg);
}

TEST(CuesTest, OtherWordsSayNothing) {
  EXPECT_EQ(TypeFromCues("a photograph of ", " at work"), std::nullopt);
  EXPECT_EQ(TypeFromCues("the wife of ", ", the painter"), std::nullopt);
  EXPECT_EQ(TypeFromCues("for ", ""), std::nullopt);  // one word only
  EXPECT_EQ(TypeFromCues("", ", the branch manager"), std::nullopt);
  // Only the words right before count: a comma or a line stops them.
  EXPECT_EQ(TypeFromCues("the town of Berlin, ", ""), std::nullopt);
  EXPECT_EQ(TypeFromCues("the director of\n", ""), std::nullopt);
  // "president of" a country, "leader of" a party: not posts this reads.
  EXPECT_EQ(TypeFromCues("the president of ", ""), std::nullopt);
  EXPECT_EQ(TypeFromCues("", ""), std::nullopt);
}

}  // namespace
}  // namespace byline::rules
