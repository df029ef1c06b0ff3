// --shards: files spread over shard databases written in parallel, searched
// as one through the stub file, and merged with xapian-compact.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "support/index_fixture.h"
#include "support/test_support.h"

namespace byline::testing {
namespace {

IndexSummary IndexSharded(const std::string& db, size_t shards) {
  IndexOptions options;
  options.db_path = db;
  options.inputs = {BYLINE_CORPUS_DIR, TestData("articles")};
  options.shards = shards;
  RecordingReporter reporter;
  IndexSummary summary;
  const Status s = RunIndex(options, reporter, &summary);
  EXPECT_TRUE(s.ok()) << s.message();
  return summary;
}

// Every hit as "file#passage score", best first, ties by name: the same
// for one database and for shards searched as one (BM25 statistics are
// those of the whole collection either way).
std::vector<std::string> Hits(const std::string& db, const std::string& q) {
  SearchOptions options;
  options.query = q;
  options.limit = 1000;
  options.all_copies = true;  // copies in two shards are not grouped
  std::vector<std::pair<double, std::string>> hits;
  for (const Hit& h : SearchDb(db, options).hits) {
    hits.emplace_back(
        -std::round(h.score * 1e6) / 1e6,
        std::filesystem::path(h.source).filename().string() + "#" +
            std::to_string(h.passage));
  }
  std::sort(hits.begin(), hits.end());
  std::vector<std::string> out;
  for (const auto& [score, id] : hits) {
    out.push_back(id + " " + std::to_string(-score));
  }
  return out;
}

TEST(ShardsTest, ShardsSearchedAsOneRankLikeOneDatabase) {
  TempDir dir;
  const IndexSummary one = IndexSharded(dir / "one", 0);
  const IndexSummary two = IndexSharded(dir / "two", 2);
  EXPECT_EQ(two.indexed, one.indexed);
  EXPECT_EQ(two.passages, one.passages);
  const Xapian::doccount in0 = Xapian::Database(dir / "two/shard-0").get_doccount();
  const Xapian::doccount in1 = Xapian::Database(dir / "two/shard-1").get_doccount();
  EXPECT_GT(in0, 0u);
  EXPECT_GT(in1, 0u);
  EXPECT_EQ(in0 + in1, Xapian::Database(dir / "one").get_doccount());
  for (const std::string q :
       {"Stoltenberg missiles", "harbour bridge", "person:\"Jens Stoltenberg\"",
        "title:ferry OR storm"}) {
    SCOPED_TRACE(q);
    const auto expected = Hits(dir / "one", q);
    EXPECT_FALSE(expected.empty());
    EXPECT_EQ(Hits(dir / "two", q), expected);
  }
  // A later run keeps the shards and finds every file unchanged.
  const IndexSummary again = IndexSharded(dir / "two", 0);
  EXPECT_EQ(again.indexed, 0u);
  EXPECT_EQ(again.unchanged, one.files);
}

TEST(ShardsTest, ShardCountCannotChangeAndOneDatabaseCannotBeSharded) {
  TempDir dir;
  IndexSharded(dir / "two", 2);
  IndexSharded(dir / "one", 0);
  for (const auto& [db, shards] : {std::pair<std::string, size_t>{dir / "two", 3},
                                   {dir / "one", 2}}) {
    IndexOptions options;
    options.db_path = db;
    options.inputs = {TestData("articles")};
    options.shards = shards;
    RecordingReporter reporter;
    IndexSummary summary;
    const Status s = RunIndex(options, reporter, &summary);
    EXPECT_FALSE(s.ok()) << db;
    EXPECT_NE(s.message().find(db), std::string::npos) << s.message();
  }
}

TEST(ShardsTest, XapianCompactMergesShardsIntoOneDatabase) {
  const std::string compact = "/usr/bin/xapian-compact";
  if (!std::filesystem::exists(compact)) {
    GTEST_SKIP() << "xapian-compact (Debian's xapian-tools) is not installed";
  }
  TempDir dir;
  IndexSharded(dir / "one", 0);
  IndexSharded(dir / "two", 3);
  const RunResult merged =
      testing::Run({compact, dir / "two/shard-0", dir / "two/shard-1",
           dir / "two/shard-2", dir / "merged"});
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  EXPECT_EQ(Hits(dir / "merged", "Stoltenberg missiles"),
            Hits(dir / "one", "Stoltenberg missiles"));
  // The merged database holds every file's state: nothing to do again.
  const IndexSummary again = IndexSharded(dir / "merged", 0);
  EXPECT_EQ(again.indexed, 0u);
  EXPECT_GT(again.unchanged, 0u);
}

}  // namespace
}  // namespace byline::testing
