// Near-duplicate articles through the whole path: detected when indexed,
// collapsed in search results with a count of copies, all shown on request.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "byline/facet_column.h"

#include "support/index_fixture.h"
#include "support/test_support.h"

namespace byline::testing {
namespace {

const char* const kStory[] = {
    "The harbour ferry strike ended on Tuesday after the port authority and "
    "the crews' union agreed a two-year pay deal in an all-night session.",
    "Ferries to the islands will run a reduced timetable on Wednesday and a "
    "full one from Thursday, the operator said in a statement.",
    "The strike had stranded hundreds of islanders on the mainland for nine "
    "days and cost the tourist season an estimated four million euros.",
    "Union leaders said members would vote on the deal next week but "
    "recommended that it be accepted without changes.",
};

std::string StoryText(const std::string& title, const std::string& extra) {
  std::string text = title + "\n\n";
  for (const char* p : kStory) text += std::string(p) + "\n\n";
  return text + extra;
}

class NearDupSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // The wire story, two outlets' copies (retitled, a line added or a
    // paragraph changed) and an unrelated article that shares words.
    WriteFile(dir_ / "news/1-wire.txt", StoryText("Ferry strike ends", ""));
    WriteFile(dir_ / "news/2-post.txt",
              StoryText("Islands ferry back after deal (Daily Post)",
                        "Reporting by the Daily Post ferry desk.\n"));
    std::string edited = StoryText("Ferry strike is over", "");
    edited = ReplaceAll(edited, "nine days", "more than a week");
    WriteFile(dir_ / "news/3-courier.txt", edited);
    WriteFile(dir_ / "news/4-other.txt",
              "New ferry ordered\n\nThe port authority ordered a new ferry "
              "for the island route, to be delivered in two years from a "
              "shipyard in the north, the first new vessel since the strike "
              "of a decade ago.\n");
    summary_ = IndexPaths(db_, {dir_ / "news"});
  }

  TempDir dir_;
  const std::string db_ = dir_ / "db";
  IndexSummary summary_;
};

TEST_F(NearDupSearchTest, CopiesAreFoundWhenIndexed) {
  EXPECT_EQ(summary_.indexed, 4u);
  EXPECT_EQ(summary_.near_duplicates, 2u);
}

TEST_F(NearDupSearchTest, SearchShowsOneCopyWithACount) {
  SearchOptions options;
  options.query = "ferry strike";
  options.limit = 50;
  const SearchResults collapsed = SearchDb(db_, options);
  options.all_copies = true;
  const SearchResults all = SearchDb(db_, options);
  // Each shared paragraph once, from the first article indexed; the
  // courier's edited paragraph and the post's extra line are their own.
  EXPECT_EQ(all.hits.size(), 4u + 4 + 5 + 1);
  EXPECT_EQ(collapsed.hits.size(), 4u + 1 + 1 + 1);
  for (const Hit& hit : collapsed.hits) {
    if (hit.source.ends_with("4-other.txt")) {
      EXPECT_EQ(hit.copies, 0u);
      EXPECT_EQ(hit.copy_group, hit.article_id);
    } else {
      EXPECT_EQ(hit.copies, 2u) << hit.source;
      EXPECT_EQ(hit.source.ends_with("1-wire.txt"),
                hit.copy_group == hit.article_id);
    }
  }
  // One hit per story with --per-article; every article with all copies.
  options.per_article = 1;
  options.all_copies = false;
  EXPECT_EQ(SearchDb(db_, options).hits.size(), 2u);
  options.all_copies = true;
  EXPECT_EQ(SearchDb(db_, options).hits.size(), 4u);
}

// Copies are collapsed by the facet column's copy keys; without them (a
// column of an older version) by Xapian's collapse on the value slot: the
// same hits, from the same articles, with the same exact count.
TEST_F(NearDupSearchTest, CopyKeysOfTheColumnCollapseAsTheValueSlotDoes) {
  SearchOptions options;
  options.query = "ferry strike union";
  options.limit = 50;
  const SearchResults by_column = SearchDb(db_, options);
  ASSERT_TRUE(std::filesystem::remove(std::filesystem::path(db_) /
                                      kFacetColumnCopyFile));
  const SearchResults by_value = SearchDb(db_, options);
  ASSERT_EQ(by_column.hits.size(), 4u + 1 + 1 + 1);
  ASSERT_EQ(by_value.hits.size(), by_column.hits.size());
  for (size_t i = 0; i < by_value.hits.size(); ++i) {
    EXPECT_EQ(by_column.hits[i].article_id, by_value.hits[i].article_id);
    EXPECT_EQ(by_column.hits[i].passage, by_value.hits[i].passage);
    EXPECT_DOUBLE_EQ(by_column.hits[i].score, by_value.hits[i].score);
  }
  EXPECT_EQ(by_column.matches_estimated, by_column.hits.size());
  EXPECT_EQ(by_column.matches_upper_bound, by_column.hits.size());
  EXPECT_EQ(by_value.matches_estimated, by_value.hits.size());
  // The facets, counted from the values instead, are the same too.
  EXPECT_EQ(by_column.facets, by_value.facets);
}

// Over several databases the column's copy keys cannot be read (Xapian
// numbers a decider's documents as their own database does): Xapian
// collapses, and the hits are those it gives without the columns.
TEST_F(NearDupSearchTest, SeveralDatabasesCollapseAsXapianDoes) {
  const std::string a = dir_ / "a", b = dir_ / "b";
  IndexPaths(a, {dir_ / "news/1-wire.txt", dir_ / "news/2-post.txt"});
  IndexPaths(b, {dir_ / "news/3-courier.txt", dir_ / "news/4-other.txt"});
  const auto search = [&] {
    std::unique_ptr<Searcher> searcher;
    EXPECT_TRUE(Searcher::Open({a, b}, &searcher).ok());
    SearchOptions options;
    options.query = "ferry strike union";
    options.limit = 50;
    SearchResults results;
    EXPECT_TRUE(searcher->Search(options, &results).ok());
    return results;
  };
  const SearchResults with_columns = search();
  for (const std::string& db : {a, b}) {
    ASSERT_TRUE(std::filesystem::remove(std::filesystem::path(db) /
                                        kFacetColumnCopyFile));
  }
  const SearchResults without = search();
  // The wire's 4 and the post's extra line in a; the courier's 4 (its
  // copies are in the other database) and the other article's 1 in b.
  ASSERT_EQ(with_columns.hits.size(), 4u + 1 + 4 + 1);
  EXPECT_EQ(HitIds(with_columns), HitIds(without));
  EXPECT_EQ(with_columns.matches_estimated, without.matches_estimated);
}

TEST_F(NearDupSearchTest, ReindexingKeepsTheGroups) {
  const auto before = DumpDatabase(db_);
  const IndexSummary again =
      IndexPaths(db_, {dir_ / "news"}, nullptr, /*force=*/true);
  EXPECT_EQ(again.indexed, 4u);
  EXPECT_EQ(again.near_duplicates, 2u);
  EXPECT_EQ(DumpDatabase(db_), before);
}

}  // namespace
}  // namespace byline::testing
