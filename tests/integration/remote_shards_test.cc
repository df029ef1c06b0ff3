// Shards served by Xapian's remote backend: two real xapian-tcpsrv
// processes on loopback, each serving one shard of corpus/txt, opened
// through a stub file of "remote HOST:PORT" lines. Hits, scores (entity
// boost included), match counts and facet counts must equal those of the
// same articles indexed into one local database.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <tuple>
#include <cmath>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "byline/entity.h"
#include "support/index_fixture.h"
#include "support/test_support.h"

namespace byline::testing {
namespace {

// A port nobody listens on now (the kernel's pick for a socket bound to
// port 0, released).
int FreePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

// xapian-tcpsrv serving `db` on a loopback port until the object goes.
class TcpServer {
 public:
  explicit TcpServer(const std::string& db) : port_(FreePort()) {
    // In a session of its own: on SIGTERM xapian-tcpsrv signals its
    // whole process group, which would otherwise be this test's.
    pid_ = Spawn({"/usr/bin/setsid", "/usr/bin/xapian-tcpsrv", "--interface",
                  "127.0.0.1", "--port", std::to_string(port_), db});
    // Ready once it accepts a connection.
    for (int i = 0; i < 250; ++i) {
      try {
        Xapian::Remote::open("127.0.0.1", port_).get_doccount();
        return;
      } catch (const Xapian::NetworkError&) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
    }
    ADD_FAILURE() << "xapian-tcpsrv did not start on port " << port_;
  }
  ~TcpServer() {
    if (pid_ <= 0) return;
    ::kill(-pid_, SIGTERM);  // the server and its connections' processes
    ::waitpid(pid_, nullptr, 0);
  }
  int port() const { return port_; }

 private:
  int port_;
  pid_t pid_ = -1;
};

class RemoteShardsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    local_ = *dir_ / "local";
    IndexPaths(local_, {CorpusPath("txt")});
    IndexOptions options;
    options.db_path = *dir_ / "sharded";
    options.inputs = {CorpusPath("txt")};
    options.shards = 2;
    options.split.min_words = 0;
    RecordingReporter reporter;
    IndexSummary summary;
    ASSERT_TRUE(RunIndex(options, reporter, &summary).ok());
    shard0_ = new TcpServer(*dir_ / "sharded/shard-0");
    shard1_ = new TcpServer(*dir_ / "sharded/shard-1");
    stub_ = *dir_ / "remote.stub";
    WriteFile(stub_, "remote 127.0.0.1:" + std::to_string(shard0_->port()) +
                         "\nremote 127.0.0.1:" +
                         std::to_string(shard1_->port()) + "\n");
  }
  static void TearDownTestSuite() {
    delete shard0_;
    delete shard1_;
    delete dir_;
  }

  static SearchResults Run(const std::string& db, const std::string& query,
                           std::vector<std::string> filters = {},
                           double boost = 0.5) {
    SearchOptions options;
    options.query = query;
    options.filters = std::move(filters);
    options.limit = 200;  // every match: ties are ordered by docid, which
                          // differs between the shards and one database
    options.facet_limit = 1000;  // every name: no cut among ties
    options.facets.assign(std::begin(kAllEntityTypes),
                          std::end(kAllEntityTypes));
    options.ranking.entity_boost = boost;
    // The second stage (article evidence, proximity) does not run through
    // xapian-tcpsrv: the local database is compared without it.
    options.ranking.rerank_depth = 0;
    return SearchDb(db, options);
  }

  static inline TempDir* dir_ = nullptr;
  static inline TcpServer* shard0_ = nullptr;
  static inline TcpServer* shard1_ = nullptr;
  static inline std::string local_, stub_;
};

// Hits best first, equal scores (to 1e-9) by article and passage.
std::vector<Hit> ByScore(std::vector<Hit> hits) {
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    if (std::abs(a.score - b.score) > 1e-9) return a.score > b.score;
    return std::tie(a.article_id, a.passage) < std::tie(b.article_id, b.passage);
  });
  return hits;
}

// "<type> <folded name>" -> count, over every facet list.
std::map<std::string, size_t> Counts(const SearchResults& r) {
  std::map<std::string, size_t> out;
  for (const auto& [type, list] : r.facets) {
    for (const FacetCount& c : list) {
      out[std::string(EntityTypeName(type)) + " " + FoldName(c.name)] =
          c.count;
    }
  }
  return out;
}

TEST_F(RemoteShardsTest, SameHitsScoresAndFacetsAsOneLocalDatabase) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"missiles", {}},
      {"missiles Stoltenberg", {}},  // the entity boost at work
      {"\"air defence\"", {}},
      {"rate OR inflation", {}},
      {"the", {}},
      {"minister", {"place:Norway"}},
      {"date:2024-01..2024-12 budget", {}},
  };
  for (const auto& [query, filters] : cases) {
    SCOPED_TRACE(query);
    const SearchResults local = Run(local_, query, filters);
    const SearchResults remote = Run(stub_, query, filters);
    ASSERT_FALSE(local.hits.empty());
    EXPECT_EQ(remote.matches_estimated, local.matches_estimated);
    ASSERT_EQ(remote.hits.size(), local.hits.size());
    EXPECT_EQ(remote.hits.size(), local.matches_estimated);
    const std::vector<Hit> r = ByScore(remote.hits), l = ByScore(local.hits);
    for (size_t i = 0; i < l.size(); ++i) {
      EXPECT_EQ(r[i].article_id, l[i].article_id) << i;
      EXPECT_EQ(r[i].passage, l[i].passage) << i;
      EXPECT_NEAR(r[i].score, l[i].score, 1e-9) << i;
      // (Snippets may cut a long passage at another window: Xapian weighs
      // the words for them from statistics the remote protocol gathers
      // differently. What is highlighted is the same.)
      EXPECT_EQ(r[i].highlights, l[i].highlights) << i;
      EXPECT_EQ(r[i].entities, l[i].entities) << i;
    }
    EXPECT_TRUE(remote.facets_exact);
    EXPECT_FALSE(Counts(local).empty());
    EXPECT_EQ(Counts(remote), Counts(local));
  }
}

TEST_F(RemoteShardsTest, EntityBoostReachesTheRemoteShards) {
  // The aliases ("Stoltenberg" -> Jens Stoltenberg) come from the shards'
  // metadata mirror: with the boost the scores differ from those without
  // it, remotely as locally, and equal the local ones.
  const auto scores = [](const SearchResults& r) {
    std::vector<std::pair<std::string, long>> out;
    for (const Hit& h : ByScore(r.hits)) {
      out.emplace_back(h.article_id + "#" + std::to_string(h.passage),
                       std::lround(h.score * 1e6));
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  // (Not the query's first word: a capital there names nothing.)
  const std::string query = "missiles Stoltenberg";
  const SearchResults with = Run(stub_, query);
  const SearchResults without = Run(stub_, query, {}, 0);
  ASSERT_FALSE(with.hits.empty());
  EXPECT_NE(scores(with), scores(without));
  EXPECT_EQ(scores(with), scores(Run(local_, query)));
  EXPECT_EQ(scores(without), scores(Run(local_, query, {}, 0)));
}

}  // namespace
}  // namespace byline::testing
