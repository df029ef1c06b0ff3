// Rule stage `orghead` (indexer/src/rules/org_heads.h) on made-up names.
#include "rules/org_heads.h"

#include <gtest/gtest.h>

namespace byline::rules {
namespace {

TEST(OrgHeadsTest, BodiesEndWithTheirHeadNoun) {
  EXPECT_TRUE(EndsWithOrgHead("Ashcombe Heritage Forum"));
  EXPECT_TRUE(EndsWithOrgHead("Polish Wind Energy Association"));
  EXPECT_TRUE(EndsWithOrgHead("Green Party"));
  EXPECT_TRUE(EndsWithOrgHead("Harbour Authority "));  // trailing space
  EXPECT_TRUE(EndsWithOrgHead("Vistula Ferry Lines"));
}

TEST(OrgHeadsTest, ParliamentsByTheirOwnName) {
  EXPECT_TRUE(EndsWithLegislatureName("Seimas"));
  EXPECT_TRUE(EndsWithLegislatureName("Polish Sejm"));
  EXPECT_TRUE(EndsWithLegislatureName("Verkhovna Rada"));
  EXPECT_FALSE(EndsWithLegislatureName("Cortes"));  // a surname too
  EXPECT_FALSE(EndsWithLegislatureName("Sejm Street"));
}

TEST(OrgHeadsTest, CompaniesByTheirHead) {
  EXPECT_TRUE(EndsWithCompanyHead("Northland Power"));
  EXPECT_TRUE(EndsWithCompanyHead("Vistula Airlines"));
  EXPECT_TRUE(EndsWithCompanyHead("Tarsk Motors"));
  EXPECT_TRUE(EndsWithCompanyHead("Vellmoor Gazette"));  // a newspaper
  EXPECT_FALSE(EndsWithCompanyHead("Newport News"));     // a town too
  EXPECT_FALSE(EndsWithCompanyHead("Power"));            // the head alone
  EXPECT_FALSE(EndsWithCompanyHead("Power Station"));
  EXPECT_FALSE(EndsWithCompanyHead("Northland power"));
  // Not an organisation's head of the other list: where the tagger saw a
  // person ("Tyrone Power"), the stage leaves it (OrgHeadStageTest).
  EXPECT_FALSE(EndsWithOrgHead("Northland Power"));
}

TEST(OrgHeadsTest, NewspapersByTheirHead) {
  EXPECT_TRUE(EndsWithNewspaperName("Louis Post Dispatch"));
  EXPECT_TRUE(EndsWithNewspaperName("Vellmoor Gazette"));
  EXPECT_FALSE(EndsWithNewspaperName("Emily Post"));  // surnames too
  EXPECT_FALSE(EndsWithNewspaperName("Jim Courier"));
  EXPECT_FALSE(EndsWithNewspaperName("Gazette"));  // the head alone
}

TEST(OrgHeadsTest, OtherNamesDoNot) {
  EXPECT_FALSE(EndsWithOrgHead("Forum"));  // one word: the head alone
  EXPECT_FALSE(EndsWithOrgHead("Ashcombe"));
  EXPECT_FALSE(EndsWithOrgHead("Union Street"));     // the head first
  EXPECT_FALSE(EndsWithOrgHead("the trade union"));  // not capitalised
  EXPECT_FALSE(EndsWithOrgHead("Horniman Museum"));  // a building too
  EXPECT_FALSE(EndsWithOrgHead("Riga Technical University"));
  // "Union" ends a country's name as often as a body's ("Soviet Union").
  EXPECT_FALSE(EndsWithOrgHead("Soviet Union"));
  EXPECT_FALSE(EndsWithOrgHead(""));
}

TEST(OrgHeadsTest, BanksNamedInOneWord) {
  EXPECT_TRUE(IsBankCompound("Tarskbank"));
  EXPECT_TRUE(IsBankCompound("Vellmarbank"));
  EXPECT_FALSE(IsBankCompound("Burbank"));     // seven letters: a town
  EXPECT_FALSE(IsBankCompound("Fairbanks"));   // not the ending
  EXPECT_FALSE(IsBankCompound("TARSKBANK"));   // capitals: left to 'caps'
  EXPECT_FALSE(IsBankCompound("Tarsk Bank"));  // two words: 'orghead'
}

}  // namespace
}  // namespace byline::rules
