#include "byline/index/document_builder.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <string>

#include "byline/doc_data.h"
#include "byline/schema.h"

namespace byline {
namespace {

std::string TermList(const Xapian::Document& doc) {
  std::string out;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    if (!out.empty()) out += ' ';
    out += *it;
  }
  return out;
}

Article SampleArticle() {
  Article a;
  a.source = "/news/bridge.txt";
  a.article_id = "0123456789abcdef";
  a.text = "Bridge reopens\n\nThe Storm reopened it.";
  a.title = "Bridge reopens";
  a.title_range = {0, 14};
  a.paragraphs = {{16, 38}};
  return a;
}

TEST(DocumentBuilderTest, TermsValuesAndData) {
  const Article a = SampleArticle();
  DocumentBuilder builder;
  const Xapian::Document doc = builder.Build(a, {0, {16, 38}});
  EXPECT_EQ(TermList(doc),
            "Q0123456789abcdef#0 XA0123456789abcdef ZSbridg ZSreopen Zbridg "
            "Zit Zreopen Zstorm Zthe");
  EXPECT_EQ(doc.get_value(schema::kSlotArticleId), "0123456789abcdef");
  EXPECT_EQ(Xapian::sortable_unserialise(
                doc.get_value(schema::kSlotPassageIndex)),
            0.0);
  StoredPassage stored;
  ASSERT_TRUE(DecodeArticleData(doc.get_data(), &stored));
  ASSERT_TRUE(
      DecodePassageValue(doc.get_value(schema::kSlotPassageText), &stored));
  StoredPassage expected;
  expected.article_id = "0123456789abcdef";
  expected.source = "/news/bridge.txt";
  expected.title = "Bridge reopens";
  expected.start = 16;
  expected.end = 38;
  expected.text = "The Storm reopened it.";
  EXPECT_EQ(stored, expected);
  // The article's record goes with the first passage only.
  EXPECT_EQ(builder.Build(a, {1, {16, 38}}).get_data(), "");
}

TEST(DocumentBuilderTest, CopyGroupAndSignatureOnTheFirstPassage) {
  Article a = SampleArticle();
  a.text += "\n\nA second paragraph.";
  const std::vector<Passage> passages = {{0, {16, 38}}, {1, {40, 59}}};
  MinHashSignature signature;
  for (size_t i = 0; i < kMinHashes; ++i) signature[i] = 1000 + i;
  DocumentBuilder builder;
  ArticleDocuments docs = builder.BuildArticle(a, passages, {}, signature);
  ASSERT_EQ(docs.passages.size(), 2u);
  SetCopyGroup("00000000000000aa", &docs);
  const Xapian::Document& first = docs.passages[0];
  const Xapian::Document& second = docs.passages[1];
  EXPECT_EQ(first.get_value(schema::kSlotCopyGroup), "00000000000000aa");
  EXPECT_EQ(second.get_value(schema::kSlotCopyGroup), "00000000000000aa");
  EXPECT_EQ(second.get_value(schema::kSlotPassageCopyKey),
            "00000000000000aa:" + PassageWordsHash("a second PARAGRAPH"));
  EXPECT_EQ(first.get_value(schema::kSlotMinHash), EncodeSignature(signature));
  EXPECT_EQ(second.get_value(schema::kSlotMinHash), "");
  const std::string terms = TermList(first);
  EXPECT_NE(terms.find("XG00000000000000aa"), std::string::npos);
  for (const std::string& band : BandTerms(signature)) {
    EXPECT_NE(terms.find(band), std::string::npos) << band;
  }
  EXPECT_EQ(TermList(second).find("XMH"), std::string::npos);
  EXPECT_EQ(TermList(second).find("XG"), std::string::npos);
}

TEST(DocumentBuilderTest, SynonymsForAliasesAndAccentedWords) {
  Article a;
  ArticleFromParagraphs(
      "Visit to Kraków",
      {"Radosław Sikorski spoke in Łódź and sent his résumé."}, &a);
  a.article_id = "0123456789abcdef";
  Mention m;
  m.type = EntityType::kPerson;
  m.name = "Radosław Sikorski";
  m.text = "Sikorski";
  m.passage = 0;
  DocumentBuilder builder;
  const ArticleDocuments docs =
      builder.BuildArticle(a, {{0, a.paragraphs[0]}}, {m}, std::nullopt);
  const auto has = [&](const std::string& key, const std::string& term) {
    return std::find(docs.synonyms.begin(), docs.synonyms.end(),
                     std::make_pair(key, term)) != docs.synonyms.end();
  };
  EXPECT_TRUE(has("XALIASsikorski", "XPERradoslaw sikorski"));
  EXPECT_TRUE(has("XALIASradoslaw sikorski", "XPERradoslaw sikorski"));
  // Keyed as the query parser looks them up: "Z" + the word as typed.
  EXPECT_TRUE(has("Zlodz", "Złódź"));
  EXPECT_TRUE(has("Zradoslaw", "Zradosław"));
  // The unaccented word would stem further than the accented one did
  // ("resume" -> "resum"); the synonym leads to the indexed stem.
  EXPECT_TRUE(has("Zresume", "Zrésumé"));
  // The title's words too (with the first passage).
  EXPECT_TRUE(has("Zkrakow", "Zkraków"));
}

TEST(DocumentBuilderTest, SpellingWordsAreCountedOncePerArticle) {
  Article a;
  a.source = "/news/zurich.txt";
  a.article_id = "00000000000000ff";
  a.text = "Zürich harbour\n\nThe Zürich harbour reopened in 2024 at 9am; "
           "an ox, the A1 and x86 stay.";
  a.title = "Zürich harbour";
  a.title_range = {0, 15};
  a.paragraphs = {{17, a.text.size()}};
  DocumentBuilder builder;
  const ArticleDocuments docs = builder.BuildArticle(
      a, {{0, a.paragraphs[0]}}, {}, std::nullopt);
  std::vector<std::pair<std::string, uint32_t>> got = docs.spellings;
  std::sort(got.begin(), got.end());
  // Lowercased as the query parser lowercases, title and body counted;
  // numbers, words with digits and words under three bytes left out.
  EXPECT_EQ(got, (std::vector<std::pair<std::string, uint32_t>>{
                     {"and", 1},
                     {"harbour", 2},
                     {"reopened", 1},
                     {"stay", 1},
                     {"the", 2},
                     {"zürich", 2}}));
}

TEST(DocumentBuilderTest, BodyPositionsFollowTitleWithAGap) {
  DocumentBuilder builder;
  const Xapian::Document doc = builder.Build(SampleArticle(), {0, {16, 38}});
  const auto positions = [&](const std::string& term) {
    std::vector<Xapian::termpos> out;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
      if (*it != term) continue;
      for (auto p = it.positionlist_begin(); p != it.positionlist_end(); ++p) {
        out.push_back(*p);
      }
    }
    return out;
  };
  EXPECT_EQ(positions("Zbridg"), (std::vector<Xapian::termpos>{3}));
  EXPECT_EQ(positions("ZSbridg"), (std::vector<Xapian::termpos>{1}));
  // Title words take positions 1-4 (S-prefixed, then plain); the body
  // starts 100 later, so "reopens the" cannot match across the seam.
  EXPECT_EQ(positions("Zthe"), (std::vector<Xapian::termpos>{105}));
}

TEST(DocumentBuilderTest, BuilderIsReusableAcrossDocuments) {
  DocumentBuilder builder;
  const Article a = SampleArticle();
  const Xapian::Document first = builder.Build(a, {0, {16, 38}});
  const Xapian::Document second = builder.Build(a, {0, {16, 38}});
  EXPECT_EQ(TermList(first), TermList(second));
}

}  // namespace
}  // namespace byline
