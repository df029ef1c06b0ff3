// byline-index: parse options, run the indexer, map the outcome to an exit
// code (0 all indexed, 1 nothing to index, 2 usage/I/O error or some inputs
// skipped).
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <exception>
#include <chrono>
#include <fstream>
#include <boost/program_options.hpp>

#include <cctype>
#include <cstdint>
#include <thread>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "byline/index/indexer.h"
#include "byline/schema.h"
#include "byline/text.h"

namespace po = boost::program_options;

namespace {

constexpr const char* kProgram = "byline-index";

// The database of this run, for OnTerminate.
std::string g_db_path;

// Xapian 1.4 can end the process from inside a commit whose writes fail
// (a full disk): a second exception leaves a destructor while the first
// unwinds, and C++ calls std::terminate. Say what happened and where,
// instead of "terminate called after throwing ...". The database keeps its
// last commit (Xapian writes a revision whole or not at all).
[[noreturn]] void OnTerminate() {
  std::string what = "an unexpected error";
  if (const std::exception_ptr e = std::current_exception()) {
    try {
      std::rethrow_exception(e);
    } catch (const Xapian::Error& x) {
      what = x.get_description();
    } catch (const std::exception& x) {
      what = x.what();
    } catch (...) {
    }
  }
  std::cerr << "\n" << kProgram << ": "
            << (g_db_path.empty() ? "" : g_db_path + ": ") << "stopped by "
            << what
            << ". The database keeps what its last commit held; after the "
               "cause is fixed (e.g. space freed), the next run goes on "
               "from there\n";
  ::_exit(2);
}

// Problems on stderr; on a terminal (and without --quiet) also a live
// progress line, redrawn at most five times a second.
class StderrReporter : public byline::Reporter {
 public:
  explicit StderrReporter(bool progress) : progress_(progress) {}
  ~StderrReporter() override { ClearLine(); }

  void Skipped(std::string_view path, const byline::Status& status) override {
    ClearLine();
    std::cerr << kProgram << ": " << path << ": " << status.message()
              << " (skipped)\n";
  }
  void Warning(std::string_view path, std::string_view message) override {
    ClearLine();
    std::cerr << kProgram << ": " << path << ": " << message << "\n";
  }
  void Progress(size_t done, size_t total, uint64_t bytes,
                uint64_t total_bytes) override {
    if (!progress_) return;
    const auto now = std::chrono::steady_clock::now();
    if (done < total && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double secs =
        std::chrono::duration<double>(now - start_).count() + 1e-9;
    // By bytes, not files: one big WARC file is most of some runs.
    const double rate = static_cast<double>(bytes) / secs;
    const double eta =
        rate > 0 && total_bytes > bytes
            ? static_cast<double>(total_bytes - bytes) / rate
            : 0;
    char line[160];
    std::snprintf(line, sizeof line,
                  "\r%s: %zu/%zu files, %.1f of %.1f MB, %.2f MB/s, "
                  "ETA %d:%02d ",
                  kProgram, done, total, static_cast<double>(bytes) / 1e6,
                  static_cast<double>(total_bytes) / 1e6, rate / 1e6,
                  static_cast<int>(eta) / 60, static_cast<int>(eta) % 60);
    std::cerr << line << std::flush;
    shown_ = true;
  }

  // Erases the progress line, if one is shown.
  void ClearLine() {
    if (shown_) std::cerr << "\r\x1b[K";
    shown_ = false;
  }
 private:
  bool progress_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

// "64M" -> 67108864: a positive number of bytes, with an optional K, M or
// G (powers of 1024).
bool ParseSize(const std::string& text, uint64_t* out) {
  if (text.empty()) return false;
  size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) {
    ++digits;
  }
  if (digits == 0 || digits > 15) return false;
  uint64_t n = std::stoull(text.substr(0, digits));
  const std::string unit = text.substr(digits);
  if (unit == "K" || unit == "k") {
    n <<= 10;
  } else if (unit == "M" || unit == "m") {
    n <<= 20;
  } else if (unit == "G" || unit == "g") {
    n <<= 30;
  } else if (!unit.empty()) {
    return false;
  }
  *out = n;
  return n > 0;
}

void PrintUsage(std::ostream& out, const po::options_description& visible) {
  out << kProgram
      << " - index news articles as passages for byline-search\n\n"
         "Usage: byline-index --db DIR [options] PATH...\n"
         "       byline-index --extract [options] PATH... > articles.jsonl\n\n"
         "Reads each PATH (a file, or a directory searched recursively for\n"
         ".txt, .html, .jsonl and .warc files, gzipped or not), splits\n"
         "every article into paragraph-sized passages, finds the people,\n"
         "organisations, places and dates it names, and stores each\n"
         "passage as one document in the Xapian database DIR, creating it\n"
         "if needed. A plain-text article is its first non-empty line (the\n"
         "title), then paragraphs separated by blank lines; of an HTML page\n"
         "only the article body is kept; a JSON Lines file holds one\n"
         "article per line; a WARC file, web pages captured by a crawler.\n"
         "A file unchanged since the last run (size and time, else\n"
         "content) is skipped; a changed one is indexed again, its old\n"
         "passages replaced.\n\n"
      << visible
      << "\nExit status: 0 all indexed, 1 no input files or nothing new in them,\n"
         "2 usage or database error, or some inputs or records skipped (each\n"
         "is named on stderr with its file and place).\n\n"
         "Examples:\n"
         "  byline-index --db news.db corpus/\n"
         "  byline-index --db news.db crawl-00001.warc.gz  # 1 GB: streamed\n"
         "  byline-index --extract corpus/txt/nato-poland-missiles.txt\n";
}

}  // namespace

int main(int argc, char** argv) {
  byline::IndexOptions options;
  options.jobs = std::max(1u, std::thread::hardware_concurrency());
  bool quiet = false, extract = false, no_entities = false, force = false;
  std::string format = "auto", stats_json, max_record = "64M",
              check_database = "tables";
  std::vector<std::string> fields;
  po::options_description general("Options", 80);
  general.add_options()
      ("db", po::value(&options.db_path)->value_name("DIR"),
       "database to create or update")
      ("extract", po::bool_switch(&extract),
       "print articles with passages and entities as\n"
       "JSON Lines; write no database")
      ("format", po::value(&format)->default_value(format)->value_name("FMT"),
       "input format: auto (by name, then content), txt,\n"
       "html, jsonl or warc; gzip is read transparently")
      ("field", po::value(&fields)->value_name("NAME=KEYS"),
       "JSON Lines member names for a field, tried in\n"
       "order, e.g. text=story,body (fields: id, title,\n"
       "text, date, url, source, author)")
      ("no-entities", po::bool_switch(&no_entities),
       "skip entity extraction (faster; no facets)")
      ("ner-model", po::value(&options.ner_model)->value_name("FILE"),
       "entity tagger model (default: the shipped one, or\n"
       "$BYLINE_NER_MODEL)")
      ("max-words", po::value(&options.split.max_words)
           ->default_value(options.split.max_words)->value_name("N"),
       "cut paragraphs longer than N words at sentence ends")
      ("min-words", po::value(&options.split.min_words)
           ->default_value(options.split.min_words)->value_name("N"),
       "join paragraphs shorter than N words with their\n"
       "neighbours into one passage (0: never)")
      ("jobs,j", po::value(&options.jobs)
           ->default_value(options.jobs)->value_name("N"),
       "threads reading files and finding entities while\n"
       "one thread writes the database")
      ("shards", po::value(&options.shards)->value_name("N"),
       "write N databases in parallel under DIR, searched\n"
       "as one through DIR/XAPIANDB (later runs keep the\n"
       "number; see docs/cli/byline-index.md)")
      ("prune", po::bool_switch(&options.prune),
       "remove what came from files that are gone from\n"
       "under the given paths")
      ("force", po::bool_switch(&force),
       "re-index files even if unchanged since the last run")
      ("max-record-bytes",
       po::value(&max_record)->value_name("SIZE"),
       "skip (and name) a record larger than SIZE: a\n"
       ".txt or .html file, a JSON line, a WARC record or\n"
       "its decoded page (default 64M; K, M, G). Files of\n"
       "any size are read as streams")
      ("max-html-depth", po::value(&options.max_html_depth)->value_name("N"),
       "skip (and name) an HTML page whose elements nest\n"
       "deeper than N (default 5000)")
      ("max-html-attributes",
       po::value(&options.max_html_attributes)->value_name("N"),
       "skip (and name) an HTML page with a tag of more\n"
       "than N attributes (default 1000)")
      ("max-passages", po::value(&options.max_passages)->value_name("N"),
       "index the first N passages of a longer article and\n"
       "leave out the rest, with a warning naming it\n"
       "(default 10000; 0: no limit)")
      ("max-json-depth", po::value(&options.max_json_depth)->value_name("N"),
       "skip (and name) a JSON line whose objects and\n"
       "arrays nest deeper than N (default 100)")
      ("check-database",
       po::value(&check_database)->value_name("LEVEL"),
       "check an existing database before writing to it:\n"
       "tables (default: each table's B-tree, about 3 s\n"
       "a GB), full (also Xapian's cross-checks, about\n"
       "twice as long) or none. A damaged database is\n"
       "named and left as it was")
      ("commit-every", po::value(&options.commit_every)->value_name("N"),
       "commit after the record that brings the passages\n"
       "written since the last commit to N (a crash loses\n"
       "at most that batch; the next run goes on from the\n"
       "last commit, inside a file too).\n"
       "Default: a sixteenth of the passages in the\n"
       "database, at least 1000 and at most 20000")
      ("stats-json", po::value(&stats_json)->value_name("FILE"),
       "also write the run's summary to FILE as JSON")
      ("quiet,q", po::bool_switch(&quiet),
       "print only problems: no progress line, no summary")
      ("version", "show the version, the index schema and the\n"
       "entity model used, and exit")
      ("help,h", "show this help and exit");
  po::options_description hidden;
  hidden.add_options()("input", po::value(&options.inputs));
  po::options_description all;
  all.add(general).add(hidden);
  po::positional_options_description positional;
  positional.add("input", -1);

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
    PrintUsage(std::cout, general);
    return 0;
  }
  if (vm.count("version")) {
    std::cout << kProgram << " " << BYLINE_VERSION << "\nindex schema "
              << byline::schema::kSchemaVersion << "\nentity model "
              << (options.ner_model.empty() ? byline::DefaultNerModelPath()
                                            : options.ner_model)
              << "\n";
    return 0;
  }
  if ((options.db_path.empty() && !extract) || options.inputs.empty() ||
      (extract && !options.db_path.empty())) {
    std::cerr << kProgram << ": "
              << (extract && !options.db_path.empty()
                      ? "--extract writes no database: drop --db"
                  : options.inputs.empty() ? "no PATH to index"
                                           : "--db DIR is required")
              << "\nUsage: byline-index --db DIR [options] PATH...\n"
              << "Try '" << kProgram << " --help' for more information.\n";
    return 2;
  }

  StderrReporter reporter(!quiet && !extract && ::isatty(STDERR_FILENO));
  byline::IndexSummary summary;
  if (!ParseSize(max_record, &options.max_record_bytes)) {
    std::cerr << kProgram << ": --max-record-bytes: '" << max_record
              << "' is not a size (e.g. 64M, 1G, 500000)\n";
    return 2;
  }
  if (!byline::ParseDatabaseCheck(check_database, &options.check_database)) {
    std::cerr << kProgram << ": --check-database must be tables, full or "
              << "none, not '" << check_database << "'\n";
    return 2;
  }
  options.entities = !no_entities;
  options.incremental = !force;
  if (const auto f = byline::ParseInputFormat(format)) {
    options.format = *f;
  } else {
    std::cerr << kProgram << ": --format must be auto, txt, jsonl, html or "
              << "warc, not '" << format << "'\n";
    return 2;
  }
  for (const std::string& field : fields) {
    const size_t eq = field.find('=');
    const std::string name = field.substr(0, eq);
    std::vector<std::string>* target =
        name == "id"       ? &options.jsonl.id
        : name == "title"  ? &options.jsonl.title
        : name == "text"   ? &options.jsonl.text
        : name == "date"   ? &options.jsonl.date
        : name == "url"    ? &options.jsonl.url
        : name == "source" ? &options.jsonl.source
        : name == "author" ? &options.jsonl.author
                           : nullptr;
    if (target == nullptr || eq == std::string::npos || eq + 1 == field.size()) {
      std::cerr << kProgram << ": --field '" << field
                << "': use NAME=KEY[,KEY...] with NAME one of id, title, "
                   "text, date, url, source, author\n";
      return 2;
    }
    target->clear();
    for (const std::string_view key :
         byline::Split(std::string_view(field).substr(eq + 1), ',')) {
      target->emplace_back(key);
    }
  }
  g_db_path = options.db_path;
  std::set_terminate(OnTerminate);
  const byline::Status status =
      extract ? byline::RunExtract(options, reporter, std::cout, &summary)
              : byline::RunIndex(options, reporter, &summary);
  reporter.ClearLine();
  if (!status.ok()) {
    std::cerr << kProgram << ": " << status.message() << "\n";
    return 2;
  }
  if (!stats_json.empty()) {
    std::ofstream out(stats_json);
    out << "{\"indexed\": " << summary.indexed << ", \"files\": " << summary.files
        << ", \"unchanged\": " << summary.unchanged
        << ", \"skipped\": " << summary.skipped
        << ", \"repaired\": " << summary.repaired
        << ", \"duplicates\": " << summary.duplicates
        << ", \"near_duplicates\": " << summary.near_duplicates
        << ", \"pruned\": " << summary.pruned
        << ", \"passages\": " << summary.passages
        << ", \"entities\": " << summary.entities
        << ", \"bytes\": " << summary.bytes
        << ", \"records\": " << summary.records
        << ", \"resumed\": " << summary.resumed
        << ", \"seconds\": " << summary.seconds << "}\n";
    if (!out) {
      std::cerr << kProgram << ": cannot write " << stats_json << "\n";
      return 2;
    }
  }
  if ((!quiet && !extract) || summary.skipped > 0) {
    // Counts that are usually zero appear only when they are not.
    std::string extras;
    for (const auto& [name, count] :
         {std::pair<const char*, size_t>{"repaired", summary.repaired},
          {"duplicates", summary.duplicates},
          {"near-duplicates", summary.near_duplicates},
          {"pruned", summary.pruned},
          {"resumed", summary.resumed}}) {
      if (count > 0) extras += std::string(", ") + name + " " + std::to_string(count);
    }
    char line[256];
    std::snprintf(line, sizeof line,
                  "%s: indexed %zu articles from %zu files (%zu passages, %zu "
                  "entities, %.2f MB), unchanged %zu, skipped %zu%s in "
                  "%.2f s\n",
                  kProgram, summary.indexed, summary.files, summary.passages,
                  summary.entities, static_cast<double>(summary.bytes) / 1e6,
                  summary.unchanged, summary.skipped, extras.c_str(),
                  summary.seconds);
    std::cerr << line;
  }
  if (summary.skipped > 0) return 2;
  if (summary.indexed == 0 && summary.unchanged == 0 && summary.pruned == 0 &&
      summary.files > 0) {
    std::cerr << kProgram << ": no new article in the " << summary.files
              << (summary.files == 1 ? " file" : " files")
              << " read (pages already indexed, WARC revisits and requests"
              << " are not articles)\n";
    return 1;
  }
  if (summary.indexed == 0 && summary.unchanged == 0 && summary.pruned == 0) {
    std::cerr << kProgram << ": no input files found (directories are searched"
              << " for .txt, .html, .jsonl, .warc, also .gz)\n";
    return 1;
  }
  return 0;
}
