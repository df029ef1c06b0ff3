#include "support/loopback_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <stdexcept>

#include "support/test_support.h"

namespace byline::testing {
namespace fs = std::filesystem;

LoopbackServer::LoopbackServer(std::string root) : root_(std::move(root)) {
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
LoopbackServer::~LoopbackServer() {
  stop_ = true;
  thread_.join();
  ::close(fd_);
}

void LoopbackServer::Serve() {
  while (!stop_) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    const int c = ::accept(fd_, nullptr, nullptr);
    if (c < 0) continue;
    // The whole request head: a client may send it in several pieces,
    // and a socket closed with unread bytes in it is reset, not closed
    // (the client then sees "Connection reset by peer").
    std::string request;
    char buf[4096];
    while (request.find("\r\n\r\n") == std::string::npos &&
           request.size() < 65536) {
      pollfd in{c, POLLIN, 0};
      if (::poll(&in, 1, 5000) <= 0) break;
      const ssize_t n = ::recv(c, buf, sizeof buf, 0);
      if (n <= 0) break;
      request.append(buf, static_cast<size_t>(n));
    }
    if (!request.starts_with("GET ") ||
        request.find(' ', 4) == std::string::npos) {
      ::close(c);
      continue;
    }
    std::string path = request.substr(4, request.find(' ', 4) - 4);
    if (path == "/") path = "/index.html";
    std::string response;
    const fs::path file = fs::path(root_) / path.substr(1);
    if (path.find("..") == std::string::npos && fs::is_regular_file(file)) {
      const std::string body = ReadFile(file.string());
      response =
          "HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n"
          "Connection: close\r\nContent-Length: " +
          std::to_string(body.size()) + "\r\n\r\n" + body;
    } else {
      response =
          "HTTP/1.0 404 Not Found\r\nConnection: close\r\n"
          "Content-Length: 0\r\n\r\n";
    }
    for (size_t sent = 0; sent < response.size();) {
      const ssize_t k = ::send(c, response.data() + sent,
                               response.size() - sent, MSG_NOSIGNAL);
      if (k <= 0) break;
      sent += static_cast<size_t>(k);
    }
    // One request a connection ("Connection: close": a client that kept
    // it for the next request would meet a closed socket). Tell the
    // client the response is complete, and let it close first.
    ::shutdown(c, SHUT_WR);
    for (pollfd in{c, POLLIN, 0}; ::poll(&in, 1, 1000) > 0;) {
      if (::recv(c, buf, sizeof buf, 0) <= 0) break;
    }
    ::close(c);
  }
}

}  // namespace byline::testing
