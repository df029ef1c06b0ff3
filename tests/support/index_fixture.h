// Indexing and searching through the libraries, for integration tests.
#ifndef BYLINE_TESTS_SUPPORT_INDEX_FIXTURE_H_
#define BYLINE_TESTS_SUPPORT_INDEX_FIXTURE_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "byline/index/indexer.h"
#include "byline/search/searcher.h"
#include "support/test_support.h"

namespace byline::testing {

// Records what the indexer reports, one "path: message" line each.
class RecordingReporter : public Reporter {
 public:
  void Skipped(std::string_view path, const Status& status) override {
    skipped.push_back(std::string(path) + ": " + status.message());
  }
  void Warning(std::string_view path, std::string_view message) override {
    warnings.push_back(std::string(path) + ": " + std::string(message));
  }
  std::vector<std::string> skipped, warnings;
};

// Indexes `inputs` into `db`; `force` re-indexes files the database has
// seen unchanged. A passage per paragraph, as most cases are written
// (their paragraphs are short): `min_words` joins shorter ones as
// byline-index does by default (SplitOptions::min_words).
inline IndexSummary IndexPaths(const std::string& db,
                               const std::vector<std::string>& inputs,
                               RecordingReporter* reporter = nullptr,
                               bool force = false, size_t min_words = 0) {
  IndexOptions options;
  options.db_path = db;
  options.inputs = inputs;
  options.incremental = !force;
  options.split.min_words = min_words;
  RecordingReporter local;
  IndexSummary summary;
  const Status s = RunIndex(options, reporter ? *reporter : local, &summary);
  EXPECT_TRUE(s.ok()) << s.message();
  return summary;
}

inline SearchResults SearchDb(const std::string& db, SearchOptions options) {
  std::unique_ptr<Searcher> searcher;
  SearchResults results;
  Status s = Searcher::Open({db}, &searcher);
  if (s.ok()) s = searcher->Search(options, &results);
  EXPECT_TRUE(s.ok()) << s.message();
  return results;
}

// Hits as "<file stem>#<passage>", in rank order.
inline std::vector<std::string> HitIds(const SearchResults& results) {
  std::vector<std::string> ids;
  for (const Hit& h : results.hits) {
    ids.push_back(std::filesystem::path(h.source).stem().string() + "#" +
                  std::to_string(h.passage));
  }
  return ids;
}

inline std::vector<std::string> Ranked(const std::string& db,
                                       const std::string& query,
                                       size_t limit = 20) {
  SearchOptions options;
  options.query = query;
  options.limit = limit;
  return HitIds(SearchDb(db, options));
}

// A suite over one database of all of corpus/, indexed once as
// byline-index indexes it by default (short paragraphs joined).
class CorpusDbTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    db_ = *dir_ / "db";
    IndexPaths(db_, {CorpusPath("")}, nullptr, false, 30);
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static inline TempDir* dir_ = nullptr;
  static inline std::string db_;
};

}  // namespace byline::testing

#endif  // BYLINE_TESTS_SUPPORT_INDEX_FIXTURE_H_
