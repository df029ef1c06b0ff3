#include "byline/ner/tagger.h"

#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include <algorithm>

#include "support/test_support.h"

namespace byline {
namespace {

using ::byline::testing::ReadFile;
using ::byline::testing::TempDir;
using ::byline::testing::WriteFile;

// Spans as "text/TYPE" strings, so a failure shows what was found.
std::vector<std::string> Describe(std::string_view text,
                                  const std::vector<NerSpan>& spans) {
  std::vector<std::string> out;
  for (const NerSpan& s : spans) {
    static const char* kTypes[] = {"PER", "ORG", "LOC"};
    out.push_back(std::string(text.substr(s.start, s.end - s.start)) + "/" +
                  kTypes[static_cast<int>(s.type)]);
  }
  return out;
}

class ShippedModelTest : public ::testing::Test {
 protected:
  // Loaded once for the suite; a load failure fails every test (a failure
  // in SetUpTestSuite would only skip them).
  void SetUp() override {
    if (tagger_ != nullptr) return;
    unsetenv("BYLINE_NER_MODEL");
    Status s = NerTagger::Load(DefaultNerModelPath(), &tagger_);
    ASSERT_TRUE(s.ok()) << s.message();
  }
  static void TearDownTestSuite() { tagger_.reset(); }
  std::vector<NerSpan> Tag(std::string_view text) const {
    return tagger_->Tag(text, {0, text.size()});
  }
  static std::unique_ptr<NerTagger> tagger_;
};
std::unique_ptr<NerTagger> ShippedModelTest::tagger_;

TEST(NerTaggerLoadTest, MissingFileIsAnIoError) {
  TempDir dir;
  const std::string path = dir / "absent.model";
  std::unique_ptr<NerTagger> tagger;
  Status s = NerTagger::Load(path, &tagger);
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_EQ(s.message(), path + ": cannot open: No such file or directory");
  EXPECT_EQ(tagger, nullptr);
}

TEST(NerTaggerLoadTest, OtherFileIsRejectedAsBadInput) {
  TempDir dir;
  const std::string path = dir / "notes.txt";
  WriteFile(path, "These are notes, not a model.\n");
  std::unique_ptr<NerTagger> tagger;
  Status s = NerTagger::Load(path, &tagger);
  EXPECT_EQ(s.code(), StatusCode::kBadInput);
  EXPECT_EQ(s.message(),
            path + ": not a Byline NER model (bad header at byte 0)");
  EXPECT_EQ(tagger, nullptr);
}

TEST(NerTaggerLoadTest, TruncatedModelIsRejectedWithThePlace) {
  TempDir dir;
  const std::string path = dir / "cut.model";
  // Magic line and version, then the file stops in the hash_bits field.
  WriteFile(path, std::string("byline-ner-model\n\x03\x00\x00\x00\x14\x00", 23));
  std::unique_ptr<NerTagger> tagger;
  Status s = NerTagger::Load(path, &tagger);
  EXPECT_EQ(s.code(), StatusCode::kBadInput);
  EXPECT_EQ(s.message(),
            path + ": truncated or corrupt NER model (at byte 21)");
}

TEST(NerTaggerLoadTest, OtherVersionIsRejected) {
  TempDir dir;
  const std::string path = dir / "v9.model";
  WriteFile(path, std::string("byline-ner-model\n\x09\x00\x00\x00", 21));
  std::unique_ptr<NerTagger> tagger;
  Status s = NerTagger::Load(path, &tagger);
  EXPECT_EQ(s.code(), StatusCode::kBadInput);
  EXPECT_EQ(s.message(),
            path + ": NER model version 9, this program reads version 3");
}

TEST(NerTaggerLoadTest, EnvironmentOverridesDefaultModelPath) {
  setenv("BYLINE_NER_MODEL", "/tmp/other.model", 1);
  EXPECT_EQ(DefaultNerModelPath(), "/tmp/other.model");
  unsetenv("BYLINE_NER_MODEL");
  const std::string path = DefaultNerModelPath();
  EXPECT_EQ(path.substr(path.size() - 19), "models/ner-en.model");
}

TEST_F(ShippedModelTest, TagsPeopleOrganisationAndPlaceWithoutTitles) {
  const std::string text =
      "Prime Minister Donald Tusk met NATO Secretary General Jens "
      "Stoltenberg in Warsaw on Monday.";
  const std::vector<NerSpan> expected = {
      {15, 26, NerType::kPerson},
      {31, 35, NerType::kOrg},
      {54, 70, NerType::kPerson},
      {74, 80, NerType::kPlace},
  };
  EXPECT_EQ(Describe(text, Tag(text)),
            (std::vector<std::string>{"Donald Tusk/PER", "NATO/ORG",
                                      "Jens Stoltenberg/PER", "Warsaw/LOC"}));
  EXPECT_EQ(Tag(text), expected);
}

TEST_F(ShippedModelTest, PossessiveAndNonAsciiName) {
  // "ł" is two bytes: the offsets are bytes, not characters.
  const std::string text =
      "Poland's foreign minister, Radosław Sikorski, spoke to reporters in "
      "Brussels.";
  const std::vector<NerSpan> expected = {
      {0, 6, NerType::kPlace},
      {27, 45, NerType::kPerson},
      {69, 77, NerType::kPlace},
  };
  EXPECT_EQ(Describe(text, Tag(text)),
            (std::vector<std::string>{"Poland/LOC", "Radosław Sikorski/PER",
                                      "Brussels/LOC"}));
  EXPECT_EQ(Tag(text), expected);
}

// A name never runs across a line break: the model reads "Jens" and
// "Stoltenberg" as one name, the line break between them cuts it in two
// (in a results table or a hard-wrapped headline, the lines are separate).
TEST_F(ShippedModelTest, NoNameRunsAcrossALineBreak) {
  EXPECT_EQ(Describe("Jens Stoltenberg met Donald Tusk in Warsaw.",
                     Tag("Jens Stoltenberg met Donald Tusk in Warsaw.")),
            (std::vector<std::string>{"Jens Stoltenberg/PER",
                                      "Donald Tusk/PER", "Warsaw/LOC"}));
  const std::string text = "Jens\nStoltenberg met Donald Tusk in Warsaw.";
  EXPECT_EQ(Describe(text, Tag(text)),
            (std::vector<std::string>{"Jens/PER", "Stoltenberg/PER",
                                      "Donald Tusk/PER", "Warsaw/LOC"}));
}

// A headline in capitals is tagged as if in ordinary case (offsets into the
// text as written); the same words in capitals gave only "PARIS" before.
TEST_F(ShippedModelTest, HeadlinesInCapitalsAreTaggedAsIfInOrdinaryCase) {
  const std::string text = "ANGELA MERKEL VISITED PARIS ON TUESDAY";
  const std::vector<std::string> found = Describe(text, Tag(text));
  EXPECT_EQ(found, (std::vector<std::string>{"ANGELA MERKEL/PER", "PARIS/LOC"}));
  // Known acronyms keep their capitals: "NATO" stays an organisation.
  const std::string nato = "NATO LEADERS MEET IN BRUSSELS";
  const std::vector<std::string> nato_found = Describe(nato, Tag(nato));
  EXPECT_NE(std::find(nato_found.begin(), nato_found.end(), "NATO/ORG"),
            nato_found.end());
}

TEST_F(ShippedModelTest, RangeInsideLargerTextGivesOffsetsIntoWholeText) {
  const std::string text =
      "The talks ended.\n\nAngela Merkel visited Paris on Tuesday to meet "
      "President Emmanuel Macron.\n\nNo statement followed.";
  const size_t start = text.find("Angela");
  const size_t end = text.find("\n\nNo");
  const std::vector<NerSpan> expected = {
      {18, 31, NerType::kPerson},
      {40, 45, NerType::kPlace},
      {75, 90, NerType::kPerson},
  };
  EXPECT_EQ(tagger_->Tag(text, {start, end}), expected);
  // The same paragraph on its own: the same spans, shifted.
  const std::string alone = text.substr(start, end - start);
  const std::vector<NerSpan> shifted = {
      {0, 13, NerType::kPerson},
      {22, 27, NerType::kPlace},
      {57, 72, NerType::kPerson},
  };
  EXPECT_EQ(Tag(alone), shifted);
}

TEST_F(ShippedModelTest, EmptyAndNameFreeTextGiveNoSpans) {
  EXPECT_TRUE(Tag("").empty());
  EXPECT_TRUE(Tag("it was raining all day and the roads were closed.").empty());
  const std::string text = "Some text.";
  EXPECT_TRUE(tagger_->Tag(text, {4, 4}).empty());
}

TEST_F(ShippedModelTest, DemonymsAreNotNames) {
  const std::string text =
      "Greek and Canadian diplomats met Indonesian officials in Ottawa on "
      "Tuesday.";
  EXPECT_EQ(Describe(text, Tag(text)),
            (std::vector<std::string>{"Ottawa/LOC"}));
}

TEST_F(ShippedModelTest, MultiWordOrganisationIsOneSpan) {
  const std::string text =
      "Officials from the World Health Organization visited Nairobi.";
  const std::vector<NerSpan> expected = {
      {19, 44, NerType::kOrg},
      {53, 60, NerType::kPlace},
  };
  EXPECT_EQ(Describe(text, Tag(text)),
            (std::vector<std::string>{"World Health Organization/ORG",
                                      "Nairobi/LOC"}));
  EXPECT_EQ(Tag(text), expected);
}

TEST_F(ShippedModelTest, DottedCountryCodesArePlaces) {
  // The model of session 13 leaves "U.K." out here (the entity extractor's
  // `countrycode` rule puts it back: EntityExtractorTest); "U.S." it tags.
  const std::string text = "The U.S. and the U.K. signed the treaty in Geneva.";
  const std::vector<std::string> found = Describe(text, Tag(text));
  EXPECT_EQ(found.front(), "U.S./LOC");
  EXPECT_EQ(found.back(), "Geneva/LOC");
  EXPECT_TRUE(tagger_->LookUpName("U.K.").country);
}

TEST_F(ShippedModelTest, TagDocumentUsesNamesFromOtherParagraphs) {
  const std::string text =
      "Michael Jordan joined the team in Chicago on Friday.\n\n"
      "Jordan scored 40 points.";
  const size_t second = text.find("Jordan scored");
  const std::vector<TextRange> ranges = {{0, second - 2},
                                         {second, text.size()}};
  // On its own the second paragraph's "Jordan" is the country ...
  EXPECT_EQ(Describe(text, tagger_->Tag(text, ranges[1])),
            (std::vector<std::string>{"Jordan/LOC"}));
  // ... in its document it is the person named in the first paragraph.
  const std::vector<std::vector<NerSpan>> spans =
      tagger_->TagDocument(text, ranges);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(Describe(text, spans[0]),
            (std::vector<std::string>{"Michael Jordan/PER", "Chicago/LOC"}));
  EXPECT_EQ(spans[1],
            (std::vector<NerSpan>{{second, second + 6, NerType::kPerson}}));
  // One range: the same as Tag().
  EXPECT_EQ(tagger_->TagDocument(text, {ranges[0]}).front(),
            tagger_->Tag(text, ranges[0]));
}

TEST_F(ShippedModelTest, LookUpNameKnowsGazetteersAndCase) {
  // WordNet's organisations, the cities and countries of the gazetteers.
  const NerTagger::NameFacts jesuits = tagger_->LookUpName("Society of Jesus");
  EXPECT_TRUE(jesuits.gazetteer_org);
  EXPECT_FALSE(jesuits.gazetteer_place);
  const NerTagger::NameFacts oslo = tagger_->LookUpName("Oslo");
  EXPECT_TRUE(oslo.gazetteer_place);
  EXPECT_FALSE(oslo.country);
  EXPECT_FALSE(oslo.gazetteer_org);
  EXPECT_TRUE(tagger_->LookUpName("Norway").country);
  // Names are matched as written.
  EXPECT_FALSE(tagger_->LookUpName("norway").country);
  const NerTagger::NameFacts none = tagger_->LookUpName("Qzxv Wrrbl");
  EXPECT_FALSE(none.person || none.org || none.place || none.gazetteer_org ||
               none.gazetteer_place || none.country);
  EXPECT_FALSE(tagger_->LookUpName("").place);
}

TEST_F(ShippedModelTest, TagDocumentWithNoRangesOrEmptyRanges) {
  const std::string text = "Some text.";
  EXPECT_TRUE(tagger_->TagDocument(text, {}).empty());
  const std::vector<std::vector<NerSpan>> spans =
      tagger_->TagDocument(text, {{4, 4}, {20, 30}});
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_TRUE(spans[0].empty());
  EXPECT_TRUE(spans[1].empty());
}

// A paragraph of more tokens than the decoder holds at once is tagged in
// windows: names past the first window are found, at their offsets, as
// they are in a short paragraph; and paragraphs after it too.
TEST_F(ShippedModelTest, VeryLongParagraphIsTaggedInWindows) {
  const std::string sentence =
      "Jens Stoltenberg met Donald Tusk in Warsaw on Tuesday.";
  const std::vector<NerSpan> alone = Tag(sentence);
  ASSERT_FALSE(alone.empty());
  std::string text;
  for (int i = 0; i < 30000; ++i) text += "word ";  // 30,000 tokens
  const size_t at = text.size();
  text += sentence;
  const std::vector<NerSpan> spans = Tag(text);
  ASSERT_EQ(spans.size(), alone.size());
  for (size_t k = 0; k < spans.size(); ++k) {
    EXPECT_EQ(spans[k].start, alone[k].start + at);
    EXPECT_EQ(spans[k].end, alone[k].end + at);
    EXPECT_EQ(spans[k].type, alone[k].type);
  }
  const std::string after = "\n\n" + sentence;
  const std::string both = text + after;
  const std::vector<std::vector<NerSpan>> doc = tagger_->TagDocument(
      both, {{0, text.size()}, {text.size() + 2, both.size()}});
  ASSERT_EQ(doc.size(), 2u);
  EXPECT_EQ(doc[0].size(), alone.size());
  EXPECT_EQ(doc[1].size(), alone.size());
}

}  // namespace
}  // namespace byline
