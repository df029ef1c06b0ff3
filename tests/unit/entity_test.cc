#include "byline/entity.h"

#include <gtest/gtest.h>

#include "byline/schema.h"

namespace byline {
namespace {

TEST(FoldNameTest, LowercasesAndRemovesAccents) {
  EXPECT_EQ(FoldName("Radosław  Sikorski"), "radoslaw sikorski");
  EXPECT_EQ(FoldName("Zürich"), "zurich");
  EXPECT_EQ(FoldName("Øresund Straße"), "oresund strasse");
  EXPECT_EQ(FoldName("São Paulo"), "sao paulo");
  EXPECT_EQ(FoldName("NATO"), "nato");
  EXPECT_EQ(FoldName("Volodymyr Zelenskyy"), "volodymyr zelenskyy");
}

TEST(EntityTypeTest, NamesRoundTrip) {
  for (EntityType t : kAllEntityTypes) {
    EXPECT_EQ(ParseEntityType(EntityTypeName(t)), t);
  }
  EXPECT_EQ(EntityTypeName(EntityType::kPlace), "place");
  EXPECT_EQ(ParseEntityType("location"), std::nullopt);
}

TEST(EntityTermsTest, NamesAreFoldedDatesHaveLevels) {
  EXPECT_EQ(schema::EntityTerms(EntityType::kPerson, "Radosław Sikorski"),
            std::vector<std::string>{"XPERradoslaw sikorski"});
  EXPECT_EQ(schema::EntityTerms(EntityType::kOrg, "NATO"),
            std::vector<std::string>{"XORGnato"});
  EXPECT_EQ(schema::EntityTerms(EntityType::kDate, "2024-07-14"),
            (std::vector<std::string>{"XMDATE2024-07-14", "XMDATE2024-07",
                                      "XMDATE2024"}));
  EXPECT_EQ(schema::EntityTerms(EntityType::kDate, "--07-14"),
            std::vector<std::string>{"XMDATE--07-14"});
  EXPECT_EQ(schema::DateTerms(schema::kDatePrefix, "2024-07"),
            (std::vector<std::string>{"XDATE2024-07", "XDATE2024"}));
}

TEST(PublicationDayTest, TakesTheDayOfIsoDatesOnly) {
  EXPECT_EQ(schema::PublicationDay("2024-07-16T09:30:00Z"), "2024-07-16");
  EXPECT_EQ(schema::PublicationDay("2024-07-16"), "2024-07-16");
  EXPECT_EQ(schema::PublicationDay("2024-07"), "2024-07");
  EXPECT_EQ(schema::PublicationDay("2024"), "2024");
  EXPECT_EQ(schema::PublicationDay("16 July 2024"), "");
  EXPECT_EQ(schema::PublicationDay("2024-7-16"), "");
}

TEST(EntityListTest, EncodesOneLinePerEntity) {
  const schema::EntityList list = {{EntityType::kPerson, "Jens Stoltenberg"},
                                   {EntityType::kOrg, "NATO"},
                                   {EntityType::kPlace, "Łódź"},
                                   {EntityType::kDate, "2024-07"}};
  const std::string value = schema::EncodeEntityList(list);
  EXPECT_EQ(value, "pJens Stoltenberg\noNATO\nlŁódź\nd2024-07");
  EXPECT_EQ(schema::DecodeEntityList(value), list);
  EXPECT_TRUE(schema::DecodeEntityList("").empty());
}

}  // namespace
}  // namespace byline
