// A real crawl: serve tests/data/html over HTTP on loopback, let wget write
// a WARC of it, index the WARC, and find the pages with their provenance.
#include <filesystem>
#include <gtest/gtest.h>
#include <xapian.h>

#include "support/index_fixture.h"
#include "support/loopback_server.h"
#include "support/test_support.h"

namespace byline::testing {
namespace {
namespace fs = std::filesystem;

const char* const kPages[] = {"news_page.html", "jsonld_graph.html",
                              "windows1252.html"};

class WarcCrawlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // The site: three pages of tests/data/html and an index linking them.
    std::string index = "<!doctype html><html><head><title>Index</title>"
                        "</head><body><ul>";
    for (const char* page : kPages) {
      fs::create_directories(dir_ / "site");
      fs::copy_file(TestData(std::string("html/") + page),
                    dir_ / (std::string("site/") + page),
                    fs::copy_options::overwrite_existing);
      index += std::string("<li><a href=\"/") + page + "\">" + page +
               "</a></li>";
    }
    WriteFile(dir_ / "site/index.html", index + "</ul></body></html>");
    LoopbackServer server(dir_ / "site");
    const std::string base =
        "http://127.0.0.1:" + std::to_string(server.port()) + "/";
    url_ = base;
    const RunResult wget = testing::Run({"/usr/bin/wget", "--no-verbose", "--recursive",
                                "--level=1", "--no-parent", "--tries=1",
                                "--timeout=10", "--directory-prefix",
                                dir_ / "mirror", "--warc-file",
                                dir_ / "crawl", base});
    ASSERT_EQ(wget.exit_code, 0) << wget.err;
    warc_ = dir_ / "crawl.warc.gz";
    ASSERT_TRUE(fs::exists(warc_));
  }
  TempDir dir_;
  std::string url_, warc_;
};

TEST_F(WarcCrawlTest, PagesAreFoundWithTheirProvenance) {
  RecordingReporter reporter;
  const IndexSummary s = IndexPaths(dir_ / "db", {warc_}, &reporter);
  EXPECT_EQ(reporter.skipped, std::vector<std::string>{});
  EXPECT_EQ(s.indexed, 4u);  // three pages and the index
  SearchOptions options;
  options.query = "girders";
  options.replay_template = "http://localhost:8080/coll/{timestamp}/{url}";
  const SearchResults r = SearchDb(dir_ / "db", options);
  ASSERT_FALSE(r.hits.empty());
  const Hit& h = r.hits[0];
  EXPECT_EQ(h.title, "Harbour bridge reopens after two-year repair");
  EXPECT_EQ(h.url, url_ + "news_page.html");
  ASSERT_TRUE(h.provenance.has_value());
  EXPECT_EQ(h.provenance->warc, warc_);
  EXPECT_EQ(h.provenance->record_id.rfind("<urn:uuid:", 0), 0u);
  EXPECT_EQ(h.provenance->captured.size(), 20u);  // 2026-11-24T21:40:00Z
  // The record is really at that offset: a gzip member starts there.
  const std::string bytes = ReadFile(warc_);
  EXPECT_EQ(bytes.substr(h.provenance->offset, 2), "\x1f\x8b");
  std::string ts;
  for (char c : h.provenance->captured) {
    if (std::isdigit(static_cast<unsigned char>(c))) ts += c;
  }
  EXPECT_EQ(h.replay_url, "http://localhost:8080/coll/" + ts + "/" + h.url);
  // Boilerplate around the article is not indexed.
  options.query = "cookies";
  EXPECT_TRUE(SearchDb(dir_ / "db", options).hits.empty());
}

TEST_F(WarcCrawlTest, DuplicatePayloadsAreIndexedOnce) {
  fs::copy_file(warc_, dir_ / "again.warc.gz");
  const IndexSummary s = IndexPaths(dir_ / "db", {warc_, dir_ / "again.warc.gz"});
  EXPECT_EQ(s.indexed, 4u);
  EXPECT_EQ(s.duplicates, 4u);
  // And in a later run too.
  const size_t docs = Xapian::Database(dir_ / "db").get_doccount();
  fs::copy_file(warc_, dir_ / "third.warc.gz");
  const IndexSummary later = IndexPaths(dir_ / "db", {dir_ / "third.warc.gz"});
  EXPECT_EQ(later.indexed, 0u);
  EXPECT_EQ(later.duplicates, 4u);
  EXPECT_EQ(Xapian::Database(dir_ / "db").get_doccount(), docs);
}

}  // namespace
}  // namespace byline::testing
