// Archives that grow by appending (a JSON Lines export, a WARC file a crawl
// keeps writing): a re-run reads only the records after those it has, and
// the database ends as a full run over the grown file would leave it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "byline/index/gzip.h"
#include "support/index_fixture.h"
#include "support/test_support.h"

namespace byline::testing {
namespace {

std::string Line(int n) {
  return "{\"id\": \"s" + std::to_string(n) + "\", \"title\": \"Quay story " +
         std::to_string(n) + "\", \"text\": \"The quay at berth " +
         std::to_string(n) + " was repaired by the harbour board.\"}\n";
}

// `file` indexed as it was, then grown by `more`: the second run reads
// only the new records, and the database matches a fresh full run.
void ExpectAppendReadsOnlyTheNewRecords(const TempDir& dir,
                                        const std::string& file,
                                        const std::string& before,
                                        const std::string& more,
                                        size_t new_articles) {
  const std::string db = dir / "db";
  WriteFile(file, before);
  const IndexSummary first = IndexPaths(db, {file});
  ASSERT_GT(first.indexed, 0u);
  WriteFile(file, before + more);
  RecordingReporter reporter;
  const IndexSummary second = IndexPaths(db, {file}, &reporter);
  EXPECT_EQ(second.indexed, new_articles);
  EXPECT_EQ(second.files, 1u);
  const IndexSummary fresh = IndexPaths(dir / "fresh", {file});
  EXPECT_EQ(fresh.indexed, first.indexed + new_articles);
  EXPECT_EQ(DumpDatabase(db, false), DumpDatabase(dir / "fresh", false));
  // And a third run has nothing to do.
  EXPECT_EQ(IndexPaths(db, {file}).unchanged, 1u);
}

TEST(AppendTest, JsonLinesAppendedToAreReadFromWhereTheLastRunStopped) {
  TempDir dir;
  std::string before, more;
  for (int n = 1; n <= 4; ++n) before += Line(n);
  for (int n = 5; n <= 6; ++n) more += Line(n);
  ExpectAppendReadsOnlyTheNewRecords(dir, dir / "feed.jsonl", before, more, 2);
}

TEST(AppendTest, BadAppendedLineIsReportedWithItsLineNumber) {
  TempDir dir;
  const std::string db = dir / "db", file = dir / "feed.jsonl";
  WriteFile(file, Line(1) + Line(2));
  IndexPaths(db, {file});
  WriteFile(file, Line(1) + Line(2) + "{broken\n" + Line(4));
  RecordingReporter reporter;
  IndexOptions options;
  options.db_path = db;
  options.inputs = {file};
  IndexSummary summary;
  ASSERT_TRUE(RunIndex(options, reporter, &summary).ok());
  EXPECT_EQ(summary.indexed, 1u);
  EXPECT_EQ(reporter.skipped, (std::vector<std::string>{
                                  file + ": line 3: not valid JSON"}));
  SearchOptions search;
  search.query = "berth";
  EXPECT_EQ(SearchDb(db, search).hits.size(), 3u);
  // The appended article is numbered as a line of the whole file.
  EXPECT_EQ(SearchDb(db, search).hits.back().record, "line 4");
}

TEST(AppendTest, GzipMembersAppendedToJsonLines) {
  TempDir dir;
  ExpectAppendReadsOnlyTheNewRecords(dir, dir / "feed.jsonl.gz",
                                     Compress(Line(1) + Line(2)),
                                     Compress(Line(3)), 1);
}

TEST(AppendTest, ChangedEarlierLineMeansTheWholeFileIsRead) {
  TempDir dir;
  const std::string db = dir / "db", file = dir / "feed.jsonl";
  WriteFile(file, Line(1) + Line(2));
  IndexPaths(db, {file});
  WriteFile(file, Line(7) + Line(2) + Line(3));
  const IndexSummary again = IndexPaths(db, {file});
  EXPECT_EQ(again.indexed, 3u);
  EXPECT_EQ(DumpDatabase(db, false).size(), 3u);  // line 1's article left
}

TEST(AppendTest, WarcRecordsAppendedByACrawl) {
  // The sample crawl (wget) cut after its first half of gzip members: the
  // rest is what the crawl appends later.
  const std::string warc = ReadFile(CorpusPath("warc/byline-sample.warc.gz"));
  std::vector<size_t> starts;
  std::string member;
  for (size_t at = 0, next = 0; at < warc.size(); at = next) {
    ASSERT_TRUE(GunzipMember(warc, at, 1 << 26, &member, &next).ok());
    starts.push_back(at);
  }
  ASSERT_GT(starts.size(), 4u);
  const size_t cut = starts[starts.size() / 2];
  TempDir dir;
  const std::string db = dir / "db", file = dir / "crawl.warc.gz";
  WriteFile(file, warc.substr(0, cut));
  const size_t first = IndexPaths(db, {file}).indexed;
  WriteFile(file, warc);
  const IndexSummary second = IndexPaths(db, {file});
  const IndexSummary fresh = IndexPaths(dir / "fresh", {file});
  EXPECT_GT(second.indexed, 0u);
  EXPECT_EQ(first + second.indexed, fresh.indexed);
  EXPECT_EQ(DumpDatabase(db, false), DumpDatabase(dir / "fresh", false));
}

}  // namespace
}  // namespace byline::testing
