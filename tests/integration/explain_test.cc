// --explain: each hit's score split into the weights of the query's
// words, its headline evidence and its entity boost, which must add up
// to the score Xapian gave the hit.
#include <gtest/gtest.h>

#include <numeric>
#include <sstream>
#include <string>

#include "byline/search/formatter.h"
#include "support/index_fixture.h"
#include "support/test_support.h"

namespace byline::testing {
namespace {

using ExplainTest = CorpusDbTest;

SearchResults Explained(const std::string& db, const std::string& query,
                        double boost = 0.5) {
  SearchOptions options;
  options.query = query;
  options.limit = 20;
  options.explain = true;
  options.ranking.entity_boost = boost;
  return SearchDb(db, options);
}

double Sum(const std::vector<Explanation::Part>& parts) {
  return std::accumulate(parts.begin(), parts.end(), 0.0,
                         [](double s, const auto& p) { return s + p.weight; });
}

TEST_F(ExplainTest, PartsAddUpToTheScore) {
  size_t boosted = 0, headlined = 0, by_article = 0, by_proximity = 0;
  for (const std::string query :
       {"missiles Stoltenberg", "ferry strike", "rail heat Germany",
        "\"air defence\"", "Jens Stoltenberg",
        "Who leads the ferry strike?"}) {
    const SearchResults r = Explained(db_, query);
    ASSERT_FALSE(r.hits.empty()) << query;
    for (const Hit& h : r.hits) {
      ASSERT_TRUE(h.explanation.has_value());
      const Explanation& e = *h.explanation;
      EXPECT_NEAR(e.words + e.headline + e.entities + e.article + e.proximity,
                  h.score, 1e-9)
          << query << " #" << h.rank;
      EXPECT_GT(e.words, 0) << query;
      if (query[0] != '"') {  // a phrase weighs its words only together
        EXPECT_NEAR(Sum(e.word_terms), e.words, 1e-9) << query;
      }
      EXPECT_NEAR(Sum(e.entity_terms), e.entities, 1e-9) << query;
      boosted += e.entities > 0;
      headlined += e.headline > 0;
      by_article += e.article > 0;
      by_proximity += e.proximity > 0;
      // Proximity counts only for the question.
      if (query.back() != '?') {
        EXPECT_EQ(e.proximity, 0) << query;
      }
    }
  }
  EXPECT_GT(boosted, 0u);
  EXPECT_GT(headlined, 0u);
  EXPECT_GT(by_article, 0u);
  EXPECT_GT(by_proximity, 0u);
}

TEST_F(ExplainTest, NoBoostNoEntityPart) {
  const SearchResults r = Explained(db_, "missiles Stoltenberg", 0);
  ASSERT_FALSE(r.hits.empty());
  for (const Hit& h : r.hits) {
    EXPECT_EQ(h.explanation->entities, 0);
    EXPECT_TRUE(h.explanation->entity_terms.empty());
  }
  // The boosted search names the entity term it added.
  const SearchResults b = Explained(db_, "missiles Stoltenberg");
  ASSERT_FALSE(b.hits[0].explanation->entity_terms.empty());
  EXPECT_EQ(b.hits[0].explanation->entity_terms[0].term,
            "XPERjens stoltenberg");
}

TEST_F(ExplainTest, OutputsShowItOnlyWhenAsked) {
  const SearchResults r = Explained(db_, "missiles Stoltenberg");
  std::ostringstream text, json;
  MakeFormatter("text")->Write(r, text);
  MakeFormatter("json")->Write(r, json);
  EXPECT_NE(text.str().find(" = words "), std::string::npos) << text.str();
  EXPECT_NE(text.str().find("(person jens stoltenberg "), std::string::npos);
  EXPECT_NE(json.str().find("\"explain\": {"), std::string::npos);
  SearchOptions plain;
  plain.query = "missiles Stoltenberg";
  std::ostringstream quiet;
  MakeFormatter("json")->Write(SearchDb(db_, plain), quiet);
  EXPECT_EQ(quiet.str().find("\"explain\""), std::string::npos);
}

}  // namespace
}  // namespace byline::testing
