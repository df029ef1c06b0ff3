// byline-search --serve as a user runs it: the real program on a loopback
// port, asked by a real HTTP client, stopped by SIGTERM.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "support/test_support.h"

namespace byline::testing {
namespace {

TEST(ServeCliTest, ServesUntilTerminated) {
  TempDir dir;
  const std::string db = dir / "db";
  const RunResult index =
      testing::Run({BinPath("byline-index"), "--db", db, CorpusPath("txt")});
  ASSERT_EQ(index.exit_code, 0) << index.err;
  const pid_t pid =
      SpawnTo({BinPath("byline-search"), "--db", db, "--serve", "--listen",
               "127.0.0.1:0", "--workers", "2", "--facets", "person"},
              dir / "out", dir / "err");
  // The program names the port it took once it listens.
  const std::regex serving(
      "serving 1 database on http://127\\.0\\.0\\.1:([0-9]+)/");
  std::smatch m;
  std::string err;
  for (int i = 0; i < 500; ++i) {
    err = ReadFile(dir / "err");
    if (std::regex_search(err, m, serving)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_TRUE(std::regex_search(err, m, serving)) << err;
  const int port = std::stoi(m[1]);

  httplib::Client client("127.0.0.1", port);
  client.set_url_encode(false);
  const auto health = client.Get("/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  const auto r = client.Get("/search?q=Stoltenberg&limit=2");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  const nlohmann::json body = nlohmann::json::parse(r->body);
  EXPECT_EQ(body["hits"].size(), 2u);
  // Answers are JSON, with byte offsets, whatever --format the program got.
  EXPECT_FALSE(body["hits"][0]["highlights"].empty()) << r->body;
  // --facets person on the command line is the server's default.
  EXPECT_TRUE(body["facets"].contains("person"));
  EXPECT_FALSE(body["facets"].contains("place"));

  ASSERT_EQ(::kill(pid, SIGTERM), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_NE(ReadFile(dir / "err").find("byline-search: stopped"),
            std::string::npos);
}

TEST(ServeCliTest, UsageErrors) {
  TempDir dir;
  const std::string db = dir / "db";
  ASSERT_EQ(testing::Run({BinPath("byline-index"), "--db", db,
                 CorpusPath("txt/snb-rate-cut-zero.txt")})
                .exit_code,
            0);
  RunResult r = testing::Run({BinPath("byline-search"), "--db", db, "--serve", "nato"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--serve takes no QUERY"), std::string::npos) << r.err;
  r = testing::Run({BinPath("byline-search"), "--db", db, "--serve", "--listen",
           "localhost"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--listen must be HOST:PORT"), std::string::npos)
      << r.err;
  r = testing::Run({BinPath("byline-search"), "--db", db, "--serve", "--listen",
           "127.0.0.1:99999"});
  EXPECT_EQ(r.exit_code, 2);
  r = testing::Run({BinPath("byline-search"), "--db", dir / "missing", "--serve"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(dir / "missing"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace byline::testing
