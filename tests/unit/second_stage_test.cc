// The second stage of ranking (searcher/src/second_stage.h) on small
// in-memory databases of made-up passages.
#include "second_stage.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "byline/schema.h"
#include "byline/search/query_builder.h"

namespace byline {
namespace {

// a + b (GCC 12 warns, wrongly, on operator+ of two strings here).
std::string Cat(std::string_view a, std::string_view b) {
  std::string out(a);
  out += b;
  return out;
}

// A passage of article `article`: its words stemmed as the indexer stems
// them, at positions 1, 2, ...; `entities` added as terms.
Xapian::docid AddPassage(Xapian::WritableDatabase& db,
                         const std::string& article, const std::string& text,
                         const std::vector<std::string>& entities = {}) {
  const Xapian::Stem stem(schema::kStemLanguage);
  Xapian::Document doc;
  std::istringstream words(text);
  std::string word;
  Xapian::termpos pos = 0;
  while (words >> word) {
    doc.add_posting(Cat(schema::kStemPrefix, stem(word)), ++pos);
  }
  for (const std::string& e : entities) doc.add_term(e);
  doc.add_term(schema::ArticleTerm(article));
  doc.add_value(schema::kSlotArticleId, article);
  return db.add_document(doc);
}

std::vector<std::string> Terms(const Xapian::Database& db,
                               const std::string& words) {
  const Xapian::Stem stem(schema::kStemLanguage);
  // Each word at its place in the query, as Xapian's parser gives them.
  std::vector<Xapian::Query> parts;
  std::istringstream in(words);
  std::string w;
  Xapian::termpos pos = 0;
  while (in >> w) {
    parts.emplace_back(Cat(schema::kStemPrefix, stem(w)), 1, ++pos);
  }
  return StemmedWordsInOrder(
      db, Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()));
}

TEST(SecondStageTest, QuestionsAreToldFromKeywords) {
  EXPECT_TRUE(IsQuestion("What interest rate did the bank set?"));
  EXPECT_TRUE(IsQuestion("who won the marathon"));
  EXPECT_TRUE(IsQuestion("  \"How\" the franc rose"));
  EXPECT_TRUE(IsQuestion("Kraków marathon winner? "));
  EXPECT_TRUE(IsQuestion("DID THE BANK CUT RATES"));
  EXPECT_FALSE(IsQuestion("dielectric constant of liquids"));
  EXPECT_FALSE(IsQuestion("Whatever happened to the ferry"));
  EXPECT_FALSE(IsQuestion(""));
  EXPECT_FALSE(IsQuestion("?!"));  // no word and no question mark at the end
  // An acronym in a query with lower case is no question word; a query
  // all in capitals is read as written.
  EXPECT_FALSE(IsQuestion("WHO guidelines on masks"));
  EXPECT_TRUE(IsQuestion("WHAT REFERENCES ON MODEL EXPERIMENTS"));
  EXPECT_TRUE(HasQuestionWordInCapitals("Who leads the WHO?"));
  EXPECT_FALSE(HasQuestionWordInCapitals("Who leads the agency?"));
  EXPECT_FALSE(HasQuestionWordInCapitals("WHAT REFERENCES ON AURORA"));
}

// The stemmed words the query builder makes of `text`.
std::vector<std::string> ParsedWords(const Xapian::Database& db,
                                     const std::string& text,
                                     QueryOptions options = {}) {
  QueryBuilder builder(db, options);
  Xapian::Query query;
  QueryParts parts;
  EXPECT_TRUE(builder.Parse(text, &query, &parts).ok()) << text;
  std::vector<std::string> words;
  for (auto t = parts.words.get_unique_terms_begin();
       t != parts.words.get_unique_terms_end(); ++t) {
    words.push_back(*t);
  }
  return words;
}

TEST(SecondStageTest, QuestionWordsAreStopWordsInQuestionsOnly) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  AddPassage(db, "a", "who curated the exhibition");
  using Words = std::vector<std::string>;
  EXPECT_EQ(ParsedWords(db, "Who curated the exhibition?"),
            (Words{"Zcurat", "Zexhibit", "Zthe"}));
  // Kept: asked not to drop them, alone, as an acronym, in a phrase, and
  // in a query that is no question.
  QueryOptions keep;
  keep.drop_question_words = false;
  EXPECT_EQ(ParsedWords(db, "Who curated the exhibition?", keep),
            (Words{"Zcurat", "Zexhibit", "Zthe", "Zwho"}));
  EXPECT_EQ(ParsedWords(db, "who?"), (Words{"Zwho"}));
  EXPECT_EQ(ParsedWords(db, "Who leads the WHO?"),
            (Words{"Zlead", "Zthe", "Zwho"}));
  EXPECT_EQ(ParsedWords(db, "how \"who curated\""), (Words{"Zcurat", "Zwho"}));
  EXPECT_EQ(ParsedWords(db, "exhibition who curated"),
            (Words{"Zcurat", "Zexhibit", "Zwho"}));
}

TEST(SecondStageTest, WordsInOrderOnceAndOnlyThoseTheIndexHas) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  AddPassage(db, "a", "the swiss national bank cut rates");
  EXPECT_EQ(Terms(db, "national bank swiss national unicorn"),
            (std::vector<std::string>{"Znation", "Zbank", "Zswiss"}));
}

TEST(SecondStageTest, ProximityRewardsTheQuerysWordsTogetherInOrder) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const Xapian::docid together = AddPassage(
      db, "a", "on thursday the swiss national bank lowered its rate to zero");
  const Xapian::docid apart = AddPassage(
      db, "b",
      "a bank in zurich said on tuesday that the rate of growth was national "
      "news and far away in every swiss canton");
  const Xapian::docid reversed =
      AddPassage(db, "c", "rate the bank national swiss on thursday");
  for (int i = 0; i < 5; ++i)
    AddPassage(db, Cat("x", std::to_string(i)), "filler");
  const auto terms = Terms(db, "swiss national bank rate");
  const auto e = SecondStage(db, terms, {}, {together, apart, reversed},
                             /*article=*/false, /*proximity=*/true);
  ASSERT_EQ(e.size(), 3u);
  EXPECT_GT(e[0].proximity, e[2].proximity);
  EXPECT_GT(e[2].proximity, e[1].proximity);  // close, if not in order
  EXPECT_EQ(e[0].article, 0);                 // not asked for
  // Not asked for: none.
  const auto none = SecondStage(db, terms, {}, {together}, false, false);
  EXPECT_EQ(none[0].proximity, 0);
}

TEST(SecondStageTest, ArticleEvidenceCountsTheWholeArticlesWords) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  // The same passage in two articles: one about the exhibition, one that
  // names it once.
  const Xapian::docid about =
      AddPassage(db, "graz", "the exhibition opens on friday");
  AddPassage(db, "graz", "curators spent two years on the exhibition");
  AddPassage(db, "graz", "the exhibition shows glass negatives");
  const Xapian::docid passing =
      AddPassage(db, "museum", "the exhibition opens on friday");
  AddPassage(db, "museum", "the council voted to return the objects");
  AddPassage(db, "museum", "residents signed a letter to the council");
  for (int i = 0; i < 5; ++i)
    AddPassage(db, Cat("x", std::to_string(i)), "filler");
  const auto e = SecondStage(db, Terms(db, "exhibition"), {}, {about, passing},
                             /*article=*/true, /*proximity=*/false);
  EXPECT_GT(e[0].article, e[1].article);
  EXPECT_GT(e[1].article, 0);
  EXPECT_EQ(e[0].proximity, 0);
}

TEST(SecondStageTest, NameWordsAloneEarnNoArticleEvidence) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::string person =
      std::string(schema::kPersonPrefix) + "jens stoltenberg";
  const Xapian::docid names = AddPassage(
      db, "norway", "jens stoltenberg became finance minister", {person});
  const Xapian::docid fisherman =
      AddPassage(db, "norway", "a fisherman called jens mended his nets");
  const Xapian::docid minister =
      AddPassage(db, "norway", "the minister spoke of jens and the budget");
  for (int i = 0; i < 5; ++i)
    AddPassage(db, Cat("x", std::to_string(i)), "filler");
  const auto terms = Terms(db, "jens stoltenberg minister");
  const auto e = SecondStage(db, terms, {person}, {names, fisherman, minister},
                             true, false);
  EXPECT_GT(e[0].article, 0);  // names the person
  EXPECT_EQ(e[1].article, 0);  // only "jens", not the person
  EXPECT_GT(e[2].article, 0);  // "minister", a word of the query not a name
  EXPECT_DOUBLE_EQ(e[0].article, e[2].article);  // one article, one figure
  // Without a named entity every hit gets its article's figure.
  const auto plain = SecondStage(db, terms, {}, {fisherman}, true, false);
  EXPECT_DOUBLE_EQ(plain[0].article, e[0].article);
}

}  // namespace
}  // namespace byline
