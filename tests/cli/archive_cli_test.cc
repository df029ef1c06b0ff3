// One large web-archive file, as a crawler writes it (wget against a
// loopback server): a run killed inside it goes on, in the next run, from
// its last commit, reads none of the committed records again, and ends with
// the same passages as a run never interrupted. And a WARC file with no page
// in it is named.
#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "byline/article.h"
#include "byline/index/warc_reader.h"
#include "support/loopback_server.h"
#include "support/test_support.h"

namespace byline::testing {
namespace {
namespace fs = std::filesystem;

// A news site of `pages` articles and an index page linking them all.
void WriteSite(const std::string& dir, int pages) {
  const char* const people[] = {"Anna Kowal", "Piotr Zielny", "Marta Brandt",
                                "Jonas Ekberg", "Leila Haddad"};
  const char* const places[] = {"Gdańsk", "Tromsø", "Valletta", "Porto"};
  const char* const words[] = {"harbour", "council", "budget",   "ferry",
                               "strike",  "museum",  "election", "bridge"};
  std::string index =
      "<!doctype html><html><head><title>Front page</title>"
      "</head><body><ul>";
  for (int n = 0; n < pages; ++n) {
    std::string body;
    for (int p = 0; p < 3; ++p) {
      const int k = n * 5 + p;
      body += "<p>" + std::string(people[k % 5]) + " said the " + words[k % 8] +
              " in " + places[k % 4] + " would reopen after " + "the vote on " +
              std::to_string(1 + k % 28) + " March 2024, " + "item " +
              std::to_string(n) + " of the " + words[(k / 3) % 8] +
              " plan.</p>";
    }
    WriteFile(dir + "/story" + std::to_string(n) + ".html",
              "<!doctype html><html><head><title>Story " + std::to_string(n) +
                  "</title></head><body><nav><a href=\"/\">Home</a></nav>"
                  "<article><h1>Story " +
                  std::to_string(n) + "</h1>" + body +
                  "</article><footer>Cookies and terms</footer></body></html>");
    index += "<li><a href=\"/story" + std::to_string(n) + ".html\">Story " +
             std::to_string(n) + "</a></li>";
  }
  WriteFile(dir + "/index.html", index + "</ul></body></html>");
}

// Crawls the site with wget into `prefix`.warc.gz.
void Crawl(const std::string& site, const std::string& prefix,
           const std::string& mirror) {
  LoopbackServer server(site);
  const RunResult wget =
      testing::Run({"/usr/bin/wget", "--no-verbose", "--recursive", "--level=1",
                    "--no-parent", "--tries=1", "--timeout=10",
                    "--directory-prefix", mirror, "--warc-file", prefix,
                    "http://127.0.0.1:" + std::to_string(server.port()) + "/"});
  ASSERT_EQ(wget.exit_code, 0) << wget.err;
}

std::vector<std::string> IndexArgs(const std::string& db,
                                   const std::string& warc) {
  return {BinPath("byline-index"),
          "--db",
          db,
          "--commit-every",
          "12",
          "--jobs",
          "2",
          "-q",
          warc};
}

// The database's state of the file `warc` (docs/schema.md, "File states").
nlohmann::json FileState(const std::string& db, const std::string& warc) {
  const std::string key =
      "F" + ArticleIdForSource(fs::weakly_canonical(warc).string());
  const std::string value = Xapian::Database(db).get_metadata(key);
  return value.empty() ? nlohmann::json() : nlohmann::json::parse(value);
}

// Offsets of the records in the WARC file at or after byte `from`.
std::vector<size_t> RecordOffsets(const std::string& warc, size_t from) {
  const std::string bytes = ReadFile(warc);
  std::vector<size_t> offsets;
  ReadWarc(
      bytes, 1 << 26, [&](WarcRecord&& r) { offsets.push_back(r.offset); },
      [](size_t, const Status&) {}, from);
  return offsets;
}

std::string Dump(const std::string& db) {
  std::string out;
  for (const auto& [q, body] : DumpDatabase(db, /*docids=*/false)) {
    out += q + " " + body + "\n";
  }
  return out;
}

TEST(ResumeTest, KilledInsideOneWarcGoesOnFromItsLastCommit) {
  TempDir dir;
  WriteSite(dir / "site", 150);
  Crawl(dir / "site", dir / "crawl", dir / "mirror");
  const std::string warc = dir / "crawl.warc.gz";
  const std::string bytes = ReadFile(warc);
  const size_t total_records = RecordOffsets(warc, 0).size();
  ASSERT_GT(total_records, 300u);  // requests, responses, metadata

  const RunResult clean = testing::Run(IndexArgs(dir / "clean", warc));
  ASSERT_EQ(clean.exit_code, 0) << clean.err;
  const std::string expected = Dump(dir / "clean");

  // Three runs, each killed right after its second commit: each goes on
  // from where the one before committed.
  const std::string db = dir / "db";
  uint64_t last = 0;
  ::setenv("BYLINE_TEST_KILL_AFTER_COMMIT", "2", 1);
  for (int run = 0; run < 3; ++run) {
    const RunResult killed = testing::Run(IndexArgs(db, warc));
    EXPECT_EQ(killed.exit_code, -1) << "run " << run << " was not killed";
    const nlohmann::json st = FileState(db, warc);
    ASSERT_TRUE(st.is_object()) << "run " << run;
    EXPECT_FALSE(st.value("complete", true));
    const uint64_t raw = st["resume"]["raw"].get<uint64_t>();
    EXPECT_GT(raw, last) << "run " << run << " made no progress";
    // Records of a .warc.gz start where a gzip member does.
    EXPECT_EQ(bytes.substr(raw, 2), "\x1f\x8b") << raw;
    EXPECT_EQ(st["resume"]["skip"].get<uint64_t>(), 0u);
    last = raw;
  }
  ::unsetenv("BYLINE_TEST_KILL_AFTER_COMMIT");

  // The last run reads only the records after the last commit.
  const std::string stats = dir / "stats.json";
  std::vector<std::string> args = IndexArgs(db, warc);
  args.insert(args.end() - 1, {"--stats-json", stats});
  const RunResult rerun = testing::Run(args);
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  const nlohmann::json s = nlohmann::json::parse(ReadFile(stats));
  EXPECT_EQ(s["records"].get<size_t>(), RecordOffsets(warc, last).size());
  EXPECT_LT(s["records"].get<size_t>(), total_records);
  EXPECT_EQ(s["resumed"].get<size_t>(), 1u);
  EXPECT_TRUE(FileState(db, warc).value("complete", false));
  EXPECT_EQ(Dump(db), expected);

  // And the run after that has nothing to do.
  const RunResult noop =
      testing::Run({BinPath("byline-index"), "--db", db, warc});
  EXPECT_NE(noop.err.find("unchanged 1"), std::string::npos) << noop.err;
}

TEST(NoPagesTest, AWarcWithoutPagesIsNamed) {
  TempDir dir;
  const std::string info = "software: test\r\n";
  const std::string request = "GET / HTTP/1.1\r\nHost: example.org\r\n\r\n";
  const std::string warc =
      Compress(
          "WARC/1.1\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:1>"
          "\r\nContent-Length: " +
          std::to_string(info.size()) + "\r\n\r\n" + info + "\r\n\r\n") +
      Compress(
          "WARC/1.1\r\nWARC-Type: request\r\nWARC-Target-URI: "
          "http://example.org/\r\nWARC-Record-ID: <urn:uuid:2>\r\n"
          "Content-Type: application/http; msgtype=request\r\n"
          "Content-Length: " +
          std::to_string(request.size()) + "\r\n\r\n" + request + "\r\n\r\n");
  WriteFile(dir / "empty.warc.gz", warc);
  WriteFile(dir / "story.txt", "Quay\n\nThe pelican returned.\n");
  const RunResult r = testing::Run({BinPath("byline-index"), "--db", dir / "db",
                                    dir / "empty.warc.gz", dir / "story.txt"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("byline-index: " + dir / "empty.warc.gz" +
                       ": no HTML or text pages in this WARC file (skipped)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("indexed 1 articles from 1 files"), std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace byline::testing
