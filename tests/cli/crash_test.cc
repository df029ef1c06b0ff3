// Kills byline-index with SIGKILL at several points of a run and checks what
// a crash may leave: a database that opens, holds whole articles exactly as
// a clean run writes them, and that a re-run completes to the same content
// as a run that was never interrupted.
#include <gtest/gtest.h>
#include <xapian.h>

#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "support/test_support.h"

namespace byline::testing {
namespace {

using Dump = std::map<std::string, std::string>;

// A corpus big enough that a run lasts many commits: plain-text articles
// with names in them, and one JSON Lines file whose articles span commits.
void WriteCorpus(const std::string& dir) {
  const char* const people[] = {"Anna Kowal", "Piotr Zielny", "Marta Brandt",
                                "Jonas Ekberg", "Leila Haddad"};
  const char* const places[] = {"Gdańsk", "Tromsø", "Valletta", "Porto"};
  const char* const words[] = {"harbour", "council", "budget", "ferry",
                               "strike", "museum", "election", "bridge",
                               "storm", "archive", "festival", "court"};
  auto paragraph = [&](int seed) {
    std::string p;
    for (int s = 0; s < 3; ++s) {
      const int k = seed * 7 + s * 13;
      p += std::string(people[k % 5]) + " said the " + words[k % 12] +
           " in " + places[k % 4] + " would reopen after the " +
           words[(k / 3) % 12] + " vote on " + std::to_string(1 + k % 28) +
           " March 2024. ";
    }
    return p;
  };
  for (int f = 0; f < 400; ++f) {
    std::string text = "Story " + std::to_string(f) + " from " +
                       places[f % 4] + "\n\n";
    for (int p = 0; p < 3 + f % 4; ++p) text += paragraph(f * 5 + p) + "\n\n";
    WriteFile(dir + "/txt/" + std::to_string(f / 100) + "/story" +
                  std::to_string(f) + ".txt",
              text);
  }
  std::string lines;
  for (int n = 0; n < 150; ++n) {
    lines += R"({"id": "wire-)" + std::to_string(n) +
             R"(", "title": "Wire item )" + std::to_string(n) +
             R"(", "text": ")" + paragraph(n + 1000) + "\\n\\n" +
             paragraph(n + 2000) + "\"}\n";
  }
  WriteFile(dir + "/wire.jsonl", lines);
}

std::vector<std::string> IndexArgs(const std::string& db,
                                   const std::string& corpus) {
  return {BinPath("byline-index"), "--db", db, "--commit-every", "9",
          "--jobs", "2", "-q", corpus};
}

// Documents in the database now, or 0 if it cannot be opened yet.
Xapian::doccount DocCount(const std::string& db) {
  try {
    return Xapian::Database(db).get_doccount();
  } catch (const Xapian::Error&) {
    return 0;
  }
}

// Runs the indexer and kills it once the database holds `docs` documents
// (0: right after it starts). True if it was killed before it finished.
bool RunAndKill(const std::string& db, const std::string& corpus,
                Xapian::doccount docs) {
  const pid_t pid = Spawn(IndexArgs(db, corpus));
  int status = 0;
  for (;;) {
    if (::waitpid(pid, &status, WNOHANG) == pid) return false;  // finished
    if (DocCount(db) >= docs) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (docs > 0) {
    // Searching while the indexer writes sees the last commit.
    const RunResult search = Run(
        {BinPath("byline-search"), "--db", db, "--format", "json", "ferry"});
    EXPECT_EQ(search.exit_code, 0) << search.err;
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

// The article term (XA...) of a dumped document.
std::string ArticleOf(const std::string& body) {
  const size_t at = body.find(" XA");
  return at == std::string::npos ? ""
                                 : body.substr(at + 1, body.find(':', at) - at - 1);
}

// What a crash may leave: every article the database holds is whole and
// exactly as the clean run wrote it.
void ExpectWholeArticlesOf(const Dump& crashed, const Dump& clean) {
  std::map<std::string, size_t> passages_of, expected_of;
  for (const auto& [q, body] : clean) ++expected_of[ArticleOf(body)];
  for (const auto& [q, body] : crashed) {
    ++passages_of[ArticleOf(body)];
    const auto it = clean.find(q);
    ASSERT_NE(it, clean.end()) << q;
    EXPECT_EQ(body, it->second) << q;
  }
  for (const auto& [article, n] : passages_of) {
    EXPECT_EQ(n, expected_of[article]) << "article " << article
                                       << " is not whole";
  }
}

TEST(CrashTest, KilledRunsLeaveWholeArticlesAndReRunsConverge) {
  TempDir dir;
  const std::string corpus = dir / "corpus";
  WriteCorpus(corpus);
  const std::string clean_db = dir / "clean";
  const RunResult clean = testing::Run(IndexArgs(clean_db, corpus));
  ASSERT_EQ(clean.exit_code, 0) << clean.err;
  const Dump expected = DumpDatabase(clean_db, /*docids=*/false);
  const Xapian::doccount total = Xapian::Database(clean_db).get_doccount();
  ASSERT_GT(total, 1500u);

  // One database, killed again and again further into the job: right at
  // the start, after the first commit, at a third and at two thirds.
  const std::string db = dir / "db";
  int killed = 0;
  for (const Xapian::doccount docs : {0u, 1u, total / 3, 2 * total / 3}) {
    if (RunAndKill(db, corpus, docs)) ++killed;
    SCOPED_TRACE("killed at " + std::to_string(docs) + " documents");
    // Killed before its first commit, the run may leave no database yet.
    if (docs == 0 && DocCount(db) == 0) continue;
    EXPECT_NO_THROW(Xapian::Database{db});
    ExpectWholeArticlesOf(DumpDatabase(db, false), expected);
  }
  EXPECT_GE(killed, 2) << "the runs finished before they could be killed";

  const RunResult rerun = testing::Run(IndexArgs(db, corpus));
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_EQ(DumpDatabase(db, false), expected);
  // And a run after that has nothing left to do.
  const RunResult noop =
      testing::Run({BinPath("byline-index"), "--db", db, corpus});
  EXPECT_NE(noop.err.find("indexed 0 articles from 0 files"), std::string::npos)
      << noop.err;
  EXPECT_NE(noop.err.find("unchanged 401"), std::string::npos) << noop.err;
}

}  // namespace
}  // namespace byline::testing
