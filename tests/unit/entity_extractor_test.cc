// The extractor's own rules (cleaning, canonical names, acronyms,
// propagation, dates), with a stand-in tagger that tags listed strings, so
// these tests do not depend on what the statistical model learned.
#include "byline/index/entity_extractor.h"

#include <gtest/gtest.h>

#include <map>

#include "byline/index/passage_splitter.h"
#include "byline/index/txt_reader.h"
#include "support/list_tagger.h"

namespace byline {
namespace {

using testing::ListTagger;

struct Extracted {
  Article article;
  std::vector<Passage> passages;
  ExtractedEntities entities;
};

Extracted Extract(const std::string& content, const NerTagger* tagger) {
  Extracted e;
  EXPECT_TRUE(ParsePlainText(content, {}, &e.article).ok());
  e.passages = SplitPassages(e.article.text, e.article.paragraphs);
  e.entities = EntityExtractor(tagger).Extract(e.article, e.passages);
  return e;
}

// "type name <- text @passage" per mention.
std::vector<std::string> Describe(const Extracted& e) {
  std::vector<std::string> out;
  for (const Mention& m : e.entities.mentions) {
    EXPECT_EQ(e.article.text.substr(m.start, m.end - m.start), m.text);
    out.push_back(std::string(EntityTypeName(m.type)) + " " + m.name +
                  " <- " + m.text + " @" +
                  (m.passage == Mention::kNoPassage ? std::string("title")
                                                    : std::to_string(m.passage)));
  }
  return out;
}

using Lines = std::vector<std::string>;
constexpr NerType kPer = NerType::kPerson, kOrg = NerType::kOrg,
                  kLoc = NerType::kPlace;

TEST(EntityExtractorTest, TitlesPossessivesAndShortForms) {
  const ListTagger tagger({{"Prime Minister Donald Tusk", kPer},
                           {"Tusk", kPer},
                           {"Jens Stoltenberg", kPer},
                           {"Stoltenberg's", kPer},
                           {"Poland's", kLoc}});
  const Extracted e = Extract(
      "Tusk meets allies\n\n"
      "Prime Minister Donald Tusk met Jens Stoltenberg.\n\n"
      "Stoltenberg's reply disappointed Poland's government; Tusk said so.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"person Donald Tusk <- Tusk @title",
                   "person Donald Tusk <- Donald Tusk @0",
                   "person Jens Stoltenberg <- Jens Stoltenberg @0",
                   "person Jens Stoltenberg <- Stoltenberg @1",
                   "place Poland <- Poland @1",
                   "person Donald Tusk <- Tusk @1"}));
}

TEST(EntityExtractorTest, AcronymsPairedWithTheirExpansionAgree) {
  const ListTagger tagger({{"North Atlantic Treaty Organization", kOrg},
                           {"NATO", kOrg}});
  const Extracted e = Extract(
      "Summit\n\nLeaders of the North Atlantic Treaty Organization (NATO) met."
      "\n\nNATO said the North Atlantic Treaty Organization would grow.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"org NATO <- North Atlantic Treaty Organization @0",
                   "org NATO <- NATO @0", "org NATO <- NATO @1",
                   "org NATO <- North Atlantic Treaty Organization @1"}));
}

TEST(EntityExtractorTest, FindsTaggedNamesAgainButNotCommonWords) {
  // The tagger saw "Kowalski" and "Storm" once each; "storm" also occurs in
  // lowercase, so it is a common word and is not propagated.
  const ListTagger tagger({{"Anna Kowalski", kPer}, {"Storm", kOrg}});
  const Extracted e = Extract(
      "Title\n\nAnna Kowalski joined Storm.\n\n"
      "Later Anna Kowalski left; the storm passed.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"person Anna Kowalski <- Anna Kowalski @0",
                                "org Storm <- Storm @0",
                                "person Anna Kowalski <- Anna Kowalski @1"}));
}

TEST(EntityExtractorTest, MajorityTypeAndUnicodeNames) {
  const ListTagger tagger({{"Radosław Sikorski", kPer},
                           {"Sikorski", kPer},
                           {"Żilina", kLoc}});
  const Extracted e = Extract(
      "Title\n\nRadosław Sikorski visited Żilina.\n\nSikorski spoke.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"person Radosław Sikorski <- Radosław Sikorski @0",
                   "place Żilina <- Żilina @0",
                   "person Radosław Sikorski <- Sikorski @1"}));
}

TEST(EntityExtractorTest, NationalityWordsAreNotNames) {
  const ListTagger tagger({{"Australian", kLoc}, {"Canberra", kLoc}},
                          {"Australian"});
  const Extracted e =
      Extract("Title\n\nThe Australian minister flew to Canberra.\n", &tagger);
  EXPECT_EQ(Describe(e), (Lines{"place Canberra <- Canberra @0"}));
}

TEST(EntityExtractorTest, SurnameOfAFullNameIsThatPersonWhateverItsTag) {
  // The tagger calls "Rathbun" a place twice and a person once (in the
  // full name); the full name decides.
  const ListTagger tagger({{"Mark Rathbun", kPer}, {"Rathbun", kLoc}});
  const Extracted e = Extract(
      "Title\n\nMark Rathbun left.\n\nRathbun said so. Rathbun smiled.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"person Mark Rathbun <- Mark Rathbun @0",
                                "person Mark Rathbun <- Rathbun @1",
                                "person Mark Rathbun <- Rathbun @1"}));
}

TEST(EntityExtractorTest, AcronymOfANameInTheArticleIsFound) {
  const ListTagger tagger({{"Korean Central News Agency", kOrg}});
  const Extracted e = Extract(
      "Title\n\nThe Korean Central News Agency reported it.\n\n"
      "KCNA gave no date. NASA was not involved.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"org Korean Central News Agency <- Korean Central News "
                   "Agency @0",
                   "org KCNA <- KCNA @1"}));
}

TEST(EntityExtractorTest, DatesUseTheArticleDate) {
  const Extracted e = Extract(
      "Pact signed\n\nBy A. Writer | Warsaw | 16 July 2024\n\n"
      "The pact was signed on July 8, and talks began in March 2023.\n",
      nullptr);
  EXPECT_EQ(e.entities.article_date, "2024-07-16");
  EXPECT_EQ(Describe(e), (Lines{"date 2024-07-16 <- 16 July 2024 @0",
                                "date 2024-07-08 <- July 8 @1",
                                "date 2023-03 <- March 2023 @1"}));
}

TEST(EntityExtractorTest, UndatedArticleKeepsPartialDates) {
  const Extracted e = Extract(
      "Undated\n\nThe fair opens on 14 July, as every year.\n", nullptr);
  EXPECT_EQ(e.entities.article_date, "");
  EXPECT_EQ(Describe(e), (Lines{"date --07-14 <- 14 July @0"}));
}

}  // namespace
}  // namespace byline
