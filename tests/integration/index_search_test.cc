// Indexes the articles in tests/data into a temporary database and checks
// what searches return, in order.
#include <gtest/gtest.h>
#include <xapian.h>

#include <map>

#include "byline/index/index_writer.h"
#include "byline/schema.h"
#include "support/index_fixture.h"
#include "support/test_support.h"

namespace byline::testing {
namespace {

using Ids = std::vector<std::string>;

class IndexSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const IndexSummary s = IndexPaths(db_, {TestData("articles")});
    ASSERT_EQ(s.indexed, 5u);
    ASSERT_EQ(s.passages, 13u);
  }
  TempDir dir_;
  std::string db_ = dir_ / "db";
};

TEST_F(IndexSearchTest, RanksPassagesByBm25WithTitleTerms) {
  // harbour#0 has both words in body and title; budget#2 has the phrase in
  // its body but no title match, so the short title-only harbour#2 beats
  // it; harbour#1, of the article about the bridge, follows on its
  // article's words (the second stage), above budget#2, which only names
  // the bridge in a story about the budget.
  EXPECT_EQ(Ranked(db_, "harbour bridge"),
            (Ids{"harbour#0", "harbour#2", "harbour#1", "budget#2",
                 "budget#1"}));
  EXPECT_EQ(Ranked(db_, "intercept missiles"),
            (Ids{"missiles#0", "missiles#1", "missiles#2"}));
  // "Storm" the team (title and body) beats "storm" the weather.
  EXPECT_EQ(Ranked(db_, "storm").front(), "hockey#0");
}

TEST_F(IndexSearchTest, HeadlineWordsAddWeightToTheirArticlesPassages) {
  // Scores of each hit with and without the headline words' weight: only
  // the passages of an article headlined with a query word gain, and a
  // query with a phrase gets none.
  const auto scores = [&](const std::string& query, double title_weight) {
    SearchOptions options;
    options.query = query;
    options.limit = 20;
    options.ranking.title_weight = title_weight;
    std::map<std::string, double> out;
    const SearchResults r = SearchDb(db_, options);
    const Ids ids = HitIds(r);
    for (size_t i = 0; i < ids.size(); ++i) out[ids[i]] = r.hits[i].score;
    return out;
  };
  ASSERT_GT(QueryOptions().title_weight, 0);
  const auto with = scores("harbour bridge", QueryOptions().title_weight);
  const auto without = scores("harbour bridge", 0);
  ASSERT_EQ(with.size(), without.size());
  for (const auto& [id, score] : with) {
    SCOPED_TRACE(id);
    // "Harbour bridge reopens after storm repairs" heads the harbour story.
    if (id.starts_with("harbour#")) {
      EXPECT_GT(score, without.at(id));
    } else {
      EXPECT_DOUBLE_EQ(score, without.at(id));
    }
  }
  const auto phrase = scores("\"harbour bridge\"", 1.0);
  const auto phrase_without = scores("\"harbour bridge\"", 0);
  ASSERT_FALSE(phrase.empty());
  for (const auto& [id, score] : phrase) {
    EXPECT_DOUBLE_EQ(score, phrase_without.at(id)) << id;
  }
}

TEST_F(IndexSearchTest, PhrasesBooleansAndTitleField) {
  EXPECT_EQ(Ranked(db_, "\"secretary general\""),
            (Ids{"missiles#2", "missiles#0"}));
  EXPECT_EQ(Ranked(db_, "council AND NOT library"), (Ids{"harbour#1"}));
  // Every passage of both articles with "storm" in the title, the shortest
  // first (the title term's wdf is 1 in each); the body's "storm" in
  // hockey#0..1 and harbour#1 does not count.
  EXPECT_EQ(Ranked(db_, "title:storm"),
            (Ids{"harbour#2", "hockey#1", "hockey#0", "harbour#0",
                 "harbour#1"}));
  EXPECT_EQ(Ranked(db_, "storm -title:storm"), Ids{});
  EXPECT_EQ(Ranked(db_, "stemming: ferries operated"), (Ids{"harbour#2"}));
}

TEST_F(IndexSearchTest, UnicodeWords) {
  EXPECT_EQ(Ranked(db_, "Grünwald"), (Ids{"unicode#0"}));
  EXPECT_EQ(Ranked(db_, "Wiśniewska"), (Ids{"unicode#1"}));
  EXPECT_EQ(Ranked(db_, "zürich"), (Ids{"unicode#0", "unicode#1"}));
}

TEST_F(IndexSearchTest, PerArticleCollapseAndPaging) {
  SearchOptions options;
  options.query = "harbour bridge";
  options.per_article = 1;
  const SearchResults r = SearchDb(db_, options);
  EXPECT_EQ(HitIds(r), (Ids{"harbour#0", "budget#2"}));
  EXPECT_EQ(r.hits[0].collapsed, 2u);
  EXPECT_EQ(r.hits[1].collapsed, 1u);

  options.per_article = 0;
  options.offset = 1;
  options.limit = 2;
  const SearchResults page = SearchDb(db_, options);
  EXPECT_EQ(HitIds(page), (Ids{"harbour#2", "harbour#1"}));
  EXPECT_EQ(page.hits[0].rank, 2u);
  EXPECT_EQ(page.matches_estimated, 5u);  // exact: under check_at_least
  EXPECT_EQ(page.matches_lower_bound, page.matches_upper_bound);
}

TEST_F(IndexSearchTest, HitCarriesPassageTextRangeAndSnippet) {
  SearchOptions options;
  options.query = "ferry";
  const SearchResults r = SearchDb(db_, options);
  ASSERT_EQ(r.hits.size(), 1u);
  const Hit& h = r.hits[0];
  EXPECT_EQ(h.title, "Harbour bridge reopens after storm repairs");
  EXPECT_EQ(h.text,
            "Ferry operators, who carried extra passengers during the "
            "closure, welcomed the news.");
  const std::string file = ReadFile(TestData("articles/harbour.txt"));
  EXPECT_EQ(file.substr(h.start, h.end - h.start), h.text);
  EXPECT_EQ(h.source, TestData("articles/harbour.txt"));
  EXPECT_EQ(h.snippet,
            "<b>Ferry</b> operators, who carried extra passengers during the "
            "closure, welcomed the news.");
}

TEST_F(IndexSearchTest, SnippetsHighlightStemsPhrasesAndWildcards) {
  // The index holds stems only; snippets still mark the words as written.
  const auto snippet = [&](const std::string& query) {
    SearchOptions options;
    options.query = query;
    const SearchResults r = SearchDb(db_, options);
    return r.hits.empty() ? std::string() : r.hits[0].snippet;
  };
  EXPECT_EQ(snippet("ferries"),
            "<b>Ferry</b> operators, who carried extra passengers during the "
            "closure, welcomed the news.");
  EXPECT_EQ(snippet("\"secretary general\""),
            "The <b>secretary general</b> said the alliance would not become "
            "a party to the war.");
  EXPECT_TRUE(snippet("intercep*").starts_with(
      "The alliance will not <b>intercept</b> missiles"));
  // A filter marks nothing; the words of the query do.
  EXPECT_TRUE(snippet("reopened place:\"Kestrel Bridge\"")
                  .starts_with("The Kestrel Bridge over the harbour "
                               "<b>reopened</b>"));
}

TEST_F(IndexSearchTest, SyntaxErrorIsAStatusNotACrash) {
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open({db_}, &searcher).ok());
  SearchOptions options;
  options.query = "   ";
  SearchResults r;
  EXPECT_EQ(searcher->Search(options, &r).message(), "empty query");
}

TEST_F(IndexSearchTest, DatabaseRecordsItsSchemaVersion) {
  EXPECT_EQ(Xapian::Database(db_).get_metadata(schema::kSchemaVersionKey),
            schema::kSchemaVersion);
}

TEST(SchemaVersionTest, ADatabaseOfAnotherSchemaIsRefusedByName) {
  TempDir dir;
  const std::string db = dir / "old";
  {
    // What an index built before the key existed looks like.
    Xapian::WritableDatabase old(db, Xapian::DB_CREATE);
    Xapian::Document doc;
    doc.add_term("missiles");
    old.add_document(doc);
    old.commit();
  }
  std::unique_ptr<Searcher> searcher;
  const Status s = Searcher::Open({db}, &searcher);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find(db + ": built with index schema 1"),
            std::string::npos)
      << s.message();
  std::unique_ptr<IndexWriter> writer;
  const Status w = IndexWriter::Open(db, &writer);
  EXPECT_FALSE(w.ok());
  EXPECT_NE(w.message().find("index the articles again"), std::string::npos)
      << w.message();
  // An empty database of no version is fine: it gets this one.
  TempDir empty;
  Xapian::WritableDatabase(empty / "db", Xapian::DB_CREATE).commit();
  EXPECT_TRUE(IndexWriter::Open(empty / "db", &writer).ok());
}

std::map<std::string, std::string> Dump(const std::string& path) {
  return DumpDatabase(path);
}

TEST(ReindexTest, IndexingTwiceLeavesTheDatabaseUnchanged) {
  TempDir dir;
  const std::string db = dir / "db";
  IndexPaths(db, {TestData("articles")});
  const auto before = Dump(db);
  const Xapian::docid last = Xapian::Database(db).get_lastdocid();
  // The same files again, forced (not skipped as unchanged), one of them
  // named twice by two paths.
  IndexSummary s = IndexPaths(
      db, {TestData("articles"), TestData("articles/../articles/hockey.txt")},
      nullptr, /*force=*/true);
  EXPECT_EQ(s.indexed, 5u);
  EXPECT_EQ(Dump(db), before);
  // And by default, skipped as unchanged.
  s = IndexPaths(db, {TestData("articles")});
  EXPECT_EQ(s.indexed, 0u);
  EXPECT_EQ(s.unchanged, 5u);
  EXPECT_EQ(Dump(db), before);
  EXPECT_EQ(Xapian::Database(db).get_lastdocid(), last);
  EXPECT_EQ(before.size(), 13u);
}

TEST(ReindexTest, ShorterArticleLeavesNoStalePassages) {
  TempDir dir;
  const std::string db = dir / "db", file = dir / "news/story.txt";
  WriteFile(file, "Title\n\nOne zebra.\n\nTwo zebras.\n\nThree zebras.\n");
  IndexPaths(db, {file});
  EXPECT_EQ(Ranked(db, "zebra"), (Ids{"story#0", "story#1", "story#2"}));
  WriteFile(file, "Title\n\nOnly one zebra now.\n");
  IndexPaths(db, {dir / "news"});
  EXPECT_EQ(Ranked(db, "zebra"), (Ids{"story#0"}));
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 1u);
  EXPECT_EQ(Xapian::Database(db).get_termfreq(
                schema::ArticleTerm(ArticleIdForSource(file))),
            1u);
}

// Indexes the sample corpus and the test articles into `db` with
// `options` (its inputs and db_path are set here).
IndexSummary IndexSamples(const std::string& db, IndexOptions options) {
  options.inputs = {BYLINE_CORPUS_DIR, TestData("articles")};
  options.db_path = db;
  RecordingReporter reporter;
  IndexSummary summary;
  const Status s = RunIndex(options, reporter, &summary);
  EXPECT_TRUE(s.ok()) << s.message();
  return summary;
}

TEST(ReindexTest, ThreadCountDoesNotChangeTheDatabase) {
  TempDir dir;
  IndexOptions options;
  options.jobs = 1;
  IndexSamples(dir / "one", options);
  options.jobs = 3;
  EXPECT_GT(IndexSamples(dir / "three", options).entities, 0u);
  EXPECT_EQ(Dump(dir / "one"), Dump(dir / "three"));
}

TEST(CommitBatchTest, GrowsWithTheDatabaseWithinBounds) {
  EXPECT_EQ(CommitBatch(0), 1000u);
  EXPECT_EQ(CommitBatch(16000), 1000u);
  EXPECT_EQ(CommitBatch(160000), 10000u);
  EXPECT_EQ(CommitBatch(320000), 20000u);
  EXPECT_EQ(CommitBatch(50000000), 20000u);
}

TEST(CommitBatchTest, BatchSizeDoesNotChangeTheDatabase) {
  TempDir dir;
  IndexOptions options;
  options.commit_every = 1;  // a commit after every article
  IndexSamples(dir / "every", options);
  options.commit_every = 0;
  EXPECT_GT(IndexSamples(dir / "default", options).passages, 20u);
  EXPECT_EQ(Dump(dir / "every"), Dump(dir / "default"));
}

TEST(BadInputTest, EachBadFileIsReportedAndTheRestIndexed) {
  TempDir dir;
  RecordingReporter reporter;
  const std::string bad = TestData("bad");
  const IndexSummary s =
      IndexPaths(dir / "db", {bad, dir / "missing.txt"}, &reporter);
  EXPECT_EQ(reporter.skipped,
            (Ids{dir / "missing.txt: No such file or directory",
                 bad + "/binary.txt: binary file (NUL byte at byte 4)",
                 bad + "/blank.txt: no text (only whitespace)",
                 bad + "/empty.txt: empty file",
                 bad + "/latin1.txt: not UTF-8 text (12 invalid sequences, "
                       "the first at byte 3)"}));
  EXPECT_EQ(reporter.warnings,
            (Ids{bad + "/one-bad-byte.txt: byte 75: invalid UTF-8 (1 "
                       "sequences) replaced with U+FFFD"}));
  EXPECT_EQ(s.indexed, 2u);
  EXPECT_EQ(s.skipped, 5u);
  EXPECT_EQ(s.repaired, 1u);
  EXPECT_EQ(Ranked(dir / "db", "ferry"), (Ids{"good#0", "one-bad-byte#0"}));
}

}  // namespace
}  // namespace byline::testing

namespace byline::testing {
namespace {

TEST(JsonlIndexTest, ArticlesFromLinesWithTheirMetadataGzipToo) {
  TempDir dir;
  RecordingReporter reporter;
  const std::string db = dir / "db";
  const std::string jsonl = TestData("jsonl");
  const IndexSummary s = IndexPaths(db, {jsonl}, &reporter);
  EXPECT_EQ(s.files, 2u);
  EXPECT_EQ(s.indexed, 6u);  // 3 good lines in each of the two files
  EXPECT_EQ(reporter.skipped,
            (Ids{jsonl + "/export-copy.jsonl.gz: line 3: not valid JSON",
                 jsonl + "/export.jsonl: line 3: not valid JSON"}));
  SearchOptions options;
  options.query = "tram ferry";
  options.all_copies = true;  // the two files hold the same articles
  const SearchResults r = SearchDb(db, options);
  ASSERT_GE(r.hits.size(), 2u);
  EXPECT_EQ(HitIds(r)[0], "export-copy.jsonl#1");
  const Hit& h = r.hits[1];
  EXPECT_EQ(h.source, jsonl + "/export.jsonl");
  EXPECT_EQ(h.record, "line 1");
  EXPECT_EQ(h.title, "Tram line to the harbour opens");
  EXPECT_EQ(h.url, "https://news.example/tram");
  EXPECT_EQ(h.published, "2024-05-04T08:00:00Z");
  EXPECT_EQ(h.author, "Ines Castro");
  EXPECT_EQ(h.passage, 1u);
}

TEST(JsonlIndexTest, ALineThatMovesKeepsItsArticleById) {
  TempDir dir;
  const std::string db = dir / "db", file = dir / "feed.jsonl";
  WriteFile(file,
            "{\"id\": \"1\", \"title\": \"Zebra crossing\", \"text\": \"Old.\"}\n");
  IndexPaths(db, {file});
  WriteFile(file,
            "{\"id\": \"0\", \"title\": \"New first line\", \"text\": \"Hi.\"}\n"
            "{\"id\": \"1\", \"title\": \"Zebra crossing\", \"text\": \"New.\"}\n");
  IndexPaths(db, {file});
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 2u);
  SearchOptions options;
  options.query = "zebra";
  const SearchResults r = SearchDb(db, options);
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].text, "New.");
  EXPECT_EQ(r.hits[0].record, "line 2");
}

}  // namespace
}  // namespace byline::testing

namespace byline::testing {
namespace {

TEST(IncrementalTest, UnchangedFilesAreSkippedChangedOnesReindexed) {
  TempDir dir;
  const std::string db = dir / "db", a = dir / "in/a.txt", b = dir / "in/b.txt";
  WriteFile(a, "Alpha\n\nThe first zebra.\n");
  WriteFile(b, "Beta\n\nThe second zebra.\n");
  EXPECT_EQ(IndexPaths(db, {dir / "in"}).indexed, 2u);

  IndexSummary again = IndexPaths(db, {dir / "in"});
  EXPECT_EQ(again.indexed, 0u);
  EXPECT_EQ(again.unchanged, 2u);

  // Same bytes, new mtime: still unchanged (by content).
  std::filesystem::last_write_time(
      a, std::filesystem::last_write_time(a) + std::chrono::seconds(5));
  again = IndexPaths(db, {dir / "in"});
  EXPECT_EQ(again.unchanged, 2u);

  WriteFile(b, "Beta\n\nThe second zebra, now longer.\n");
  again = IndexPaths(db, {dir / "in"});
  EXPECT_EQ(again.indexed, 1u);
  EXPECT_EQ(again.unchanged, 1u);
  SearchOptions options;
  options.query = "longer";
  EXPECT_EQ(HitIds(SearchDb(db, options)), (Ids{"b#0"}));
}

using Ids = std::vector<std::string>;

TEST(IncrementalTest, ArticlesThatLeaveAFileAreRemoved) {
  TempDir dir;
  const std::string db = dir / "db", file = dir / "feed.jsonl";
  WriteFile(file,
            "{\"id\": \"1\", \"title\": \"Zebra one\", \"text\": \"A.\"}\n"
            "{\"id\": \"2\", \"title\": \"Zebra two\", \"text\": \"B.\"}\n");
  IndexPaths(db, {file});
  WriteFile(file, "{\"id\": \"2\", \"title\": \"Zebra two\", \"text\": \"B.\"}\n");
  IndexPaths(db, {file});
  SearchOptions options;
  options.query = "zebra";
  const SearchResults r = SearchDb(db, options);
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].title, "Zebra two");
}

TEST(IncrementalTest, PruneRemovesFilesThatAreGone) {
  TempDir dir;
  const std::string db = dir / "db";
  WriteFile(dir / "in/keep.txt", "Keep\n\nA quagga stays.\n");
  WriteFile(dir / "in/gone.txt", "Gone\n\nA quagga leaves.\n");
  WriteFile(dir / "other/elsewhere.txt", "Elsewhere\n\nA quagga far away.\n");
  IndexPaths(db, {dir / "in", dir / "other"});
  std::filesystem::remove(dir / "in/gone.txt");
  std::filesystem::remove(dir / "other/elsewhere.txt");
  // Without --prune nothing goes; with it, only what was under the paths
  // given.
  IndexOptions options;
  options.db_path = db;
  options.inputs = {dir / "in"};
  RecordingReporter reporter;
  IndexSummary summary;
  ASSERT_TRUE(RunIndex(options, reporter, &summary).ok());
  EXPECT_EQ(summary.pruned, 0u);
  EXPECT_EQ(Ranked(db, "quagga").size(), 3u);
  options.prune = true;
  ASSERT_TRUE(RunIndex(options, reporter, &summary).ok());
  EXPECT_EQ(summary.pruned, 1u);
  EXPECT_EQ(summary.unchanged, 1u);
  std::vector<std::string> left = Ranked(db, "quagga");
  std::sort(left.begin(), left.end());
  EXPECT_EQ(left, (Ids{"elsewhere#0", "keep#0"}));
}

}  // namespace
}  // namespace byline::testing

namespace byline::testing {
namespace {

// What `kill -9` during the creation of a database leaves (table files, no
// revision file) is started afresh; a directory with anything else in it
// is never emptied.
TEST(CrashRecoveryTest, UnfinishedDatabaseCreationIsStartedAfresh) {
  TempDir dir;
  const std::string db = dir / "db";
  for (const char* name : {"flintlock", "postlist.glass", "termlist.glass",
                           "v.tmp"}) {
    WriteFile(db + "/" + name, "");
  }
  EXPECT_EQ(IndexPaths(db, {TestData("articles")}).indexed, 5u);
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 13u);

  const std::string other = dir / "other";
  WriteFile(other + "/postlist.glass", "");
  WriteFile(other + "/notes.txt", "mine");
  RecordingReporter reporter;
  IndexOptions options;
  options.db_path = other;
  options.inputs = {TestData("articles")};
  IndexSummary summary;
  EXPECT_FALSE(RunIndex(options, reporter, &summary).ok());
  EXPECT_EQ(ReadFile(other + "/notes.txt"), "mine");
}

TEST(HtmlLimitsTest, DeepOrAttributeHeavyPagesAreSkippedAndNamed) {
  TempDir dir;
  std::string deep = "<html><body>";
  for (int i = 0; i < 6000; ++i) deep += "<div>";
  deep += "<p>Deep text about the harbour ferry.</p>";
  WriteFile(dir / "deep.html", deep);
  std::string wide = "<html><body><p";
  for (int i = 0; i < 1500; ++i) wide += " data-" + std::to_string(i) + "=x";
  wide += ">Wide text about the harbour ferry.</p></body></html>";
  WriteFile(dir / "wide.html", wide);
  WriteFile(dir / "fine.html",
            "<html><head><title>Ferry news</title></head><body><article>"
            "<p>The harbour ferry runs again after the strike ended on "
            "Friday, the operator said.</p></article></body></html>");
  RecordingReporter reporter;
  const IndexSummary s = IndexPaths(dir / "db", {dir.path()}, &reporter);
  EXPECT_EQ(s.indexed, 1u);
  ASSERT_EQ(reporter.skipped.size(), 2u);
  EXPECT_NE(reporter.skipped[0].find(
                "deep.html: HTML elements nested 6000 deep, more than the "
                "limit of 5000 (--max-html-depth)"),
            std::string::npos)
      << reporter.skipped[0];
  EXPECT_NE(reporter.skipped[1].find(
                "wide.html: an HTML tag with 1500 attributes, more than the "
                "limit of 1000 (--max-html-attributes)"),
            std::string::npos)
      << reporter.skipped[1];
}

// A JSON line nested deeper than --max-json-depth is skipped and named; an
// article of more passages than --max-passages keeps its first ones, and
// the warning names it.
TEST(RecordLimitsTest, DeepJsonSkippedAndLongArticlesCut) {
  TempDir dir;
  const auto nested = [](int levels) {
    return std::string(levels, '[') + std::string(levels, ']');
  };
  // The object is one level, the array 99 more: 100 in all, the limit.
  WriteFile(dir / "wire.jsonl",
            R"({"id": "a", "title": "Ferry", "text": "The ferry sails.", )"
            R"("x": )" + nested(99) + "}\n" +
            R"({"id": "b", "title": "Ferry", "text": "The ferry sails.", )"
            R"("x": )" + nested(100) + "}\n" +
            R"({"id": "c", "title": "Ferry", "text": "The ferry sails."})"
            "\n");
  std::string book = "A very long article\n\n";
  for (int i = 0; i < 30; ++i) {
    // A word of its own in each paragraph: "qxa", "qxb", ...
    book += "Paragraph qx" + std::string(1, static_cast<char>('a' + i)) +
            " says the harbour ferry runs again.\n\n";
  }
  WriteFile(dir / "book.txt", book);
  IndexOptions options;
  options.db_path = dir / "db";
  options.inputs = {dir.path()};
  options.split.min_words = 0;  // a passage a paragraph
  options.max_passages = 12;
  RecordingReporter reporter;
  IndexSummary summary;
  ASSERT_TRUE(RunIndex(options, reporter, &summary).ok());
  EXPECT_EQ(summary.indexed, 3u);  // a, c and the book
  ASSERT_EQ(reporter.skipped.size(), 1u);
  EXPECT_NE(reporter.skipped[0].find("wire.jsonl: line 2: JSON nested deeper "
                                     "than 100 levels (--max-json-depth)"),
            std::string::npos)
      << reporter.skipped[0];
  ASSERT_EQ(reporter.warnings.size(), 1u);
  EXPECT_NE(reporter.warnings[0].find(
                "book.txt: an article of 30 passages: the first 12 indexed, "
                "the rest left out (--max-passages)"),
            std::string::npos)
      << reporter.warnings[0];
  const Xapian::Database db(options.db_path);
  EXPECT_EQ(db.get_doccount(), 2u + 12u);
  // The passages kept are the first: paragraphs 0 to 11 (words are
  // indexed stemmed, with prefix Z).
  EXPECT_TRUE(db.term_exists("Zqxa"));
  EXPECT_TRUE(db.term_exists("Zqxl"));
  EXPECT_FALSE(db.term_exists("Zqxm"));
}

// A wildcard expands to at most kMaxWildcardExpansion words, the most
// frequent ones: 1,200 words share a prefix, the first 1,000 in two
// passages each, the other 200 in one.
TEST(WildcardLimitTest, ExpandsToTheMostFrequentThousandWords) {
  ASSERT_EQ(kMaxWildcardExpansion, 1000u);
  TempDir dir;
  std::string lines;
  int id = 0;
  const auto word = [](int n) {
    std::string w = "wq";
    for (int k = 0; k < 3; ++k, n /= 26) w += static_cast<char>('a' + n % 26);
    return w;
  };
  for (int n = 0; n < 1200; ++n) {
    for (int copy = 0; copy < (n < 1000 ? 2 : 1); ++copy) {
      lines += R"({"id": ")" + std::to_string(id++) +
               R"(", "title": "Notes", "text": "The clerk wrote )" + word(n) +
               R"( in the ledger."})" + "\n";
    }
  }
  WriteFile(dir / "words.jsonl", lines);
  IndexOptions options;
  options.db_path = dir / "db";
  options.inputs = {dir / "words.jsonl"};
  options.entities = false;
  RecordingReporter reporter;
  IndexSummary summary;
  ASSERT_TRUE(RunIndex(options, reporter, &summary).ok());
  ASSERT_EQ(summary.passages, 2200u);

  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open({options.db_path}, &searcher).ok());
  SearchOptions search;
  search.query = "wq*";
  SearchResults r;
  ASSERT_TRUE(searcher->Search(search, &r).ok());
  // Every passage of the 1,000 words in two passages; none of the rest.
  EXPECT_EQ(r.matches_lower_bound, 2000u);
  EXPECT_EQ(r.matches_upper_bound, 2000u);
  // A word the expansion left out is still found on its own.
  search.query = word(1100);
  ASSERT_TRUE(searcher->Search(search, &r).ok());
  EXPECT_EQ(r.matches_upper_bound, 1u);
}

}  // namespace
}  // namespace byline::testing
