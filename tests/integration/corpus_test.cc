// Indexes corpus/ (and, where ../shared/data is present, real news articles
// nobody on the project wrote) and checks that searches find the passages
// a reader would expect.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "byline/index/passage_splitter.h"
#include "byline/text.h"
#include "support/index_fixture.h"
#include "support/test_support.h"

namespace byline::testing {
namespace {

using Ids = std::vector<std::string>;

class CorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    const IndexSummary s = IndexPaths(*dir_ / "db", {BYLINE_CORPUS_DIR});
    ASSERT_GE(s.indexed, 12u);
    ASSERT_EQ(s.skipped, 0u);
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string db() { return *dir_ / "db"; }
  static TempDir* dir_;
};
TempDir* CorpusTest::dir_ = nullptr;

// corpus/ as byline-index indexes it by default: short paragraphs joined
// (at least 30 words a passage), BM25 with b 0.75, the entity boost at 0.5.
class DefaultCorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    const IndexSummary s =
        IndexPaths(*dir_ / "db", {BYLINE_CORPUS_DIR}, nullptr, false,
                   SplitOptions().min_words);
    ASSERT_GE(s.indexed, 12u);
    ASSERT_EQ(s.skipped, 0u);
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string db() { return *dir_ / "db"; }
  static TempDir* dir_;
};
TempDir* DefaultCorpusTest::dir_ = nullptr;

TEST_F(DefaultCorpusTest, RankedOrdersOfTheDefaultScoring) {
  // The NATO story's lede, joined with its one-sentence opening paragraph
  // (93 words), names Stoltenberg, Poland, interception and missiles;
  // then the passage on the earlier missile incidents (81 words), then
  // the paragraph on the Polish-Ukrainian agreement.
  EXPECT_EQ(Ranked(db(), "Stoltenberg Poland intercept missiles", 3),
            (Ids{"nato-poland-missiles#0", "nato-poland-missiles#4",
                 "nato-poland-missiles#1"}));
  EXPECT_EQ(Ranked(db(), "Stoltenberg missiles", 3),
            (Ids{"nato-poland-missiles#0", "nato-poland-missiles#2",
                 "nato-poland-missiles#3"}));
  // The three words are in every passage of the Lithuanian budget story:
  // the shortest that says all three most often come first.
  EXPECT_EQ(Ranked(db(), "air defence budget", 4),
            (Ids{"lithuania-defence-budget#6", "lithuania-defence-budget#0",
                 "lithuania-defence-budget#1", "lithuania-defence-budget#5"}));
  // With paragraphs joined, the paragraph on Przewodów is in passage 4.
  EXPECT_EQ(Ranked(db(), "Przewodów"), (Ids{"nato-poland-missiles#4"}));
}

// Ranked with the second stage's weights as given (docs/design.md,
// "Ranking").
Ids RankedWith(const std::string& db, const std::string& query, size_t limit,
               double article_weight, double proximity_weight) {
  SearchOptions options;
  options.query = query;
  options.limit = limit;
  options.ranking.article_weight = article_weight;
  options.ranking.proximity_weight = proximity_weight;
  return HitIds(SearchDb(db, options));
}

TEST_F(DefaultCorpusTest, ArticleEvidenceLiftsThePassageOfTheRightArticle) {
  // The museum story's last passage names a future exhibition in passing;
  // the Graz story is about an exhibition, and its passage on who curated
  // it rises above the museum's on its article's words.
  const QueryOptions defaults;
  EXPECT_EQ(Ranked(db(), "exhibition", 3),
            (Ids{"graz-glass-negatives-exhibition#5",
                 "graz-glass-negatives-exhibition#3",
                 "museum-repatriation-benin#6"}));
  EXPECT_EQ(RankedWith(db(), "exhibition", 3, 0, defaults.proximity_weight),
            (Ids{"graz-glass-negatives-exhibition#5",
                 "museum-repatriation-benin#6",
                 "graz-glass-negatives-exhibition#3"}));
}

TEST_F(DefaultCorpusTest, QuestionsRankThePassageThatAnswersThemFirst) {
  // Each answer has the question's words next to each other ("Swiss
  // National Bank ... lowered its policy rate", "ferry crews ... stopped
  // work"); without proximity a passage that only shares its words comes
  // first.
  const QueryOptions defaults;
  const struct {
    const char* question;
    const char* answer;
  } cases[] = {
      {"What interest rate did the Swiss National Bank set?",
       "snb-rate-cut-zero#0"},
      {"When did the ferry crews walk out?", "harbour-ferry-strike#0"},
      {"What did the appeals court decide about Shell?",
       "shell-appeal-climate-ruling#0"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.question);
    const Ids ranked = Ranked(db(), c.question, 3);
    const Ids plain =
        RankedWith(db(), c.question, 3, defaults.article_weight, 0);
    ASSERT_FALSE(ranked.empty());
    ASSERT_FALSE(plain.empty());
    EXPECT_EQ(ranked.front(), c.answer);
    EXPECT_NE(plain.front(), c.answer);
  }
  EXPECT_EQ(RankedWith(db(), "When did the ferry crews walk out?", 2,
                       defaults.article_weight, 0),
            (Ids{"harbour-ferry-strike#4", "harbour-ferry-strike#0"}));
  // The same words as keywords, not a question: no proximity, so BM25's
  // (and the article's) order.
  EXPECT_EQ(Ranked(db(), "interest rate Swiss National Bank set", 2),
            RankedWith(db(), "interest rate Swiss National Bank set", 2,
                       defaults.article_weight, 0));
}

TEST_F(DefaultCorpusTest, JoinedPassagesAreRangesOfTheText) {
  SearchOptions options;
  options.query = "Stoltenberg";
  options.limit = 50;
  const SearchResults r = SearchDb(db(), options);
  ASSERT_FALSE(r.hits.empty());
  for (const Hit& hit : r.hits) {
    EXPECT_EQ(hit.end - hit.start, hit.text.size()) << hit.source;
    // Here a passage under 30 words is its article's only one: no
    // paragraph of corpus/ is long enough to keep a short one apart.
    if (CountWords(hit.text) < 30) {
      EXPECT_EQ(hit.passage, 0u) << hit.text;
    }
  }
}

TEST_F(CorpusTest, FindsTheNatoStory) {
  const Ids hits = Ranked(db(), "Stoltenberg Poland intercept missiles", 3);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0], "nato-poland-missiles#1");
}

TEST_F(CorpusTest, RareWordsFindTheirPassage) {
  EXPECT_EQ(Ranked(db(), "Przewodów"), (Ids{"nato-poland-missiles#5"}));
  EXPECT_EQ(Ranked(db(), "handlingsregelen"),
            (Ids{"stoltenberg-norway-finance#4"}));
  EXPECT_EQ(Ranked(db(), "\"Ixodes ricinus\""),
            (Ids{"czech-tick-encephalitis#2"}));
}

TEST_F(CorpusTest, LongParagraphIsCutIntoTwoPassages) {
  // Paragraph 3 of the Rhine story has 343 words: it becomes passages 3 and
  // 4, so the paragraph after it is passage 5.
  EXPECT_EQ(Ranked(db(), "Kleinwasserzuschlag"),
            (Ids{"rhine-low-water-kaub#5"}));
  SearchOptions options;
  options.query = "Annelie";
  const SearchResults r = SearchDb(db(), options);
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_LE(CountWords(r.hits[0].text), 250u);
  EXPECT_EQ(r.hits[0].text.back(), '.');
}

// Real Wikinews articles (GUM corpus, CC-BY 2.5) from ../shared/data, read
// at test time and never copied into the project. For each one, ten words
// from the middle of its longest paragraph must find that paragraph first,
// with corpus/ indexed alongside.
TEST_F(CorpusTest, RealArticlesNobodyHereWroteAreFound) {
  const std::string gold =
      std::string(BYLINE_SHARED_DATA) + "/ner/gum/gum_news_names.jsonl";
  std::ifstream in(gold);
  if (!in) GTEST_SKIP() << "no " << gold << " (../shared is absent)";
  const std::string real_dir = *dir_ / "real";
  struct Probe {
    std::string file, query, paragraph;
  };
  std::vector<Probe> probes;
  std::string line;
  while (std::getline(in, line)) {
    const auto doc = nlohmann::json::parse(line);
    const std::string text = doc.at("text").get<std::string>();
    const std::string file =
        real_dir + "/" + doc.at("doc_id").get<std::string>() + ".txt";
    WriteFile(file, text);
    // Paragraphs after the title: the longest one.
    std::string best;
    size_t pos = text.find("\n\n");
    while (pos != std::string::npos) {
      const size_t next = text.find("\n\n", pos + 2);
      const std::string para(
          Trim(text.substr(pos + 2, next == std::string::npos
                                        ? std::string::npos
                                        : next - pos - 2)));
      if (CountWords(para) > CountWords(best)) best = para;
      pos = next;
    }
    if (CountWords(best) > 250) continue;  // would be split: skip
    std::vector<std::string> words;
    const std::regex word(R"([A-Za-z]{4,})");
    for (auto it = std::sregex_iterator(best.begin(), best.end(), word);
         it != std::sregex_iterator(); ++it) {
      words.push_back(it->str());
    }
    const size_t from = words.size() > 10 ? (words.size() - 10) / 2 : 0;
    std::string query;
    for (size_t i = from; i < words.size() && i < from + 10; ++i) {
      query += words[i] + " ";
    }
    probes.push_back({file, query, best});
  }
  ASSERT_GE(probes.size(), 20u);
  const IndexSummary s = IndexPaths(db(), {real_dir});
  EXPECT_EQ(s.skipped, 0u);
  for (const Probe& p : probes) {
    SearchOptions options;
    options.query = p.query;
    options.limit = 1;
    const SearchResults r = SearchDb(db(), options);
    ASSERT_EQ(r.hits.size(), 1u) << p.query;
    EXPECT_EQ(r.hits[0].source, p.file) << p.query;
    EXPECT_EQ(r.hits[0].text, p.paragraph) << p.query;
  }
}

}  // namespace
}  // namespace byline::testing
