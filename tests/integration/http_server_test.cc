// The HTTP API (HttpServer) on a loopback port, driven by a real HTTP
// client (cpp-httplib's): every endpoint, every error status, a burst of
// concurrent requests, saturation (503), and a commit made while the
// server runs.
#include "byline/search/http_server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <future>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "byline/search/formatter.h"
#include "support/index_fixture.h"
#include "support/test_support.h"

namespace byline::testing {
namespace {

using nlohmann::json;

// A server over `db` on a free loopback port, serving on a thread of its
// own until the object goes.
class RunningServer {
 public:
  RunningServer(const std::vector<std::string>& dbs, ServerOptions options) {
    options.host = "127.0.0.1";
    options.port = 0;
    const Status s = HttpServer::Create(dbs, options, &server_);
    EXPECT_TRUE(s.ok()) << s.message();
    if (!s.ok()) return;
    const Status b = server_->Bind(&port_);
    EXPECT_TRUE(b.ok()) << b.message();
    // The socket listens from Bind() on: a client may connect at once.
    thread_ = std::thread([this] { server_->Run(); });
  }
  ~RunningServer() {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }
  int port() const { return port_; }
  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(30);
    // The targets below are encoded as a browser encodes a form (a space is
    // "+"), and are sent as they are.
    c.set_url_encode(false);
    return c;
  }

 private:
  std::unique_ptr<HttpServer> server_;
  int port_ = -1;
  std::thread thread_;
};

class HttpServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    db_ = *dir_ / "db";
    IndexPaths(db_, {CorpusPath("txt"), CorpusPath("html"),
                     CorpusPath("jsonl")});
  }
  static void TearDownTestSuite() { delete dir_; }

  // What `byline-search --format json` prints for these options.
  static std::string CliJson(SearchOptions options) {
    std::ostringstream out;
    MakeFormatter("json")->Write(SearchDb(db_, options), out);
    return out.str();
  }

  static TempDir* dir_;
  static std::string db_;
};
TempDir* HttpServerTest::dir_ = nullptr;
std::string HttpServerTest::db_;

// Status, content type and a JSON body with the error's status and a
// message that mentions `words`.
void ExpectError(const httplib::Result& r, int status,
                 const std::string& words) {
  ASSERT_TRUE(r) << httplib::to_string(r.error());
  EXPECT_EQ(r->status, status) << r->body;
  EXPECT_EQ(r->get_header_value("Content-Type"),
            "application/json; charset=utf-8");
  const json body = json::parse(r->body);
  EXPECT_EQ(body["error"]["status"], status);
  EXPECT_NE(body["error"]["message"].get<std::string>().find(words),
            std::string::npos)
      << body.dump();
}

TEST_F(HttpServerTest, SearchAnswersWhatTheCommandLinePrints) {
  RunningServer server({db_}, {});
  auto client = server.Client();
  const auto r = client.Get(
      "/search?q=ferry+strike&limit=3&offset=1&facet_limit=4&facets=person,"
      "place");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"),
            "application/json; charset=utf-8");
  SearchOptions same;
  same.query = "ferry strike";
  same.limit = 3;
  same.offset = 1;
  same.facet_limit = 4;
  same.facets = {EntityType::kPerson, EntityType::kPlace};
  EXPECT_EQ(r->body, CliJson(same));
  const json body = json::parse(r->body);
  EXPECT_EQ(body["version"], 1);
  EXPECT_EQ(body["hits"].size(), 3u);
  EXPECT_EQ(body["hits"][0]["rank"], 2);
  EXPECT_TRUE(body["facets"].contains("person"));
  EXPECT_FALSE(body["facets"].contains("org"));

  // Filters (repeated), per_article and all_copies, by GET and by a form
  // POST.
  SearchOptions filtered;
  filtered.query = "ferry";
  filtered.filters = {"place:Gdańsk",
                      "org:Motława Ferry Lines|Baltic Seafarers' Union"};
  filtered.per_article = 1;
  filtered.all_copies = true;
  filtered.explain = true;
  filtered.facets = {};
  const std::string want = CliJson(filtered);
  ASSERT_NE(json::parse(want)["hits"].size(), 0u) << want;
  const auto get = client.Get(
      "/search?q=ferry&filter=place:Gda%C5%84sk&filter=org:Mot%C5%82awa+"
      "Ferry+Lines%7CBaltic+Seafarers%27+Union&per_article=1&all_copies="
      "true&explain=true&facets=none");
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 200);
  EXPECT_EQ(get->body, want);
  const auto post = client.Post(
      "/search",
      "q=ferry&filter=place%3AGda%C5%84sk&filter=org%3AMot%C5%82awa+Ferry+"
      "Lines%7CBaltic+Seafarers%27+Union&per_article=1&all_copies=1&explain=1&"
      "facets=none",
      "application/x-www-form-urlencoded");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 200);
  EXPECT_EQ(post->body, want);
}

TEST_F(HttpServerTest, FacetsCountWithoutHits) {
  RunningServer server({db_}, {});
  auto client = server.Client();
  const auto r = client.Get("/facets?q=nato&facet_limit=3");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const json body = json::parse(r->body);
  EXPECT_TRUE(body["hits"].empty());
  EXPECT_GT(body["matches_estimated"].get<int>(), 0);
  SearchOptions all;
  all.query = "nato";
  all.facet_limit = 3;
  all.facets.assign(std::begin(kAllEntityTypes), std::end(kAllEntityTypes));
  const json full = json::parse(CliJson(all));
  EXPECT_EQ(body["facets"], full["facets"]);
  EXPECT_EQ(body["matches_estimated"], full["matches_estimated"]);
  EXPECT_LE(body["facets"]["person"].size(), 3u);
}

TEST_F(HttpServerTest, ArticleHasEveryPassageWithRangesAndEntities) {
  RunningServer server({db_}, {});
  auto client = server.Client();
  SearchOptions find;
  find.query = "ferry strike";
  find.limit = 1;
  const SearchResults found = SearchDb(db_, find);
  ASSERT_FALSE(found.hits.empty());
  const Hit& hit = found.hits[0];

  const auto r = client.Get("/article/" + hit.article_id);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json a = json::parse(r->body);
  EXPECT_EQ(a["version"], 1);
  EXPECT_EQ(a["article_id"], hit.article_id);
  EXPECT_EQ(a["title"], hit.title);
  EXPECT_EQ(a["source"], hit.source);
  EXPECT_EQ(a["url"], hit.url);
  const json& passages = a["passages"];
  ASSERT_GT(passages.size(), hit.passage);
  size_t previous_end = 0;
  bool any_entity = false;
  for (size_t i = 0; i < passages.size(); ++i) {
    const json& p = passages[i];
    EXPECT_EQ(p["passage"], i);
    const size_t start = p["start"], end = p["end"];
    EXPECT_LE(previous_end, start);
    EXPECT_EQ(end - start, p["text"].get<std::string>().size());
    previous_end = end;
    any_entity |= !p["entities"].empty();
  }
  EXPECT_TRUE(any_entity);
  // The hit's passage is the article's passage of that number.
  EXPECT_EQ(passages[hit.passage]["text"], hit.text);
  EXPECT_EQ(passages[hit.passage]["start"], hit.start);

  ExpectError(client.Get("/article/0000000000000000"), 404,
              "no article '0000000000000000'");
}

TEST_F(HttpServerTest, HealthNamesTheDatabaseAndItsSize) {
  RunningServer server({db_}, {});
  const auto r = server.Client().Get("/health");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const json h = json::parse(r->body);
  EXPECT_EQ(h["status"], "ok");
  ASSERT_EQ(h["databases"].size(), 1u);
  EXPECT_EQ(h["databases"][0]["path"], db_);
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open({db_}, &searcher).ok());
  std::vector<DatabaseInfo> info;
  ASSERT_TRUE(searcher->Describe(&info).ok());
  EXPECT_EQ(h["passages"], info[0].passages);
  EXPECT_GT(info[0].passages, 100u);
}

TEST_F(HttpServerTest, PageIsServedFromTheBinary) {
  RunningServer server({db_}, {});
  const auto r = server.Client().Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(r->body.find("<form id=\"search\""), std::string::npos);
  EXPECT_NE(r->body.find("fetch(\"/search?"), std::string::npos);
  // No external asset: nothing is loaded from another address.
  EXPECT_EQ(r->body.find("src=\"http"), std::string::npos);
  EXPECT_EQ(r->body.find("href=\"http"), std::string::npos);
}

TEST_F(HttpServerTest, BadRequestsAreJsonErrors) {
  ServerOptions options;
  options.max_query_bytes = 64;
  options.max_body_bytes = 1024;
  RunningServer server({db_}, options);
  auto client = server.Client();
  ExpectError(client.Get("/search"), 400, "'q' (the query) is required");
  ExpectError(client.Get("/search?q=%20+%09"), 400, "'q' (the query) is required");
  ExpectError(client.Get("/search?q=a&limit=-1"), 400,
              "'limit' must be a whole number from 0 to 100, not '-1'");
  ExpectError(client.Get("/search?q=a&limit=101"), 400, "from 0 to 100");
  ExpectError(client.Get("/search?q=a&limit=4294967296"), 400, "from 0 to 100");
  ExpectError(client.Get("/search?q=a&limit=1&limit=2"), 400,
              "given more than once");
  ExpectError(client.Get("/search?q=a&offset=10001"), 400, "'offset'");
  ExpectError(client.Get("/search?q=a&facet_limit=x"), 400, "'facet_limit'");
  ExpectError(client.Get("/search?q=a&per-article=1"), 400,
              "unknown parameter 'per-article'");
  ExpectError(client.Get("/search?q=a&facets=people"), 400,
              "unknown entity type 'people'");
  ExpectError(client.Get("/search?q=a&all_copies=maybe"), 400, "all_copies");
  ExpectError(client.Get("/search?q=a&explain=yes"), 400,
              "'explain' must be true or false");
  ExpectError(client.Get("/search?q=a&filter=colour:red"), 400,
              "bad filter 'colour:red'");
  ExpectError(client.Get("/search?q=" + std::string(65, 'a')), 400,
              "at most 64");
  ExpectError(client.Get("/search?q=%FF%FE"), 400, "not valid UTF-8");
  // A bad date in a negated group under a pure NOT once crashed Xapian's
  // parser, and the server with it.
  ExpectError(client.Get("/search?q=-u+-(-date:x)"), 400,
              "'x' is not a date");
  ExpectError(client.Get("/nowhere"), 404, "no endpoint /nowhere");
  ExpectError(client.Post("/search", std::string(4096, 'q'),
                          "application/x-www-form-urlencoded"),
              413, "larger than the server accepts");
  // The server still answers after all that.
  const auto ok = client.Get("/search?q=ferry");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST_F(HttpServerTest, ConcurrentBurstGetsTheSameAnswers) {
  ServerOptions options;
  options.workers = 2;
  options.queue = 64;
  RunningServer server({db_}, options);
  const std::vector<std::string> queries = {
      "/search?q=ferry", "/search?q=nato+missiles&limit=5",
      "/facets?q=rail", "/search?q=%22air+defence%22&per_article=1",
      "/search?q=person:%22Jens+Stoltenberg%22"};
  std::vector<std::string> expected;
  for (const std::string& q : queries) {
    const auto r = server.Client().Get(q);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << q;
    expected.push_back(r->body);
  }
  constexpr int kClients = 8, kEach = 10;
  std::atomic<int> same{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      auto client = server.Client();
      for (int i = 0; i < kEach; ++i) {
        const size_t k = (c + i) % queries.size();
        const auto r = client.Get(queries[k]);
        if (r && r->status == 200 && r->body == expected[k]) ++same;
      }
    });
  }
  for (std::thread& t : clients) t.join();
  EXPECT_EQ(same.load(), kClients * kEach);
}

TEST_F(HttpServerTest, SaturatedServerAnswers503) {
  // One worker, one place in the queue. The worker is held busy until the
  // test lets it go.
  std::mutex mutex;
  std::condition_variable changed;
  bool hold = true;
  int started = 0;
  ServerOptions options;
  options.workers = 1;
  options.queue = 1;
  options.on_worker_start = [&] {
    std::unique_lock lock(mutex);
    ++started;
    changed.notify_all();
    changed.wait(lock, [&] { return !hold; });
  };
  RunningServer server({db_}, options);
  auto busy = std::async(std::launch::async,
                         [&] { return server.Client().Get("/search?q=ferry"); });
  {
    std::unique_lock lock(mutex);
    ASSERT_TRUE(changed.wait_for(lock, std::chrono::seconds(20),
                                 [&] { return started == 1; }));
  }
  // Two more: one takes the place in the queue, the other is turned away
  // at once, while the worker is still held.
  auto second = std::async(std::launch::async,
                           [&] { return server.Client().Get("/search?q=rail"); });
  auto third = std::async(std::launch::async,
                          [&] { return server.Client().Get("/search?q=nato"); });
  std::future<httplib::Result>* first_done = nullptr;
  for (int i = 0; i < 2000 && !first_done; ++i) {
    if (second.wait_for(std::chrono::milliseconds(5)) ==
        std::future_status::ready) {
      first_done = &second;
    } else if (third.wait_for(std::chrono::milliseconds(5)) ==
               std::future_status::ready) {
      first_done = &third;
    }
  }
  ASSERT_NE(first_done, nullptr) << "neither request was answered";
  const httplib::Result turned_away = first_done->get();
  ExpectError(turned_away, 503, "the server is busy");
  EXPECT_EQ(turned_away->get_header_value("Retry-After"), "1");
  {
    std::lock_guard lock(mutex);
    hold = false;
  }
  changed.notify_all();
  const httplib::Result a = busy.get();
  ASSERT_TRUE(a);
  EXPECT_EQ(a->status, 200);
  const httplib::Result queued = (first_done == &second ? third : second).get();
  ASSERT_TRUE(queued);
  EXPECT_EQ(queued->status, 200);
}

TEST(HttpServerReopenTest, SeesWhatIsCommittedWhileItRuns) {
  TempDir dir;
  const std::string db = dir / "db";
  WriteFile(dir / "one.txt",
            "Harbour pilots return\n\nPilots in the harbour returned to "
            "work on Monday after a week of talks.\n");
  IndexPaths(db, {dir / "one.txt"});
  RunningServer server({db}, {});
  auto client = server.Client();
  auto r = client.Get("/search?q=quokka");
  ASSERT_TRUE(r);
  EXPECT_EQ(json::parse(r->body)["hits"].size(), 0u);
  WriteFile(dir / "two.txt",
            "Quokka colony counted\n\nRangers counted the quokka colony on "
            "the island and found it had grown.\n");
  // Indexed in this process while the server's threads run, database
  // check included (its checker is a program of its own: a forked copy of
  // this process once blocked for ever here on a lock a thread held).
  IndexPaths(db, {dir / "two.txt"});
  r = client.Get("/search?q=quokka");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const json body = json::parse(r->body);
  ASSERT_EQ(body["hits"].size(), 1u);
  EXPECT_EQ(body["hits"][0]["title"], "Quokka colony counted");
}

TEST(HttpServerStartTest, FailuresNameTheProblem) {
  std::unique_ptr<HttpServer> server;
  const Status missing =
      HttpServer::Create({"/nonexistent/byline.db"}, {}, &server);
  EXPECT_FALSE(missing.ok());
  EXPECT_NE(missing.message().find("/nonexistent/byline.db"),
            std::string::npos);

  TempDir dir;
  const std::string db = dir / "db";
  WriteFile(dir / "one.txt", "Title\n\nSome words of a paragraph here.\n");
  IndexPaths(db, {dir / "one.txt"});
  ServerOptions first_options;
  first_options.port = 0;
  std::unique_ptr<HttpServer> first;
  ASSERT_TRUE(HttpServer::Create({db}, first_options, &first).ok());
  int port = 0;
  ASSERT_TRUE(first->Bind(&port).ok());
  ServerOptions same_port;
  same_port.port = port;
  ASSERT_TRUE(HttpServer::Create({db}, same_port, &server).ok());
  int second_port = 0;
  const Status taken = server->Bind(&second_port);
  EXPECT_FALSE(taken.ok());
  EXPECT_NE(taken.message().find("127.0.0.1:" + std::to_string(port)),
            std::string::npos)
      << taken.message();
}

}  // namespace
}  // namespace byline::testing
