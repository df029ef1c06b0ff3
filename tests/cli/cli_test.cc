// Runs the built byline-index and byline-search programs and checks exit
// codes, messages and output formats.
#include <gtest/gtest.h>
#include <xapian.h>

#include <nlohmann/json.hpp>
#include <algorithm>
#include <regex>
#include <sstream>

#include "byline/text.h"
#include "support/test_support.h"

namespace byline::testing {
namespace {

RunResult Index(const std::vector<std::string>& args) {
  std::vector<std::string> argv{BinPath("byline-index")};
  argv.insert(argv.end(), args.begin(), args.end());
  return Run(argv);
}

RunResult Search(const std::vector<std::string>& args) {
  std::vector<std::string> argv{BinPath("byline-search")};
  argv.insert(argv.end(), args.begin(), args.end());
  return Run(argv);
}

void ExpectHelpFitsIn80Columns(const std::string& help) {
  std::istringstream lines(help);
  std::string line;
  while (std::getline(lines, line)) {
    EXPECT_LE(line.size(), 80u) << line;
    EXPECT_TRUE(line.empty() || line.back() != ' ') << "trailing space: " << line;
  }
}

TEST(CliTest, HelpTeachesAndFits) {
  const RunResult index = Index({"--help"});
  EXPECT_EQ(index.exit_code, 0);
  EXPECT_EQ(index.out.rfind("byline-index - index news articles", 0), 0u);
  EXPECT_NE(index.out.find("Usage: byline-index --db DIR [options] PATH..."),
            std::string::npos);
  EXPECT_NE(index.out.find("--max-words N (=250)"), std::string::npos);
  ExpectHelpFitsIn80Columns(index.out);
  const RunResult search = Search({"--help"});
  EXPECT_EQ(search.exit_code, 0);
  EXPECT_NE(search.out.find("Usage: byline-search --db DIR [options] QUERY..."),
            std::string::npos);
  EXPECT_NE(search.out.find("--per-article N (=0)"), std::string::npos);
  ExpectHelpFitsIn80Columns(search.out);
}

// docs/cli/*.md must show the programs' real --help text.
TEST(CliTest, DocsShowTheRealHelp) {
  for (const std::string program : {"byline-index", "byline-search"}) {
    const std::string doc =
        ReadFile(std::string(BYLINE_SOURCE_DIR) + "/docs/cli/" + program + ".md");
    const RunResult help = testing::Run({BinPath(program), "--help"});
    EXPECT_NE(doc.find("```\n" + help.out + "```\n"), std::string::npos)
        << "docs/cli/" << program << ".md does not show the current --help";
  }
}

TEST(CliTest, UsageErrorsExitTwoWithTheProgramName) {
  RunResult r = Index({"corpus"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("byline-index: --db DIR is required\n", 0), 0u);
  r = Index({"--db", "x", "--no-such-option", "y"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("byline-index: unrecognised option '--no-such-option'",
                        0),
            0u)
      << r.err;
  r = Search({"--db", "x"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("byline-search: no QUERY given\n", 0), 0u);
  r = Search({"--db", "x", "--format", "xml", "q"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("byline-search: --format must be text, json, jsonl or "
                        "csv, not 'xml'\n",
                        0),
            0u);
  r = Search({"--db", "x", "--limit", "ten", "q"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("byline-search: ", 0), 0u);
}

class IndexedCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Without entities, so scores and output do not depend on the model;
    // a passage per paragraph, as the cases are written (the articles'
    // paragraphs are short: by default they would be joined, which
    // ShortParagraphsAreJoinedByDefault checks).
    const RunResult r = Index({"--db", db_, "--no-entities", "--min-words",
                               "0", TestData("articles")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(std::regex_match(
        r.err, std::regex("byline-index: indexed 5 articles from 5 files "
                          "\\(13 passages, "
                          "0 entities, 0\\.00 MB\\), unchanged 0, skipped 0 "
                          "in "
                          "[0-9]+\\.[0-9]{2} s\n")))
        << r.err;
    EXPECT_EQ(r.out, "");
  }
  TempDir dir_;
  std::string db_ = dir_ / "db";
};

// Search arguments are checked: numbers in range, weights finite, dates
// real, queries bounded. Each error exits 2 and says what is allowed.
TEST_F(IndexedCliTest, SearchArgumentsOutOfRangeAreUsageErrors) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--limit", "-1"}, "--limit must be from 0 to 100000, not -1"},
      {{"--limit", "4294967296"}, "--limit must be from 0 to 100000"},
      {{"--offset", "-1"}, "--offset must be from 0 to 10000000, not -1"},
      {{"--per-article", "-1"}, "--per-article must be from 0 to 10000"},
      {{"--facet-limit", "-3"}, "--facet-limit must be from 0 to 10000"},
      {{"--entity-boost", "nan"}, "--entity-boost must be a number from 0 "
                                  "to 100, not nan"},
      {{"--entity-boost", "-0.5"}, "--entity-boost must be a number"},
      {{"--title-weight", "inf"}, "--title-weight must be a number"},
      {{"--bm25-b", "1.5"}, "--bm25-b must be a number from 0 to 1"},
      {{"--bm25-k1", "-1"}, "--bm25-k1 must be a number"},
      {{"--limit", "ten"}, "the argument ('ten') for option '--limit' is "
                           "invalid"},
  };
  for (const auto& [args, message] : cases) {
    std::vector<std::string> argv{"--db", db_};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.push_back("harbour");
    const RunResult r = Search(argv);
    EXPECT_EQ(r.exit_code, 2) << args[0] << " " << args[1];
    EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
  }
}

TEST_F(IndexedCliTest, BadDatesAndOversizedQueriesAreErrors) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"date:2024-13-45..2024-99-99",
       "'2024-13-45' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"},
      {"date:2023-02-29", "'2023-02-29' is not a date"},
      {"harbour date:2024-07..2024-06",
       "the date range 2024-07..2024-06 is empty"},
      {"mentioned:July", "'July' is not a date"},
      // A bad date in a negated group under a pure NOT: Xapian's parser
      // crashed on the empty query the filter gave (found by fuzz_query).
      {"-u -(-date:x)", "'x' is not a date"},
      {"-u -(-mentioned:x", "'x' is not a date"},
      {std::string(9000, 'a'), "the query is 9000 bytes; at most 8192"},
  };
  for (const auto& [query, message] : cases) {
    const RunResult r = Search({"--db", db_, "--", query});
    EXPECT_EQ(r.exit_code, 2) << query.substr(0, 40);
    EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
  }
  std::string many;
  for (int i = 0; i < 300; ++i) {
    many += "a";
    many += std::to_string(i);
    many += "* ";
  }
  RunResult r = Search({"--db", db_, many});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("the query has 300 words; at most 256"),
            std::string::npos)
      << r.err;
  r = Search({"--db", db_, "--filter", "date:2024-02-30", "harbour"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad filter 'date:2024-02-30': '2024-02-30' is not a "
                       "date"),
            std::string::npos)
      << r.err;
  // Real dates and ranges still work: a leap day, an open range, a range
  // that ends at a coarser level than it starts.
  for (const std::string ok : {"harbour date:2024-02-29", "harbour date:2020..",
                               "harbour date:2024-07-15..2024-07",
                               "harbour mentioned:--02-29"}) {
    r = Search({"--db", db_, ok});
    EXPECT_NE(r.exit_code, 2) << ok << ": " << r.err;
  }
}

TEST(CliJoinTest, ShortParagraphsAreJoinedByDefault) {
  // The test articles' paragraphs are a sentence or two each: by default
  // an article's short paragraphs make one passage, which keeps the text
  // between them (the blank lines) so that it is still a range of the
  // article.
  TempDir dir;
  const std::string db = dir / "db";
  RunResult r = Index({"--db", db, "--no-entities", TestData("articles")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("indexed 5 articles from 5 files (5 passages,"),
            std::string::npos)
      << r.err;
  r = Search({"--db", db, "--format", "json", "ferry"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc["hits"].size(), 1u);
  const auto& hit = doc["hits"][0];
  EXPECT_EQ(hit["passage"], 0);
  const std::string text = hit["text"];
  EXPECT_EQ(text.rfind("The Kestrel Bridge over the harbour reopened", 0), 0u);
  EXPECT_NE(text.find("repairs.\n\nEngineers replaced"), std::string::npos);
  EXPECT_TRUE(text.ends_with("welcomed the news.")) << text;
  EXPECT_EQ(hit["end"].get<size_t>() - hit["start"].get<size_t>(),
            text.size());
}

TEST_F(IndexedCliTest, JsonOutputShape) {
  const RunResult r =
      Search({"--db", db_, "--format", "json", "--limit", "2", "harbour",
              "bridge"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  std::vector<std::string> keys;
  for (const auto& [k, v] : doc.items()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"facet_counts", "facets",
                                            "facets_exact", "hits",
                                            "matches_estimated", "query",
                                            "version"}));
  EXPECT_EQ(doc["version"], 1);
  EXPECT_EQ(doc["facet_counts"], "passages");
  EXPECT_EQ(doc["facets_exact"], true);
  std::vector<std::string> facet_types;
  for (const auto& [k, v] : doc["facets"].items()) facet_types.push_back(k);
  EXPECT_EQ(facet_types,
            (std::vector<std::string>{"date", "org", "person", "place"}));
  EXPECT_EQ(doc["query"], "harbour bridge");
  EXPECT_EQ(doc["matches_estimated"], 5);
  ASSERT_EQ(doc["hits"].size(), 2u);
  const auto& hit = doc["hits"][0];
  std::vector<std::string> hit_keys;
  for (const auto& [k, v] : hit.items()) hit_keys.push_back(k);
  EXPECT_EQ(hit_keys, (std::vector<std::string>{
                          "article_id", "copies", "copy_group", "end",
                          "entities", "highlights", "passage", "published",
                          "rank", "score", "snippet", "source", "start",
                          "text", "title", "url"}));
  EXPECT_TRUE(hit["entities"].is_array());
  EXPECT_EQ(hit["rank"], 1);
  EXPECT_TRUE(hit["score"].is_number_float());
  EXPECT_TRUE(std::regex_match(hit["article_id"].get<std::string>(),
                               std::regex("[0-9a-f]{16}")));
  EXPECT_EQ(hit["source"], TestData("articles/harbour.txt"));
  EXPECT_EQ(hit["title"], "Harbour bridge reopens after storm repairs");
  EXPECT_EQ(hit["passage"], 0);
  EXPECT_EQ(hit["text"],
            "The Kestrel Bridge over the harbour reopened on Monday after "
            "three weeks of repairs.");
  EXPECT_EQ(hit["snippet"],
            "The Kestrel <b>Bridge</b> over the <b>harbour</b> reopened on "
            "Monday after three weeks of repairs.");
  // Byte offsets of the matched words in "text": "Bridge", "harbour".
  EXPECT_EQ(hit["highlights"], nlohmann::json::parse("[[12, 18], [28, 35]]"));
  for (const auto& e : hit["entities"]) {
    ASSERT_TRUE(e["spans"].is_array()) << e;
    for (const auto& s : e["spans"]) {
      EXPECT_LT(s[0].get<size_t>(), s[1].get<size_t>());
      EXPECT_LE(s[1].get<size_t>(), hit["text"].get<std::string>().size());
    }
  }
  EXPECT_EQ(doc["hits"][1]["rank"], 2);
}

TEST_F(IndexedCliTest, JsonLinesAreAHitALineThenTheCounts) {
  const RunResult json = Search({"--db", db_, "--format", "json", "--limit",
                                 "3", "harbour", "bridge"});
  const RunResult r = Search({"--db", db_, "--format", "jsonl", "--limit",
                              "3", "harbour", "bridge"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(json.out);
  std::vector<nlohmann::json> lines;
  for (const std::string_view line : Split(r.out, '\n')) {
    if (!line.empty()) lines.push_back(nlohmann::json::parse(line));
  }
  // Each line is one JSON object on one line: three hits, then the rest.
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 4);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(lines[i]["version"], 1);
    EXPECT_EQ(lines[i]["hit"], doc["hits"][i]);  // the same hit objects
  }
  const auto& last = lines[3];
  EXPECT_EQ(last["version"], 1);
  EXPECT_EQ(last["query"], "harbour bridge");
  EXPECT_EQ(last["hits"], 3);
  EXPECT_EQ(last["matches_estimated"], doc["matches_estimated"]);
  EXPECT_EQ(last["facets"], doc["facets"]);
  EXPECT_EQ(last["facets_exact"], true);
}

TEST_F(IndexedCliTest, CsvIsAHeaderThenARowAHit) {
  const RunResult r = Search({"--db", db_, "--format", "csv", "--limit", "2",
                              "harbour", "bridge"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string_view> rows = Split(r.out, '\n');
  // A header and two rows, each ended by CRLF (RFC 4180).
  ASSERT_EQ(rows.size(), 3u) << r.out;
  EXPECT_TRUE(r.out.ends_with("\r\n"));
  EXPECT_EQ(rows[0],
            "rank,score,article_id,source,record,title,url,published,passage,"
            "start,end,snippet,entities\r");
  // The first hit: its title has no comma, its snippet (plain text) none
  // either; no URL or date in a plain-text article.
  const std::string row(rows[1]);
  EXPECT_TRUE(row.starts_with("1,")) << row;
  EXPECT_NE(row.find(",Harbour bridge reopens after storm repairs,,,0,"),
            std::string::npos)
      << row;
  EXPECT_NE(row.find("The Kestrel Bridge over the harbour reopened on Monday "
                     "after three weeks of repairs."),
            std::string::npos)
      << row;
  EXPECT_TRUE(std::string(rows[2]).starts_with("2,"));
}

TEST_F(IndexedCliTest, TextOutputIsReadable) {
  const RunResult r = Search(
      {"--db", db_, "--per-article", "1", "--color", "never", "--facets",
       "none", "ferry"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReplaceAll(r.out, TestData(""), "<data>/"),
            "1. **Harbour bridge reopens after storm repairs**\n"
            "   <data>/articles/harbour.txt  passage 2  score 2.397\n"
            "   **Ferry** operators, who carried extra passengers during the "
            "closure, welcomed the news.\n"
            "\n"
            "Passages 1-1 of 1 for \"ferry\".\n");
}

TEST_F(IndexedCliTest, NoHitsExitsOne) {
  const RunResult r = Search({"--db", db_, "zeppelin"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "No passages match \"zeppelin\".\n");
  const RunResult json = Search({"--db", db_, "--format", "json", "zeppelin"});
  EXPECT_EQ(json.exit_code, 1);
  EXPECT_EQ(nlohmann::json::parse(json.out)["hits"].size(), 0u);
}

TEST_F(IndexedCliTest, SecondIndexerGetsALockError) {
  Xapian::WritableDatabase holder(db_, Xapian::DB_OPEN);
  const RunResult r = Index({"--db", db_, TestData("articles")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "byline-index: " + db_ + ": database is locked by another indexer\n");
  // Searching while a writer holds the lock still works.
  EXPECT_EQ(Search({"--db", db_, "ferry"}).exit_code, 0);
}

TEST(CliExtractTest, PrintsArticlesPassagesAndEntitiesAsJsonLines) {
  const std::string file = TestData("entities/alliance.txt");
  const RunResult r = Index({"--extract", file});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  ASSERT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1);
  const auto a = nlohmann::ordered_json::parse(r.out);
  std::vector<std::string> keys;
  for (const auto& [k, v] : a.items()) keys.push_back(k);
  // "published" is there because the article has a dateline.
  EXPECT_EQ(keys, (std::vector<std::string>{"source", "article_id", "title",
                                            "published", "date", "text",
                                            "passages", "entities"}));
  EXPECT_EQ(a["published"], "2024-07-16");
  EXPECT_EQ(a["source"], file);
  EXPECT_EQ(a["title"], "Alliance chief rejects missile plan");
  EXPECT_EQ(a["date"], "2024-07-16");
  const std::string text = ReadFile(file);
  EXPECT_EQ(a["text"], text);  // valid UTF-8: the file, byte for byte
  // Its four short paragraphs (75 words) make one passage.
  EXPECT_EQ(a["passages"], nlohmann::ordered_json::parse(
                               R"([{"index":0,"start":37,"end":374}])"));
  std::vector<std::string> dates;
  for (const auto& e : a["entities"]) {
    const size_t start = e["start"], end = e["end"];
    EXPECT_EQ(text.substr(start, end - start), e["text"].get<std::string>());
    if (e["type"] == "date") {
      dates.push_back(e["name"].get<std::string>() + "@" +
                      e["passage"].dump());
    }
  }
  EXPECT_EQ(dates, (std::vector<std::string>{"2024-07-16@0", "2024-07-12@0"}));
}

TEST(CliExtractTest, ExtractTakesNoDatabase) {
  const RunResult r = Index({"--extract", "--db", "x", TestData("articles")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("byline-index: --extract writes no database: drop --db",
                        0),
            0u);
}

TEST(CliErrorTest, MissingModelIsAClearError) {
  TempDir dir;
  const RunResult r = Index({"--db", dir / "db", "--ner-model",
                             dir / "none.model", TestData("articles")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("byline-index: cannot load the NER model " +
                            (dir / "none.model") + ": ",
                        0),
            0u)
      << r.err;
}

TEST(CliIndexTest, StatsJsonAndNoProgressLineInAPipe) {
  TempDir dir;
  const RunResult r = Index({"--db", dir / "db", "--no-entities", "--stats-json",
                             dir / "stats.json", TestData("articles")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find('\r'), std::string::npos);  // no progress line
  const auto stats = nlohmann::json::parse(ReadFile(dir / "stats.json"));
  EXPECT_EQ(stats["indexed"], 5);
  EXPECT_EQ(stats["files"], 5);
  EXPECT_EQ(stats["passages"], 5);  // short paragraphs joined
  EXPECT_EQ(stats["unchanged"], 0);
  EXPECT_EQ(stats["skipped"], 0);
  EXPECT_EQ(stats["near_duplicates"], 0);
  EXPECT_TRUE(stats["seconds"].is_number());
  // A second run finds everything unchanged and still exits 0.
  const RunResult again = Index({"--db", dir / "db", "--no-entities",
                                 "--stats-json", dir / "stats.json",
                                 TestData("articles")});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(nlohmann::json::parse(ReadFile(dir / "stats.json"))["unchanged"], 5);
}

TEST(CliErrorTest, MissingDatabaseExitsTwo) {
  TempDir dir;
  const RunResult r = Search({"--db", dir / "nope", "ferry"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "byline-search: " + (dir / "nope") +
                       ": no Byline database here (run byline-index)\n");
}

TEST(CliErrorTest, BadInputsAreNamedSkippedAndSummarised) {
  TempDir dir;
  const std::string bad = TestData("bad");
  const RunResult r =
      Index({"--db", dir / "db", bad, dir / "missing.txt"});
  EXPECT_EQ(r.exit_code, 2);
  const std::string err =
      std::regex_replace(r.err, std::regex("[0-9]+ entities|in [0-9.]+ s"),
                         "N");
  EXPECT_EQ(err,
            "byline-index: " + (dir / "missing.txt") +
                ": No such file or directory (skipped)\n"
                "byline-index: " + bad + "/binary.txt: binary file (NUL byte "
                "at byte 4) (skipped)\n"
                "byline-index: " + bad + "/blank.txt: no text (only "
                "whitespace) (skipped)\n"
                "byline-index: " + bad + "/empty.txt: empty file (skipped)\n"
                "byline-index: " + bad + "/latin1.txt: not UTF-8 text (12 "
                "invalid sequences, the first at byte 3) (skipped)\n"
                "byline-index: " + bad + "/one-bad-byte.txt: byte 75: invalid "
                "UTF-8 (1 sequences) replaced with U+FFFD\n"
                "byline-index: indexed 2 articles from 2 files (2 passages, N, "
                "0.00 MB), unchanged 0, skipped 5, repaired 1 N\n");
  // What was good is searchable.
  EXPECT_EQ(Search({"--db", dir / "db", "ferry"}).exit_code, 0);
}

TEST(CliErrorTest, NothingToIndexExitsOne) {
  TempDir dir;
  WriteFile(dir / "in/notes.md", "not an article");
  const RunResult r = Index({"--db", dir / "db", "--quiet", dir / "in"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "byline-index: no input files found (directories are searched "
            "for .txt, .html, .jsonl, .warc, also .gz)\n");
}

}  // namespace
}  // namespace byline::testing
