// A real crawl: serve tests/data/html over HTTP on loopback, let wget write
// a WARC of it, index the WARC, and find the pages with their provenance.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <gtest/gtest.h>
#include <thread>
#include <xapian.h>

#include "support/index_fixture.h"
#include "support/test_support.h"

namespace byline::testing {
namespace {
namespace fs = std::filesystem;

// Serves the files of one directory over HTTP/1.0 on 127.0.0.1, one
// request per connection, until destroyed.
class LoopbackServer {
 public:
  explicit LoopbackServer(std::string root) : root_(std::move(root)) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) ||
        ::listen(fd_, 16) ||
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len)) {
      throw std::runtime_error("cannot listen on loopback");
    }
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { Serve(); });
  }
  ~LoopbackServer() {
    stop_ = true;
    thread_.join();
    ::close(fd_);
  }
  int port() const { return port_; }

 private:
  void Serve() {
    while (!stop_) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      const int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) continue;
      char buf[4096];
      const ssize_t n = ::recv(c, buf, sizeof buf - 1, 0);
      std::string request(buf, n > 0 ? static_cast<size_t>(n) : 0);
      std::string path = request.substr(4, request.find(' ', 4) - 4);
      if (path == "/") path = "/index.html";
      std::string response;
      const fs::path file = fs::path(root_) / path.substr(1);
      if (path.find("..") == std::string::npos && fs::is_regular_file(file)) {
        const std::string body = ReadFile(file.string());
        response = "HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n"
                   "Content-Length: " + std::to_string(body.size()) +
                   "\r\n\r\n" + body;
      } else {
        response = "HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n";
      }
      for (size_t sent = 0; sent < response.size();) {
        const ssize_t k = ::send(c, response.data() + sent,
                                 response.size() - sent, MSG_NOSIGNAL);
        if (k <= 0) break;
        sent += static_cast<size_t>(k);
      }
      ::close(c);
    }
  }

  std::string root_;
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

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
