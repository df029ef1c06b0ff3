#include "byline/entity.h"

#include <gtest/gtest.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <memory>
#include <set>
#include <string>

#include "byline/schema.h"
#include "byline/text.h"
#include "support/test_support.h"

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

// FoldName skips ICU's transliterator when decomposing is enough, and ICU
// altogether for most Latin letters (a table); its results must be the
// transliterator's, for every word of corpus/ that is not ASCII, for
// letters only Latin-ASCII or nothing folds, and for every letter of the
// table.
TEST(FoldNameTest, AgreesWithTheTransliteratorItStandsFor) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> rules(
      icu::Transliterator::createInstance(
          "NFD; [:Nonspacing Mark:] Remove; Latin-ASCII; Lower; NFC",
          UTRANS_FORWARD, status));
  ASSERT_TRUE(U_SUCCESS(status));
  std::set<std::string> names = {
      "Łódź", "Øresund", "Straße", "Æsir", "Đorđević", "Þór", "ﬁnance",
      "Ｔｏｋｙｏ", "Москва", "Αθήνα", "İstanbul", "Ǆemal", "Crème Brûlée",
      "Nguyễn Tấn Dũng", "Ångström", "Œuvre", "ǅ", "e\u0301", "😀 Emoji",
      "Dvořák Ġgantija", "Ðakovo", "ĳssel", "Ħal Far", "ŁŀĿøØßẞæÆœŒ",
      "đĐðÐþÞħĦıĲĳ", "Wałęsa", "Søren Kierkegaard", "Ægir Æðelstan"};
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(BYLINE_CORPUS_DIR)) {
    if (!entry.is_regular_file() || entry.path().extension() == ".gz") {
      continue;
    }
    const std::string text = testing::ReadFile(entry.path());
    for (std::string_view word : Split(text, ' ')) {
      for (unsigned char c : word) {
        if (c >= 0x80) {
          names.insert(std::string(Trim(word)));
          break;
        }
      }
    }
  }
  ASSERT_GT(names.size(), 100u);
  // Every letter FoldName() folds without ICU (U+00C0-U+017F, the
  // combining marks, Romanian's U+0218-U+021B) and those around them, alone
  // and inside a word.
  for (UChar32 c = 0x80; c < 0x250; ++c) {
    std::string letter;
    icu::UnicodeString(c).toUTF8String(letter);
    names.insert(letter);
    names.insert("Ab" + letter + "cD");
  }
  for (UChar32 c = 0x300; c < 0x370; ++c) {
    std::string mark;
    icu::UnicodeString(c).toUTF8String(mark);
    names.insert("E" + mark + "va");
  }
  for (const std::string& name : names) {
    const std::string collapsed = CollapseWhitespace(name);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(collapsed);
    rules->transliterate(u);
    std::string expected;
    u.toUTF8String(expected);
    EXPECT_EQ(FoldName(name), expected) << name;
  }
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
