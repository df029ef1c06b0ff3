// A small HTTP/1.0 server on 127.0.0.1 for tests: serves the files of one
// directory, one request per connection, until destroyed. wget crawls it
// into real WARC files.
#ifndef BYLINE_TESTS_SUPPORT_LOOPBACK_SERVER_H_
#define BYLINE_TESTS_SUPPORT_LOOPBACK_SERVER_H_

#include <atomic>
#include <string>
#include <thread>

namespace byline::testing {

class LoopbackServer {
 public:
  // Listens on a free port; throws std::runtime_error if it cannot.
  explicit LoopbackServer(std::string root);
  ~LoopbackServer();
  int port() const { return port_; }

 private:
  void Serve();

  std::string root_;
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace byline::testing

#endif  // BYLINE_TESTS_SUPPORT_LOOPBACK_SERVER_H_
