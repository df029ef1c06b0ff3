#include "byline/search/http_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <charconv>
#include <map>
#include <condition_variable>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>
#include <utility>

#include "byline/search/formatter.h"
#include "byline/text.h"

namespace byline {
namespace {

constexpr const char* kJsonType = "application/json; charset=utf-8";

// {"version": 1, "error": {"status": 400, "message": "..."}}
std::string ErrorJson(int status, const std::string& message) {
  nlohmann::ordered_json j;
  j["version"] = 1;
  j["error"] = {{"status", status}, {"message", message}};
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
         "\n";
}

void SetError(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(ErrorJson(status, message), kJsonType);
}

int HttpStatusOf(const Status& s) {
  switch (s.code()) {
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    default:
      return 500;
  }
}

// The request parameters each endpoint takes; any other is an error, so
// that a misspelt one ("per-article") is not silently ignored.
constexpr std::string_view kSearchParams[] = {
    "q",      "limit",  "offset",      "per_article", "all_copies",
    "filter", "facets", "facet_limit", "explain"};

// A request's parameters: those of its query string and, for a form POST,
// of its body, decoded as browsers encode forms ('+' is a space).
using Params = std::multimap<std::string, std::string>;

void AddFormParams(std::string_view text, Params* out) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('&', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view pair = text.substr(start, end - start);
    if (!pair.empty()) {
      const size_t eq = pair.find('=');
      const std::string key(pair.substr(0, eq));
      const std::string value(eq == std::string_view::npos
                                  ? std::string_view()
                                  : pair.substr(eq + 1));
      out->emplace(httplib::detail::decode_url(key, true),
                   httplib::detail::decode_url(value, true));
    }
    start = end + 1;
  }
}

Params RequestParams(const httplib::Request& req) {
  Params params;
  const size_t q = req.target.find('?');
  if (q != std::string::npos) {
    AddFormParams(std::string_view(req.target).substr(q + 1), &params);
  }
  if (req.method == "POST" &&
      req.get_header_value("Content-Type")
              .rfind("application/x-www-form-urlencoded", 0) == 0) {
    AddFormParams(req.body, &params);
  }
  return params;
}

// The one value of parameter `name`, "" if it is not given.
Status OneParam(const Params& params, const char* name, std::string* out,
                bool* given = nullptr) {
  const auto [first, last] = params.equal_range(name);
  if (given) *given = first != last;
  if (first == last) return Status::Ok();
  if (std::next(first) != last) {
    return InvalidArgument(std::string("parameter '") + name +
                           "' given more than once");
  }
  *out = first->second;
  return Status::Ok();
}

// "true"/"1" or "false"/"0"; `*out` unchanged when not given.
Status ParseFlag(const Params& params, const char* name, bool* out) {
  std::string v;
  bool given = false;
  if (Status s = OneParam(params, name, &v, &given); !s.ok() || !given) {
    return s;
  }
  if (v != "true" && v != "false" && v != "1" && v != "0") {
    return InvalidArgument(std::string("parameter '") + name +
                           "' must be true or false, not '" + v + "'");
  }
  *out = v == "true" || v == "1";
  return Status::Ok();
}

// A whole non-negative decimal number no larger than `max`.
Status ParseCount(const Params& params, const char* name, size_t max,
                  size_t* out) {
  std::string v;
  bool given = false;
  if (Status s = OneParam(params, name, &v, &given); !s.ok() || !given) {
    return s;
  }
  size_t n = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size() ||
      n > max) {
    return InvalidArgument(std::string("parameter '") + name +
                           "' must be a whole number from 0 to " +
                           std::to_string(max) + ", not '" + v + "'");
  }
  *out = n;
  return Status::Ok();
}

}  // namespace

struct HttpServer::Impl {
  ServerOptions options;
  httplib::Server server;
  // Idle searchers; a request takes one for as long as it searches.
  std::mutex mutex;
  std::condition_variable searcher_freed;
  std::vector<std::unique_ptr<Searcher>> idle;
  size_t workers = 0;
  size_t admitted = 0;  // requests searching or waiting for a searcher

  // A searcher for this request, waiting for one if all are busy; nullptr
  // when `workers` requests search and `queue` more wait already.
  std::unique_ptr<Searcher> Acquire() {
    std::unique_lock lock(mutex);
    if (admitted >= workers + options.queue) return nullptr;
    ++admitted;
    searcher_freed.wait(lock, [this] { return !idle.empty(); });
    std::unique_ptr<Searcher> s = std::move(idle.back());
    idle.pop_back();
    return s;
  }

  void Release(std::unique_ptr<Searcher> s) {
    {
      std::lock_guard lock(mutex);
      idle.push_back(std::move(s));
      --admitted;
    }
    searcher_freed.notify_one();
  }

  // Runs `work` with a searcher at the latest commit; answers 503 when
  // saturated, and the error of a failed status.
  void WithSearcher(httplib::Response& res,
                    const std::function<Status(Searcher&)>& work) {
    std::unique_ptr<Searcher> searcher = Acquire();
    if (!searcher) {
      res.set_header("Retry-After", "1");
      SetError(res, 503,
               "the server is busy: " + std::to_string(workers) +
                   " searches running and " + std::to_string(options.queue) +
                   " waiting; try again shortly");
      return;
    }
    struct Return {
      Impl* impl;
      std::unique_ptr<Searcher>* s;
      ~Return() { impl->Release(std::move(*s)); }
    } give_back{this, &searcher};
    if (options.on_worker_start) options.on_worker_start();
    Status s = searcher->Reopen();
    if (s.ok()) s = work(*searcher);
    if (!s.ok()) SetError(res, HttpStatusOf(s), s.message());
  }

  // The search a /search or /facets request asks for, or why it is wrong.
  Status ParseSearch(const httplib::Request& req, bool counts_only,
                     SearchOptions* out) const {
    const Params params = RequestParams(req);
    for (const auto& [name, value] : params) {
      if (std::find(std::begin(kSearchParams), std::end(kSearchParams),
                    name) == std::end(kSearchParams)) {
        std::string known;
        for (const std::string_view p : kSearchParams) {
          known += (known.empty() ? "" : ", ") + std::string(p);
        }
        return InvalidArgument("unknown parameter '" + name + "' (known: " +
                               known + ")");
      }
    }
    *out = options.defaults;
    out->highlight_offsets = true;  // every answer is JSON
    if (Status s = OneParam(params, "q", &out->query); !s.ok()) return s;
    if (out->query.find_first_not_of(" \t\r\n") == std::string::npos) {
      return InvalidArgument("parameter 'q' (the query) is required");
    }
    if (out->query.size() > options.max_query_bytes) {
      return InvalidArgument("the query is " +
                             std::to_string(out->query.size()) +
                             " bytes; at most " +
                             std::to_string(options.max_query_bytes) +
                             " are allowed");
    }
    if (!CheckUtf8(out->query).valid()) {
      return InvalidArgument("the query is not valid UTF-8");
    }
    if (Status s = ParseCount(params, "limit", options.max_limit, &out->limit);
        !s.ok()) {
      return s;
    }
    if (counts_only) out->limit = 0;
    if (Status s = ParseCount(params, "offset", options.max_offset, &out->offset);
        !s.ok()) {
      return s;
    }
    if (Status s = ParseCount(params, "per_article", 1000, &out->per_article);
        !s.ok()) {
      return s;
    }
    if (Status s = ParseCount(params, "facet_limit", options.max_facet_limit,
                              &out->facet_limit);
        !s.ok()) {
      return s;
    }
    if (Status s = ParseFlag(params, "all_copies", &out->all_copies);
        !s.ok()) {
      return s;
    }
    if (Status s = ParseFlag(params, "explain", &out->explain); !s.ok()) {
      return s;
    }
    const size_t filters = params.count("filter");
    if (filters > options.max_filters) {
      return InvalidArgument("at most " + std::to_string(options.max_filters) +
                             " filters are allowed, not " +
                             std::to_string(filters));
    }
    out->filters.clear();
    for (auto [f, end] = params.equal_range("filter"); f != end; ++f) {
      out->filters.push_back(f->second);
    }
    std::string list;
    bool given = false;
    if (Status s = OneParam(params, "facets", &list, &given); !s.ok()) {
      return s;
    }
    if (given) {
      if (Status s = ParseFacetTypes(list, &out->facets); !s.ok()) {
        return InvalidArgument("parameter 'facets': " + s.message());
      }
    }
    return Status::Ok();
  }

  void HandleSearch(const httplib::Request& req, httplib::Response& res,
                    bool counts_only) {
    SearchOptions search;
    if (Status s = ParseSearch(req, counts_only, &search); !s.ok()) {
      SetError(res, 400, s.message());
      return;
    }
    WithSearcher(res, [&](Searcher& searcher) {
      SearchResults results;
      if (Status s = searcher.Search(search, &results); !s.ok()) return s;
      std::ostringstream out;
      MakeFormatter("json")->Write(results, out);
      res.set_content(out.str(), kJsonType);
      return Status::Ok();
    });
  }

  void HandleArticle(const httplib::Request& req, httplib::Response& res) {
    const std::string id = req.matches[1];
    if (id.size() > 1024 || !CheckUtf8(id).valid()) {
      SetError(res, 404, "no article '" + id + "' in the index");
      return;
    }
    WithSearcher(res, [&](Searcher& searcher) {
      ArticleResult article;
      if (Status s = searcher.GetArticle(id, &article); !s.ok()) return s;
      res.set_content(ArticleToJson(article), kJsonType);
      return Status::Ok();
    });
  }

  void HandleHealth(httplib::Response& res) {
    WithSearcher(res, [&](Searcher& searcher) {
      std::vector<DatabaseInfo> dbs;
      if (Status s = searcher.Describe(&dbs); !s.ok()) return s;
      nlohmann::ordered_json j;
      j["version"] = 1;
      j["status"] = "ok";
      j["workers"] = workers;
      j["queue"] = options.queue;
      size_t total = 0;
      j["databases"] = nlohmann::ordered_json::array();
      for (const DatabaseInfo& db : dbs) {
        j["databases"].push_back({{"path", db.path},
                                  {"passages", db.passages},
                                  {"revision", db.revision}});
        total += db.passages;
      }
      j["passages"] = total;
      res.set_content(j.dump(2) + "\n", kJsonType);
      return Status::Ok();
    });
  }
};

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HttpServer::~HttpServer() { Stop(); }

Status HttpServer::Create(const std::vector<std::string>& db_paths,
                          const ServerOptions& options,
                          std::unique_ptr<HttpServer>* out) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->workers = options.workers > 0
                      ? options.workers
                      : std::max(1u, std::thread::hardware_concurrency());
  for (size_t i = 0; i < impl->workers; ++i) {
    std::unique_ptr<Searcher> searcher;
    if (Status s = Searcher::Open(db_paths, &searcher); !s.ok()) return s;
    impl->idle.push_back(std::move(searcher));
  }
  Impl* self = impl.get();
  httplib::Server& server = impl->server;
  // httplib's own threads read requests and write responses; searches are
  // bounded by the searchers above, so it has room for every admitted
  // request and a few to answer 503 with.
  const size_t threads = impl->workers + options.queue + 4;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_payload_max_length(options.max_body_bytes);
  // httplib's default also sets SO_REUSEPORT, with which a second server
  // on a port in use shares it silently instead of failing.
  server.set_socket_options([](int sock) {
    const int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  server.set_keep_alive_timeout(2);
  // A response goes out in two writes (headers, body): without this, Nagle's
  // algorithm holds the second until the client's delayed ACK, 40 ms.
  server.set_tcp_nodelay(true);
  server.set_read_timeout(10);
  server.set_write_timeout(10);

  const auto search = [self](bool counts_only) {
    return [self, counts_only](const httplib::Request& req,
                               httplib::Response& res) {
      self->HandleSearch(req, res, counts_only);
    };
  };
  server.Get("/search", search(false));
  server.Post("/search", search(false));
  server.Get("/facets", search(true));
  server.Post("/facets", search(true));
  server.Get("/article/(.+)",
             [self](const httplib::Request& req, httplib::Response& res) {
               self->HandleArticle(req, res);
             });
  server.Get("/health",
             [self](const httplib::Request&, httplib::Response& res) {
               self->HandleHealth(res);
             });
  server.Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(kSearchPageHtml, "text/html; charset=utf-8");
  });
  // Whatever ends in an error status without a body of its own (no such
  // endpoint, a body over the limit) still answers JSON.
  server.set_error_handler(
      [](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return;
        std::string message = "HTTP status " + std::to_string(res.status);
        if (res.status == 404) {
          message = "no endpoint " + req.path +
                    " (see /, /search, /facets, /article/{id}, /health)";
        } else if (res.status == 413) {
          message = "the request body is larger than the server accepts";
        }
        res.set_content(ErrorJson(res.status, message), kJsonType);
      });
  server.set_exception_handler([](const httplib::Request&,
                                  httplib::Response& res,
                                  std::exception_ptr e) {
    std::string what = "internal error";
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& ex) {
      what += std::string(": ") + ex.what();
    } catch (...) {
    }
    SetError(res, 500, what);
  });
  out->reset(new HttpServer(std::move(impl)));
  return Status::Ok();
}

Status HttpServer::Bind(int* port) {
  const ServerOptions& o = impl_->options;
  if (o.port == 0) {
    *port = impl_->server.bind_to_any_port(o.host);
  } else {
    *port = impl_->server.bind_to_port(o.host, o.port) ? o.port : -1;
  }
  if (*port < 0) {
    return IoError("cannot listen on " + o.host + ":" +
                   std::to_string(o.port) +
                   " (in use, or not an address of this machine)");
  }
  return Status::Ok();
}

void HttpServer::Run() { impl_->server.listen_after_bind(); }

void HttpServer::Stop() {
  if (impl_ && impl_->server.is_running()) impl_->server.stop();
}

}  // namespace byline
