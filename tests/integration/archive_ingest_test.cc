// Archive-scale input, one record at a time: what goes wrong with one
// record (invalid UTF-8 in a WARC header, an over-long digest or URI, a
// record over the size limit, a term Xapian refuses) costs that record at
// most, is named with its file and place, and the rest of the run is
// indexed and searchable. Inputs are written here, record by record.
#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "byline/index/index_writer.h"
#include "byline/schema.h"
#include "byline/text.h"
#include "support/index_fixture.h"
#include "support/test_support.h"

namespace byline::testing {
namespace {

struct Page {
  std::string uri = "http://news.example/a";
  std::string id = "<urn:uuid:0001>";
  std::string date = "2024-07-16T09:30:00Z";
  std::string digest;  // no header when empty
  std::string title = "Ferry strike";
  std::string body = "The ferry crews walked out on Monday.";
};

// A WARC response record holding an HTTP 200 HTML page.
std::string ResponseRecord(const Page& p) {
  const std::string html = "<!doctype html><html><head><title>" + p.title +
                           "</title></head><body><article><h1>" + p.title +
                           "</h1><p>" + p.body + "</p></article></body></html>";
  const std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
      "Content-Length: " +
      std::to_string(html.size()) + "\r\n\r\n" + html;
  std::string headers =
      "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: " + p.uri +
      "\r\nWARC-Date: " + p.date + "\r\nWARC-Record-ID: " + p.id + "\r\n";
  if (!p.digest.empty()) headers += "WARC-Payload-Digest: " + p.digest + "\r\n";
  return headers +
         "Content-Type: application/http; msgtype=response\r\n"
         "Content-Length: " +
         std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
}

// Pages as a .warc.gz, one gzip member a record; `offsets` receives each
// record's byte offset.
std::string GzipWarc(const std::vector<Page>& pages,
                     std::vector<size_t>* offsets = nullptr) {
  std::string out;
  for (const Page& p : pages) {
    if (offsets != nullptr) offsets->push_back(out.size());
    out += Compress(ResponseRecord(p));
  }
  return out;
}

// Three pages, each with a word of its own.
std::vector<Page> ThreePages() {
  std::vector<Page> pages(3);
  const char* const words[] = {"albatross", "bergamot", "cormorant"};
  for (int i = 0; i < 3; ++i) {
    pages[i].uri = "http://news.example/story-" + std::to_string(i);
    pages[i].id = "<urn:uuid:000" + std::to_string(i) + ">";
    pages[i].title = std::string("Harbour report ") + words[i];
    pages[i].body = std::string("Dockers spoke of the ") + words[i] +
                    " seen in the harbour on Monday morning.";
  }
  return pages;
}

size_t HitCount(const std::string& db, const std::string& query) {
  SearchOptions options;
  options.query = query;
  return SearchDb(db, options).hits.size();
}

class BadHeaderTest : public ::testing::TestWithParam<const char*> {};

TEST_P(BadHeaderTest, InvalidUtf8IsRepairedNamedAndTheRunGoesOn) {
  const std::string field = GetParam();
  TempDir dir;
  std::vector<Page> pages = ThreePages();
  const std::string bad = "bad\xff\xfe-value";
  Page& middle = pages[1];
  if (field == "WARC-Target-URI") middle.uri = "http://news.example/" + bad;
  if (field == "WARC-Record-ID") middle.id = "<urn:uuid:" + bad + ">";
  if (field == "WARC-Date") middle.date = "2024-07-16T09:" + bad;
  if (field == "WARC-Payload-Digest") middle.digest = "sha1:" + bad;
  std::vector<size_t> offsets;
  WriteFile(dir / "crawl.warc.gz", GzipWarc(pages, &offsets));
  WriteFile(dir / "other.txt", "Quay notes\n\nThe pelican returned.\n");

  RecordingReporter reporter;
  const IndexSummary s = IndexPaths(
      dir / "db", {dir / "crawl.warc.gz", dir / "other.txt"}, &reporter);
  EXPECT_EQ(s.indexed, 4u);
  EXPECT_EQ(reporter.skipped, std::vector<std::string>{});
  EXPECT_EQ(reporter.warnings,
            std::vector<std::string>{
                dir / "crawl.warc.gz" + ": record at byte " +
                std::to_string(offsets[1]) + ": invalid UTF-8 in " + field +
                " replaced with U+FFFD"});
  for (const char* word : {"albatross", "bergamot", "cormorant", "pelican"}) {
    EXPECT_EQ(HitCount(dir / "db", word), 1u) << word;
  }
  SearchOptions options;
  options.query = "bergamot";
  const SearchResults r = SearchDb(dir / "db", options);
  ASSERT_EQ(r.hits.size(), 1u);
  const Hit& h = r.hits[0];
  ASSERT_TRUE(h.provenance.has_value());
  for (const std::string& value :
       {h.url, h.provenance->record_id, h.provenance->captured}) {
    EXPECT_TRUE(CheckUtf8(value).valid()) << value;
  }
  const std::string repaired = "bad\xEF\xBF\xBD\xEF\xBF\xBD-value";
  if (field == "WARC-Target-URI") {
    EXPECT_EQ(h.url, "http://news.example/" + repaired);
  }
  if (field == "WARC-Record-ID") {
    EXPECT_EQ(h.provenance->record_id, "<urn:uuid:" + repaired + ">");
  }
}

INSTANTIATE_TEST_SUITE_P(EachField, BadHeaderTest,
                         ::testing::Values("WARC-Target-URI", "WARC-Record-ID",
                                           "WARC-Date", "WARC-Payload-Digest"),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::erase(name, '-');
                           return name;
                         });

TEST(LongHeaderTest, OverLongDigestAndUriAreIndexedAndStillTellPayloadsApart) {
  TempDir dir;
  std::vector<Page> pages = ThreePages();
  const std::string long_digest = "sha1:" + std::string(300, 'Q');
  pages[0].digest = long_digest + "1";
  pages[0].uri = "http://news.example/" + std::string(5000, 'u');
  // Same first 245 bytes as the first digest, another payload.
  pages[1].digest = long_digest + "2";
  WriteFile(dir / "a.warc.gz", GzipWarc(pages));
  // Another capture of the first payload, in another file.
  Page again = pages[0];
  again.id = "<urn:uuid:0009>";
  WriteFile(dir / "b.warc.gz", GzipWarc({again}));

  RecordingReporter reporter;
  const IndexSummary s =
      IndexPaths(dir / "db", {dir / "a.warc.gz", dir / "b.warc.gz"}, &reporter);
  EXPECT_EQ(reporter.skipped, std::vector<std::string>{});
  EXPECT_EQ(s.indexed, 3u);
  EXPECT_EQ(s.duplicates, 1u);
  EXPECT_EQ(HitCount(dir / "db", "albatross"), 1u);
  EXPECT_EQ(HitCount(dir / "db", "bergamot"), 1u);
  // The digest term was cut to Xapian's limit and ends with a hash.
  const std::string term =
      schema::BooleanTerm(schema::kDigestPrefix, pages[0].digest);
  EXPECT_EQ(term.size(), schema::kMaxTermBytes);
  EXPECT_EQ(Xapian::Database(dir / "db").get_termfreq(term), 1u);
  EXPECT_NE(term, schema::BooleanTerm(schema::kDigestPrefix, pages[1].digest));
}

TEST(RecordLimitTest, RecordsOverTheLimitAreSkippedWithTheirPlace) {
  TempDir dir;
  std::vector<Page> pages = ThreePages();
  pages[1].body += std::string(" And more.") + std::string(6000, ' ') + "End.";
  std::vector<size_t> offsets;
  WriteFile(dir / "crawl.warc.gz", GzipWarc(pages, &offsets));
  std::string big_line = R"({"id": "2", "title": "Long", "text": ")" +
                         std::string(5000, 'x') + "\"}";
  WriteFile(
      dir / "wire.jsonl",
      "{\"id\": \"1\", \"title\": \"Gannet\", \"text\": \"The gannet.\"}\n" +
          big_line + "\n" +
          "{\"id\": \"3\", \"title\": \"Puffin\", \"text\": \"The "
          "puffin.\"}\n");
  WriteFile(dir / "big.txt", "Big\n\n" + std::string(5000, 'y') + "\n");

  IndexOptions options;
  options.db_path = dir / "db";
  options.inputs = {dir / "crawl.warc.gz", dir / "wire.jsonl", dir / "big.txt"};
  options.max_record_bytes = 4096;
  RecordingReporter reporter;
  IndexSummary s;
  ASSERT_TRUE(RunIndex(options, reporter, &s).ok());
  EXPECT_EQ(s.indexed, 4u);
  EXPECT_EQ(s.skipped, 3u);
  const std::string limit = "the limit of 4096 bytes (--max-record-bytes)";
  ASSERT_EQ(reporter.skipped.size(), 3u)
      << ::testing::PrintToString(reporter.skipped);
  EXPECT_EQ(reporter.skipped[0].rfind(
                dir / "crawl.warc.gz" + ": record at byte " +
                    std::to_string(offsets[1]) + ": a record of ",
                0),
            0u)
      << reporter.skipped[0];
  EXPECT_NE(reporter.skipped[0].find(limit), std::string::npos);
  EXPECT_EQ(reporter.skipped[1],
            dir / "wire.jsonl" +
                ": line 2: starts at byte 54 and is longer than " + limit);
  EXPECT_EQ(reporter.skipped[2], dir / "big.txt" + ": larger than " + limit);
  for (const char* word : {"albatross", "cormorant", "gannet", "puffin"}) {
    EXPECT_EQ(HitCount(dir / "db", word), 1u) << word;
  }
}

TEST(WriterTest, AnArticleXapianRefusesLeavesNothingAndTheDatabaseGoesOn) {
  TempDir dir;
  std::unique_ptr<IndexWriter> writer;
  ASSERT_TRUE(IndexWriter::Open(dir / "db", &writer).ok());
  ArticleDocuments bad;
  bad.article_id = "00000000000000aa";
  for (int n = 0; n < 2; ++n) {
    Xapian::Document doc;
    doc.add_boolean_term(schema::UniqueTerm(bad.article_id, n));
    doc.add_boolean_term(schema::ArticleTerm(bad.article_id));
    if (n == 1) doc.add_term("Z" + std::string(300, 'z'));  // too long
    bad.passages.push_back(doc);
  }
  bad.word_hashes = {"0", "1"};
  const Status s = writer->Write(bad);
  EXPECT_EQ(s.code(), StatusCode::kBadInput);
  EXPECT_NE(s.message().find("Term too long"), std::string::npos)
      << s.message();
  ArticleDocuments good;
  good.article_id = "00000000000000bb";
  Xapian::Document doc;
  doc.add_boolean_term(schema::UniqueTerm(good.article_id, 0));
  doc.add_boolean_term(schema::ArticleTerm(good.article_id));
  good.passages.push_back(doc);
  good.word_hashes = {"0"};
  ASSERT_TRUE(writer->Write(good).ok());
  ASSERT_TRUE(writer->Close().ok());
  const Xapian::Database db(dir / "db");
  EXPECT_EQ(db.get_doccount(), 1u);
  EXPECT_EQ(db.get_termfreq(schema::ArticleTerm(bad.article_id)), 0u);
  EXPECT_EQ(db.get_termfreq(schema::ArticleTerm(good.article_id)), 1u);
}

// The records of one big file are prepared on every thread, in a window of
// a few records: the database is the same whatever the number of threads.
TEST(WindowTest, OneBigFileGivesTheSameDatabaseForAnyJobsAndWindow) {
  TempDir dir;
  std::string lines;
  for (int n = 0; n < 300; ++n) {
    lines += "{\"id\": \"" + std::to_string(n) + "\", \"title\": \"Item " +
             std::to_string(n) + "\", \"text\": \"Anna Kowal said the ferry " +
             "in Gdansk would sail on " + std::to_string(1 + n % 28) +
             " March 2024.\\n\\nThe council met on item " + std::to_string(n) +
             ".\"}\n";
  }
  WriteFile(dir / "wire.jsonl.gz", Compress(lines));
  std::string dumps[3];
  const size_t jobs[3] = {1, 3, 2};
  const size_t windows[3] = {1024, 2, 1};
  for (int k = 0; k < 3; ++k) {
    IndexOptions options;
    options.db_path = dir / ("db" + std::to_string(k));
    options.inputs = {dir / "wire.jsonl.gz"};
    options.jobs = jobs[k];
    options.window_records = windows[k];
    options.commit_every = 50;
    RecordingReporter reporter;
    IndexSummary s;
    ASSERT_TRUE(RunIndex(options, reporter, &s).ok());
    EXPECT_EQ(s.indexed, 300u);
    EXPECT_EQ(s.records, 300u);
    dumps[k] = "";
    for (const auto& [q, body] : DumpDatabase(options.db_path, false)) {
      dumps[k] += q + " " + body + "\n";
    }
  }
  EXPECT_EQ(dumps[0], dumps[1]);
  EXPECT_EQ(dumps[0], dumps[2]);
}

}  // namespace
}  // namespace byline::testing
