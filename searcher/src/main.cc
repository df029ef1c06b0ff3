// byline-search: parse options, run one search, print it, map the outcome
// to an exit code (0 hits, 1 none, 2 usage or database error).
#include <unistd.h>

#include <boost/program_options.hpp>
#include <csignal>
#include <cmath>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <tuple>
#include <iostream>
#include <thread>
#include <string>
#include <vector>

#include "byline/search/formatter.h"
#include "byline/search/http_server.h"
#include "byline/search/searcher.h"
#include "byline/text.h"

namespace po = boost::program_options;

namespace {

constexpr const char* kProgram = "byline-search";
// The largest counts a search takes.
constexpr long long kMaxLimit = 100000;      // hits shown
constexpr long long kMaxOffset = 10000000;   // hits skipped
constexpr long long kMaxPerArticle = 10000;
constexpr long long kMaxFacetLimit = 10000;
constexpr long long kMaxRerankDepth = 10000;

void PrintUsage(std::ostream& out, const po::options_description& general,
                const po::options_description& serving) {
  out << kProgram << " - search news passages indexed by byline-index\n\n"
         "Usage: byline-search --db DIR [options] QUERY...\n"
         "       byline-search --db DIR --serve [--listen HOST:PORT]\n\n"
         "Ranks passages (paragraph-sized pieces of articles) by BM25 and\n"
         "prints the best with highlighted snippets. The words of QUERY are\n"
         "joined with spaces and parsed with Xapian's query syntax:\n"
         "  nato missiles          either word; passages with both rank higher\n"
         "  nato AND missiles      both words (also OR, NOT, XOR, brackets)\n"
         "  \"air defence\"          the phrase (also \"air defences\")\n"
         "  ferry NEAR/5 strike    both within 5 words (ADJ/5: in this order)\n"
         "  +poland -hockey        must contain poland, must not hockey\n"
         "  title:summit           the word in the article's title\n"
         "  intercept*             any word starting with 'intercept'\n"
         "  person:\"Jens Stoltenberg\" org:NATO place:Poland date:2024-07\n"
         "                         passages naming these entities (names\n"
         "                         match without case or accents)\n"
         "  date:2024-07-01..2024-07-31   articles published in a range\n"
         "  mentioned:2024-07      passages that mention a date in July 2024\n"
         "Filters on one field are alternatives (person:A person:B is\n"
         "either); on different fields all must hold; person:A AND\n"
         "person:B needs both. Words are stemmed (English): missile also\n"
         "finds missiles; zurich finds Zürich. Passages that mention an\n"
         "entity the query names (Stoltenberg) rank above those that only\n"
         "share the word.\n\n"
      << general << "\n"
      << serving
      << "\nExit status: 0 passages found, 1 none found, 2 usage or database\n"
         "error.\n\n"
         "Examples:\n"
         "  byline-search --db news.db Stoltenberg missiles\n"
         "  byline-search --db news.db --filter place:Poland --facets person "
         "air defence\n"
         "  byline-search --db news.db --per-article 1 --format json "
         "'\"air defence\"'\n"
         "  byline-search --db news.db --serve --listen 127.0.0.1:8080\n"
         "      then open http://127.0.0.1:8080/ or\n"
         "      curl 'http://127.0.0.1:8080/search?q=ferry+strike&limit=3'\n"
         "      (the HTTP API: docs/http.md)\n";
}

#ifdef BYLINE_SERVER
// byline-search --serve: serves until SIGINT or SIGTERM.
int Serve(const std::vector<std::string>& dbs, const std::string& listen,
          const byline::SearchOptions& defaults,
          byline::ServerOptions server_options) {
  const size_t colon = listen.rfind(':');
  int port = -1;
  if (colon != std::string::npos) {
    try {
      size_t used = 0;
      port = std::stoi(listen.substr(colon + 1), &used);
      if (used != listen.size() - colon - 1) port = -1;
    } catch (const std::exception&) {
      port = -1;
    }
  }
  if (colon == std::string::npos || colon == 0 || port < 0 || port > 65535) {
    std::cerr << kProgram << ": --listen must be HOST:PORT with PORT 0-65535, "
              << "not '" << listen << "'\n";
    return 2;
  }
  server_options.host = listen.substr(0, colon);
  if (server_options.host.size() > 2 && server_options.host.front() == '[' &&
      server_options.host.back() == ']') {
    server_options.host = server_options.host.substr(
        1, server_options.host.size() - 2);  // [::1]:8080
  }
  server_options.port = port;
  server_options.defaults = defaults;
  std::unique_ptr<byline::HttpServer> server;
  byline::Status status =
      byline::HttpServer::Create(dbs, server_options, &server);
  int bound = -1;
  if (status.ok()) status = server->Bind(&bound);
  if (!status.ok()) {
    std::cerr << kProgram << ": " << status.message() << "\n";
    return 2;
  }
  // Signals are taken by a thread of their own, which stops the server;
  // a handler may not call into it.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::thread waiter([&server, signals] {
    int signal = 0;
    sigwait(&signals, &signal);
    server->Stop();
  });
  std::cerr << kProgram << ": serving " << dbs.size()
            << (dbs.size() == 1 ? " database" : " databases") << " on http://"
            << (server_options.host.find(':') != std::string::npos
                    ? "[" + server_options.host + "]"
                    : server_options.host)
            << ":" << bound << "/ (Ctrl-C stops)" << std::endl;
  server->Run();
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  std::cerr << kProgram << ": stopped" << std::endl;
  return 0;
}
#else
// byline-search --serve runs byline-serve, the same program with the HTTP
// server, from beside this one, with the same arguments: the server's
// libraries (cpp-httplib, and with it OpenSSL) cost every search-only
// process about 3 ms to load.
int ExecServer(char** argv) {
  std::error_code ec;
  const std::filesystem::path self =
      std::filesystem::read_symlink("/proc/self/exe", ec);
  const std::string server = (self.parent_path() / "byline-serve").string();
  ::execv(server.c_str(), argv);
  std::cerr << kProgram << ": --serve: cannot run " << server << ": "
            << std::strerror(errno) << "\n";
  return 2;
}
#endif

}  // namespace

int main(int argc, char** argv) {
  byline::SearchOptions options;
  std::vector<std::string> dbs, words;
  std::string format = "text", color = "auto";
  std::string facets = "person,org,place,date";
  bool no_boost = false, keep_question_words = false;
  // Read signed, so that "-1" is refused rather than wrapped to a huge
  // size_t, then checked against Limits below.
  struct {
    long long limit = 10, offset = 0, per_article = 0, facet_limit = 10,
              rerank_depth = 30;
  } counts;
  bool serve = false;
  std::string listen = "127.0.0.1:8080";
  byline::ServerOptions server;
  po::options_description general("Options", 80);
  general.add_options()
      ("db", po::value(&dbs)->value_name("DIR"),
       "database to search (required; repeat to search\n"
       "several as one)")
      ("limit,n", po::value(&counts.limit)
           ->default_value(counts.limit)->value_name("N"),
       "show at most N passages (0: only the number of\n"
       "matches and the facets)")
      ("offset", po::value(&counts.offset)
           ->default_value(counts.offset)->value_name("N"),
       "skip the first N passages (for paging)")
      ("per-article", po::value(&counts.per_article)
           ->default_value(counts.per_article)->value_name("N"),
       "at most N passages from any one article\n"
       "(0: no limit)")
      ("all-copies", po::bool_switch(&options.all_copies),
       "show every copy of a story several outlets ran\n"
       "(default: near-duplicates collapsed, with a count)")
      ("format", po::value(&format)->default_value(format)->value_name("FMT"),
       "output format: text, json, jsonl (a line per\n"
       "hit, then one of counts and facets) or csv")
      ("filter", po::value(&options.filters)->value_name("TYPE:VALUE"),
       "only passages naming this entity (repeat: all must\n"
       "hold; A|B: either); TYPE is person, org, place or\n"
       "date, e.g. 'person:Jens Stoltenberg'")
      ("facets", po::value(&facets)->value_name("LIST"),
       "entity types to count in the results, or none\n"
       "(default: person,org,place,date)")
      ("facet-limit", po::value(&counts.facet_limit)
           ->default_value(counts.facet_limit)->value_name("N"),
       "names shown per entity type")
      ("entity-boost", po::value(&options.ranking.entity_boost)
           ->default_value(options.ranking.entity_boost, "0.5")->value_name("W"),
       "weight of entities the query names (0: off)")
      ("no-entity-boost", po::bool_switch(&no_boost),
       "rank by the words alone (same as --entity-boost 0)")
      ("title-weight", po::value(&options.ranking.title_weight)
           ->default_value(options.ranking.title_weight, "0.03")
           ->value_name("W"),
       "weight of the query's words in the headline\n"
       "(0: off)")
      ("article-weight", po::value(&options.ranking.article_weight)
           ->default_value(options.ranking.article_weight, "0.1")
           ->value_name("W"),
       "weight of the query's words in the hit's whole\n"
       "article (0: off)")
      ("proximity-weight", po::value(&options.ranking.proximity_weight)
           ->default_value(options.ranking.proximity_weight, "1")
           ->value_name("W"),
       "for a query phrased as a question, weight of its\n"
       "words next to each other in the passage (0: off)")
      ("keep-question-words",
       po::bool_switch(&keep_question_words),
       "in a question, search for what, who, when ...\n"
       "too (default: left out, as stop words)")
      ("rerank-depth", po::value(&counts.rerank_depth)
           ->default_value(counts.rerank_depth)->value_name("N"),
       "how many top hits the article weight and the\n"
       "proximity weight order again (0: none)")
      ("bm25-k1", po::value(&options.ranking.bm25_k1)
           ->default_value(options.ranking.bm25_k1, "1")->value_name("K1"),
       "BM25: how fast more of a word stops counting")
      ("bm25-b", po::value(&options.ranking.bm25_b)
           ->default_value(options.ranking.bm25_b, "0.75")->value_name("B"),
       "BM25: how much a long passage is discounted (0-1)")
      ("replay-url", po::value(&options.replay_template)->value_name("TMPL"),
       "replay link for web-archive hits, e.g.\n"
       "http://localhost:8080/coll/{timestamp}/{url}")
      ("explain", po::bool_switch(&options.explain),
       "show how each hit's score was made: the BM25\n"
       "of each word, the headline, the entity boost,\n"
       "the article and the proximity")
      ("color", po::value(&color)->default_value(color)->value_name("WHEN"),
       "bold matches: auto (on a terminal), always, never")
      ("help,h", "show this help and exit");
  po::options_description serving("Serving (the HTTP API and search page, "
                                  "docs/http.md)", 80);
  serving.add_options()
      ("serve", po::bool_switch(&serve),
       "answer searches over HTTP instead of running\n"
       "one; the options above are the defaults")
      ("listen", po::value(&listen)->default_value(listen)
           ->value_name("ADDR"),
       "HOST:PORT to serve on (port 0: any free one)")
      ("workers", po::value(&server.workers)
           ->default_value(server.workers, "cores")->value_name("N"),
       "searches run at once")
      ("queue", po::value(&server.queue)
           ->default_value(server.queue)->value_name("N"),
       "requests that may wait for a worker; more\n"
       "are answered 503 (busy)");
  po::options_description hidden;
  hidden.add_options()("query", po::value(&words));
  po::options_description all;
  all.add(general).add(serving).add(hidden);
  po::positional_options_description positional;
  positional.add("query", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv)
                  .options(all)
                  .positional(positional)
                  .run(),
              vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << kProgram << ": " << e.what() << "\n"
              << "Try '" << kProgram << " --help' for more information.\n";
    return 2;
  }
  if (vm.count("help")) {
    PrintUsage(std::cout, general, serving);
    return 0;
  }
  const auto usage_error = [](const std::string& message) {
    std::cerr << kProgram << ": " << message << "\n"
              << "Usage: byline-search --db DIR [options] QUERY...\n"
              << "Try '" << kProgram << " --help' for more information.\n";
    return 2;
  };
  if (dbs.empty()) return usage_error("--db DIR is required");
  // Numbers in range: a negative count, a count past what a search can
  // show, or a weight that is not a finite number is a usage error.
  for (const auto& [name, value, max, out] :
       {std::tuple{"--limit", counts.limit, kMaxLimit, &options.limit},
        std::tuple{"--offset", counts.offset, kMaxOffset, &options.offset},
        std::tuple{"--per-article", counts.per_article, kMaxPerArticle,
                   &options.per_article},
        std::tuple{"--facet-limit", counts.facet_limit, kMaxFacetLimit,
                   &options.facet_limit},
        std::tuple{"--rerank-depth", counts.rerank_depth, kMaxRerankDepth,
                   &options.ranking.rerank_depth}}) {
    if (value < 0 || value > max) {
      return usage_error(std::string(name) + " must be from 0 to " +
                         std::to_string(max) + ", not " +
                         std::to_string(value));
    }
    *out = static_cast<size_t>(value);
  }
  for (const auto& [name, value, max] :
       {std::tuple{"--entity-boost", options.ranking.entity_boost, 100.0},
        std::tuple{"--title-weight", options.ranking.title_weight, 100.0},
        std::tuple{"--article-weight", options.ranking.article_weight, 100.0},
        std::tuple{"--proximity-weight", options.ranking.proximity_weight,
                   100.0},
        std::tuple{"--bm25-k1", options.ranking.bm25_k1, 100.0},
        std::tuple{"--bm25-b", options.ranking.bm25_b, 1.0}}) {
    if (!std::isfinite(value) || value < 0 || value > max) {
      std::ostringstream v;
      v << value;
      return usage_error(std::string(name) + " must be a number from 0 to " +
                         (max == 1.0 ? "1" : "100") + ", not " + v.str());
    }
  }

  if (words.empty() && !serve) return usage_error("no QUERY given");
  if (color != "auto" && color != "always" && color != "never") {
    return usage_error("--color must be auto, always or never, not '" + color +
                       "'");
  }
  byline::FormatOptions format_options;
  format_options.color =
      color == "always" || (color == "auto" && ::isatty(STDOUT_FILENO));
  const auto formatter = byline::MakeFormatter(format, format_options);
  if (!formatter) {
    return usage_error("--format must be text, json, jsonl or csv, not '" +
                       format + "'");
  }
  // Only JSON and JSON Lines show the highlights' byte offsets (--serve
  // answers JSON and sets its own).
  options.highlight_offsets = format == "json" || format == "jsonl";
  if (no_boost) options.ranking.entity_boost = 0;
  if (keep_question_words) options.ranking.drop_question_words = false;
  if (byline::Status s = byline::ParseFacetTypes(facets, &options.facets);
      !s.ok()) {
    return usage_error("--facets: " + s.message());
  }
  if (serve) {
    if (!words.empty()) {
      return usage_error("--serve takes no QUERY (queries come by HTTP)");
    }
#ifdef BYLINE_SERVER
    return Serve(dbs, listen, options, server);
#else
    (void)listen;
    return ExecServer(argv);
#endif
  }
  for (const std::string& w : words) {
    if (!options.query.empty()) options.query.push_back(' ');
    options.query += w;
  }

  std::unique_ptr<byline::Searcher> searcher;
  byline::SearchResults results;
  byline::Status status = byline::Searcher::Open(dbs, &searcher);
  if (status.ok()) status = searcher->Search(options, &results);
  if (!status.ok()) {
    std::cerr << kProgram << ": " << status.message() << "\n";
    return 2;
  }
  formatter->Write(results, std::cout);
  std::cout.flush();
  if (!std::cout) {
    std::cerr << kProgram << ": cannot write the results\n";
    return 2;
  }
  // --limit 0 asks for counts only: found is what matched.
  const int found = (options.limit == 0 ? results.matches_upper_bound == 0
                                        : results.hits.empty())
                        ? 1
                        : 0;
  // The output is written and flushed: the process ends without taking
  // down what it built (the databases, the facet column's mappings, the
  // counts), which the kernel frees at once, and which costs a search at a
  // million passages about a tenth of its time to free piece by piece.
  std::_Exit(found);
}
