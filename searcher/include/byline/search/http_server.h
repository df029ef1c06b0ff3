// HttpServer: Byline's HTTP API and search page (docs/http.md) over one or
// more databases kept open between requests. Every endpoint answers JSON
// with the same members as `byline-search --format json`; errors are JSON
// too, with the HTTP status that fits (400, 404, 413, 503).
//
// Requests are bounded: at most `workers` searches run at once, at most
// `queue` more wait for one, and any further request is answered 503 at
// once. Each worker has a Searcher of its own (Xapian objects are not
// shared between threads), brought to the latest commit before each
// request.
#ifndef BYLINE_SEARCH_HTTP_SERVER_H_
#define BYLINE_SEARCH_HTTP_SERVER_H_

#include <cstddef>
#include <functional>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "byline/search/searcher.h"
#include "byline/status.h"

namespace byline {

struct ServerOptions {
  std::string host = "127.0.0.1";  // loopback unless asked otherwise
  int port = 8080;                 // 0: any free port (see Bind())
  size_t workers = 0;    // searches run at once; 0: the number of cores
  size_t queue = 32;     // requests that may wait for a worker
  // Bounds on what a request may ask; larger values are a 400 error.
  size_t max_query_bytes = 2048;
  size_t max_limit = 100;
  size_t max_offset = 10000;
  size_t max_facet_limit = 100;
  size_t max_filters = 32;
  size_t max_body_bytes = 64 * 1024;  // POST bodies; larger: 413
  // The defaults of every search (ranking, snippet length, replay URL,
  // facets: all four types); query, limit, offset, per_article,
  // all_copies, filters, facets and facet_limit come from each request.
  SearchOptions defaults = [] {
    SearchOptions o;
    o.facets.assign(std::begin(kAllEntityTypes), std::end(kAllEntityTypes));
    return o;
  }();
  // Called on the worker's thread once a request has a worker, before it
  // searches. For tests that need every worker busy; empty by default.
  std::function<void()> on_worker_start;
};

class HttpServer {
 public:
  // Opens `workers` searchers over the databases (failing as
  // Searcher::Open fails) and sets up the endpoints.
  [[nodiscard]] static Status Create(const std::vector<std::string>& db_paths,
                                     const ServerOptions& options,
                                     std::unique_ptr<HttpServer>* out);
  ~HttpServer();

  // Binds the listening socket; `*port` is the port bound (the chosen one
  // when options.port is 0). Fails naming the address.
  [[nodiscard]] Status Bind(int* port);
  // Serves until Stop() (from another thread or a signal handler's
  // thread). Requires Bind().
  void Run();
  void Stop();

 private:
  struct Impl;
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The search page served at "/": HTML with its script and style inline.
extern const char* const kSearchPageHtml;

}  // namespace byline

#endif  // BYLINE_SEARCH_HTTP_SERVER_H_
