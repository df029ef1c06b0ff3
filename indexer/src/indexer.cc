#include "byline/index/indexer.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <system_error>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <condition_variable>
#include <fstream>
#include <functional>
#include <tuple>
#include <mutex>
#include <thread>
#include <nlohmann/json.hpp>

#include "byline/article.h"
#include "byline/index/entity_extractor.h"
#include "byline/index/gzip.h"
#include "byline/index/input_format.h"
#include "byline/index/html_reader.h"
#include "byline/index/jsonl_reader.h"
#include "byline/index/near_dup.h"
#include "byline/index/warc_reader.h"
#include "byline/text.h"
#include "byline/index/index_writer.h"
#include "byline/ner/tagger.h"

namespace byline {
namespace fs = std::filesystem;
namespace {

bool IsHidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

// Formats read from directories: those Byline has a reader for.
bool HasReadableExtension(const fs::path& p) {
  const InputFormat f = FormatFromName(p.string());
  return f != InputFormat::kAuto;
}

// The absolute, lexically normal form of `path`, with symlinks resolved
// where they exist: the article's `source` and the seed of its id.
std::string CanonicalSource(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) p = fs::absolute(path).lexically_normal();
  return p.string();
}

}  // namespace

std::vector<std::string> CollectInputFiles(
    const std::vector<std::string>& inputs, Reporter& reporter,
    size_t* unusable) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    std::error_code ec;
    const fs::file_status st = fs::status(input, ec);
    if (ec || !fs::exists(st)) {
      reporter.Skipped(input, IoError(ec ? ec.message()
                                         : "No such file or directory"));
      ++*unusable;
      continue;
    }
    if (!fs::is_directory(st)) {
      files.push_back(input);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(
        input, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::path& p = it->path();
      if (IsHidden(p)) {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file() && HasReadableExtension(p)) {
        found.push_back(p.string());
      }
    }
    if (ec) {
      reporter.Skipped(input, IoError("cannot list directory: " +
                                      ec.message()));
      ++*unusable;
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

namespace {

// One article ready to write: read, split, extracted.
struct PreparedArticle {
  Article article;
  std::vector<Passage> passages;
  ExtractedEntities entities;
  ArticleDocuments documents;  // when indexing: built by the reading thread
};

// What Prepare() made of one input file: its articles, and its problems.
// `status` is set when nothing of the file could be used; `problems` name
// parts (a line, a record) that were skipped while the rest was read.
struct Prepared {
  std::string path;    // as given or found
  std::string source;  // canonical, see CanonicalSource()
  Status status;
  std::vector<Status> problems;
  std::vector<std::string> warnings;
  size_t bytes = 0;
  size_t revisits = 0;  // WARC revisit records: captures of known payloads
  uint64_t size = 0;     // of the file, as stat() said before reading
  int64_t mtime_ns = 0;
  std::string hash;      // of the file's bytes
  uint64_t content_bytes = 0;  // see IndexWriter::FileState
  // Incremental runs: what the database remembers of the file, if anything
  // (looked up before reading, on the calling thread).
  std::optional<IndexWriter::FileState> previous;
  bool same_content = false;  // bytes as at the last run: nothing read
  bool appended = false;      // the last run's bytes and more: only the
                              // records after them were read
  std::vector<PreparedArticle> articles;
};

// What an incremental run needs to know of files: RunIndex implements it
// over the database's file states.
class FileTracker {
 public:
  virtual ~FileTracker() = default;
  // Before reading (calling thread): the file's stored state, if any.
  virtual std::optional<IndexWriter::FileState> Lookup(
      const std::string& source) = 0;
  // A file found unchanged by its content: its stored size and mtime are
  // brought up to date.
  [[nodiscard]] virtual Status KeepStamp(const Prepared& p) = 0;
  // After the file's articles were written: `ids` are those articles (the
  // new ones, for an appended file).
  [[nodiscard]] virtual Status FileDone(const Prepared& p,
                                        const std::vector<std::string>& ids) = 0;
};

// An article from an HTML page; `charset` from an HTTP header, "" if none.
Status ArticleFromHtml(std::string_view bytes, const std::string& charset,
                       Article* a) {
  HtmlOptions html_options;
  html_options.charset_hint = charset;
  HtmlArticle html;
  if (Status s = ParseHtml(bytes, html_options, &html); !s.ok()) return s;
  ArticleFromParagraphs(html.title, html.paragraphs, a);
  a->url = html.canonical_url;
  a->published = html.published;
  a->author = html.author;
  return Status::Ok();
}

// What a WARC record gave: an article, a revisit (a duplicate capture), or
// nothing to index (requests, metadata, images, errors, empty pages).
enum class RecordUse { kArticle, kRevisit, kNothing };

// Makes `*a` of a WARC record that holds an HTML or text page and says what
// the record gave; fails only on a defect (a broken HTTP message), with its
// description.
Status ArticleFromWarcRecord(const WarcRecord& r, const IndexOptions& options,
                             Article* a, RecordUse* use) {
  *use = RecordUse::kNothing;
  const std::string type = r.Header("WARC-Type");
  if (type == "revisit") {
    *use = RecordUse::kRevisit;
    return Status::Ok();
  }
  if (type != "response" && type != "resource") return Status::Ok();
  // Crawlers store their own logs and settings as resources under
  // metadata:// or dns: URIs; only captured web pages are articles.
  const std::string uri = r.Header("WARC-Target-URI");
  if (uri.find("http://") == std::string::npos &&
      uri.find("https://") == std::string::npos) {
    return Status::Ok();
  }
  std::string media, charset;
  ParseContentType(r.Header("Content-Type"), &media, &charset);
  std::string payload;
  if (type == "response") {
    if (media != "application/http") return Status::Ok();
    HttpResponse http;
    if (Status s = ParseHttpResponse(r.block, options.max_file_bytes, &http);
        !s.ok()) {
      return s;
    }
    if (http.status < 200 || http.status >= 300) return Status::Ok();
    media = http.content_type;
    charset = http.charset;
    payload = std::move(http.body);
  } else {
    payload = r.block;
  }
  const bool html = media == "text/html" || media == "application/xhtml+xml";
  if (!html && media != "text/plain") return Status::Ok();
  if (Trim(payload).empty()) return Status::Ok();
  Status s = html ? ArticleFromHtml(payload, charset, a)
                  : ParsePlainText(RepairUtf8(payload), options.text, a);
  if (!s.ok()) return Status::Ok();  // an empty page is no article
  Article::Capture capture;
  capture.offset = r.offset;
  capture.record_id = r.Header("WARC-Record-ID");
  capture.captured = r.Header("WARC-Date");
  capture.payload_digest = r.Header("WARC-Payload-Digest");
  if (capture.payload_digest.empty()) {
    capture.payload_digest = "fnv1a64:" + ArticleIdForSource(payload);
  }
  a->url = r.Header("WARC-Target-URI");
  if (!a->url.empty() && a->url.front() == '<' && a->url.back() == '>') {
    a->url = a->url.substr(1, a->url.size() - 2);  // WARC 1.0 style
  }
  a->capture = std::move(capture);
  *use = RecordUse::kArticle;
  return Status::Ok();
}

// Reads, splits and extracts the file `p` names; with `build`, also builds
// each article's documents.
void Prepare(const IndexOptions& options, const EntityExtractor& extractor,
             bool build, Prepared* p) {
  std::string bytes;
  p->status = ReadFileBytes(p->path, options.max_file_bytes, &bytes);
  if (!p->status.ok()) return;
  p->bytes = bytes.size();
  // The hash of the bytes the last run read, then of the whole file: the
  // same prefix means the file was only appended to.
  size_t appended_at = 0;  // in the file's bytes; 0: read everything
  uint64_t hash = kFnvOffsetBasis;
  if (p->previous && bytes.size() >= p->previous->size) {
    hash = Fnv1a64(std::string_view(bytes).substr(0, p->previous->size));
    if (Hex64(hash) == p->previous->hash) {
      if (bytes.size() == p->previous->size) {
        p->hash = p->previous->hash;
        p->same_content = true;  // touched, not changed
        return;
      }
      appended_at = p->previous->size;
    }
    hash = Fnv1a64(std::string_view(bytes).substr(p->previous->size), hash);
  } else {
    hash = Fnv1a64(bytes);
  }
  p->hash = Hex64(hash);
  // A .warc.gz is read member by member by the WARC reader, so offsets name
  // places in the file; anything else gzipped is decompressed here.
  InputFormat format = options.format;
  if (format == InputFormat::kAuto) format = FormatFromName(p->path);
  if (IsGzip(bytes) && format != InputFormat::kWarc) {
    std::string plain;
    const Status z = Gunzip(bytes, options.max_file_bytes, &plain);
    if (!z.ok() && plain.empty()) {
      p->status = z;
      return;
    }
    if (format == InputFormat::kAuto &&
        FormatFromContent(plain) == InputFormat::kWarc) {
      format = InputFormat::kWarc;  // keep the compressed bytes
    } else {
      if (!z.ok()) p->problems.push_back(z);  // keep what came before it
      bytes = std::move(plain);
    }
  }
  if (format == InputFormat::kAuto) format = FormatFromContent(bytes);
  p->content_bytes = bytes.size();

  // Records appended after what the last run read are read alone; the
  // earlier ones are in the database. JSON Lines: the content read before
  // must have ended with a whole line.
  size_t read_from = 0;  // in `bytes` (decompressed, for JSON Lines)
  size_t first_line = 1;
  if (appended_at > 0 && format == InputFormat::kWarc) {
    read_from = appended_at;
  } else if (appended_at > 0 && format == InputFormat::kJsonl) {
    const size_t old = p->previous->content_bytes;
    if (old > 0 && old < bytes.size() && bytes[old - 1] == '\n') {
      read_from = old;
      first_line = 1 + static_cast<size_t>(std::count(
                           bytes.begin(), bytes.begin() + old, '\n'));
    }
  }
  p->appended = read_from > 0;

  std::vector<Article> articles;
  switch (format) {
    case InputFormat::kTxt:
    case InputFormat::kAuto: {
      Article a;
      p->status = ParsePlainText(std::move(bytes), options.text, &a);
      if (!p->status.ok()) return;
      if (a.repaired_utf8 > 0) {
        p->warnings.push_back(
            "byte " + std::to_string(a.first_repaired) + ": invalid UTF-8 (" +
            std::to_string(a.repaired_utf8) +
            " sequences) replaced with U+FFFD");
      }
      a.source = p->source;
      a.article_id = ArticleIdForSource(p->source);
      articles.push_back(std::move(a));
      break;
    }
    case InputFormat::kJsonl:
      ParseJsonl(
          std::string_view(bytes).substr(read_from), options.jsonl,
          [&](Article&& a, std::string id) {
            a.source = p->source;
            // An id keeps the article's identity when lines move.
            a.article_id = ArticleIdForSource(
                p->source + "#" + (id.empty() ? a.record : "id:" + id));
            articles.push_back(std::move(a));
          },
          [&](size_t line, const Status& s) {
            p->problems.push_back(Status(
                s.code(), "line " + std::to_string(line) + ": " + s.message()));
          },
          first_line);
      if (articles.empty() && p->problems.empty() && !p->appended) {
        p->status = BadInput("empty file");
      }
      break;
    case InputFormat::kHtml: {
      Article a;
      p->status = ArticleFromHtml(bytes, "", &a);
      if (!p->status.ok()) return;
      a.source = p->source;
      a.article_id = ArticleIdForSource(p->source);
      articles.push_back(std::move(a));
      break;
    }
    case InputFormat::kWarc:
      ReadWarc(
          bytes, options.max_file_bytes,
          [&](WarcRecord&& r) {
            Article a;
            RecordUse use;
            const Status s = ArticleFromWarcRecord(r, options, &a, &use);
            if (!s.ok()) {
              p->problems.push_back(
                  Status(s.code(), "record at byte " +
                                       std::to_string(r.offset) + ": " +
                                       s.message()));
            } else if (use == RecordUse::kRevisit) {
              ++p->revisits;
            } else if (use == RecordUse::kArticle) {
              a.source = p->source;
              a.article_id = ArticleIdForSource(p->source + "#" +
                                                a.capture->record_id);
              articles.push_back(std::move(a));
            }
          },
          [&](size_t offset, const Status& s) {
            p->problems.push_back(Status(
                s.code(), "byte " + std::to_string(offset) + ": " + s.message()));
          },
          read_from);
      if (articles.empty() && p->problems.empty() && p->revisits == 0 &&
          !p->appended) {
        p->status = BadInput("no HTML or text pages in this WARC file");
      }
      break;
  }
  for (Article& a : articles) {
    PreparedArticle pa;
    pa.passages = SplitPassages(a.text, a.paragraphs, options.split);
    if (options.entities) {
      pa.entities = extractor.Extract(a, pa.passages);
    } else {
      pa.entities.article_date = FindArticleDate(a, pa.passages);
    }
    // No publication date from the source: the article's own dateline.
    if (a.published.empty()) a.published = pa.entities.article_date;
    if (build) {
      thread_local DocumentBuilder builder;
      pa.documents = builder.BuildArticle(a, pa.passages, pa.entities.mentions,
                                          ArticleSignature(a));
    }
    pa.article = std::move(a);
    p->articles.push_back(std::move(pa));
  }
}

// Prepares articles on `jobs` threads and hands them to `sink` on the
// calling thread in input order, so the database is the same whatever the
// number of threads. At most `window` prepared articles wait at any time,
// which bounds memory by article size, not corpus size.
class PreparePipeline {
 public:
  PreparePipeline(const IndexOptions& options, const EntityExtractor& extractor,
                  bool build, std::vector<Prepared> items, size_t jobs)
      : options_(options),
        extractor_(extractor),
        build_(build),
        items_(std::move(items)),
        ready_(items_.size(), false),
        // Deep enough that preparing goes on while the writer waits on a
        // commit's fsync (docs/design.md, "Threads").
        window_(64 * jobs) {
    for (size_t i = 0; i < jobs; ++i) {
      workers_.emplace_back([this] {
        // The writer is the slowest stage, and with N preparing threads
        // on N cores it shares a core with them: nice them so that the
        // writer goes first (Linux nice values are per thread). 10k
        // passages: 3.03 -> 2.79 s (docs/benchmarks.md). Best effort.
        constexpr int kPrepareNice = 10;
        ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()),
                      kPrepareNice);
        Work();
      });
    }
  }

  ~PreparePipeline() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    for (std::thread& t : workers_) t.join();
  }

  size_t size() const { return items_.size(); }

  // Blocks until item `i` is prepared, then moves it out. Call with i = 0,
  // 1, 2, ... in order.
  Prepared Take(size_t i) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return ready_[i]; });
    consumed_ = i + 1;
    Prepared p = std::move(items_[i]);
    lock.unlock();
    cv_.notify_all();
    return p;
  }

  // Takes back an item the caller is done with, for a preparing thread to
  // free: freeing an article's documents is a few percent of the writer's
  // time, and the writer is the busiest thread.
  void Recycle(Prepared p) {
    std::lock_guard<std::mutex> lock(mu_);
    garbage_.push_back(std::move(p));
  }

 private:
  void Work() {
    for (;;) {
      size_t i;
      std::vector<Prepared> garbage;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [&] {
          return stop_ || next_ >= items_.size() || next_ < consumed_ + window_;
        });
        if (stop_ || next_ >= items_.size()) return;
        i = next_++;
        garbage.swap(garbage_);
      }
      garbage.clear();
      Prepare(options_, extractor_, build_, &items_[i]);
      {
        std::lock_guard<std::mutex> lock(mu_);
        ready_[i] = true;
      }
      cv_.notify_all();
    }
  }

  const IndexOptions& options_;
  const EntityExtractor& extractor_;
  const bool build_;  // documents too, for the writer
  std::vector<Prepared> items_;
  std::vector<bool> ready_;  // guarded by mu_
  const size_t window_;
  std::mutex mu_;
  std::condition_variable cv_;
  size_t next_ = 0;      // next item to prepare; guarded by mu_
  size_t consumed_ = 0;  // items taken; guarded by mu_
  bool stop_ = false;    // guarded by mu_
  std::vector<Prepared> garbage_;  // Recycle()d, to free; guarded by mu_
  std::vector<std::thread> workers_;
};

// Reads, splits and extracts each input file, hands the result to `sink`,
// and keeps the summary. `sink` returns a failed status to stop the run.
// The tagger `options` ask for, into `*tagger`: none without entities or
// when options.tagger is given.
Status LoadTagger(const IndexOptions& options,
                  std::unique_ptr<NerTagger>* tagger) {
  if (!options.entities || options.tagger != nullptr) return Status::Ok();
  const std::string model =
      options.ner_model.empty() ? DefaultNerModelPath() : options.ner_model;
  if (Status s = NerTagger::Load(model, tagger); !s.ok()) {
    return Status(s.code(),
                  "cannot load the NER model " + model + ": " + s.message());
  }
  return Status::Ok();
}

// `files`, if not null, are the input files already collected from
// options.inputs (a shard's share of them).
Status ForEachArticle(const IndexOptions& options, Reporter& reporter,
                      const std::vector<std::string>* files,
                      IndexSummary* summary, FileTracker* tracker,
                      bool build_documents,
                      const std::function<Status(PreparedArticle&,
                                                 bool* duplicate, bool* copy)>&
                          sink) {
  const auto started = std::chrono::steady_clock::now();
  *summary = IndexSummary();
  std::vector<Prepared> items;
  std::set<std::string> seen;  // a file named twice is read once
  std::vector<std::string> inputs =
      files != nullptr
          ? *files
          : CollectInputFiles(options.inputs, reporter, &summary->skipped);
  for (std::string& path : inputs) {
    Prepared p;
    p.source = CanonicalSource(path);
    if (!seen.insert(p.source).second) continue;
    p.path = std::move(path);
    struct stat st;
    if (::stat(p.path.c_str(), &st) == 0) {
      p.size = static_cast<uint64_t>(st.st_size);
      p.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 +
                   st.st_mtim.tv_nsec;
    }
    if (tracker != nullptr) {
      p.previous = tracker->Lookup(p.source);
      if (p.previous && p.previous->size == p.size &&
          p.previous->mtime_ns == p.mtime_ns) {
        ++summary->unchanged;
        continue;
      }
    }
    items.push_back(std::move(p));
  }

  std::unique_ptr<NerTagger> tagger;
  // Loaded only when some file is to be read: a no-op run stays quick.
  if (!items.empty()) {
    if (Status s = LoadTagger(options, &tagger); !s.ok()) return s;
  }
  const EntityExtractor extractor(options.tagger ? options.tagger
                                                 : tagger.get());
  std::set<std::string> digests;  // payloads indexed in this run
  const size_t jobs = std::max<size_t>(1, options.jobs);
  PreparePipeline pipeline(options, extractor, build_documents,
                           std::move(items), jobs);
  for (size_t i = 0; i < pipeline.size(); ++i) {
    Prepared p = pipeline.Take(i);
    if (!p.status.ok()) {
      reporter.Skipped(p.path, p.status);
      ++summary->skipped;
      continue;
    }
    if (p.same_content) {
      if (Status s = tracker->KeepStamp(p); !s.ok()) return s;
      ++summary->unchanged;
      continue;
    }
    for (const Status& problem : p.problems) {
      reporter.Skipped(p.path, problem);
      ++summary->skipped;
    }
    for (const std::string& warning : p.warnings) {
      reporter.Warning(p.path, warning);
      ++summary->repaired;
    }
    summary->duplicates += p.revisits;
    std::vector<std::string> written;
    for (PreparedArticle& a : p.articles) {
      // The same payload captured twice (two WARC records, two files) is
      // indexed once.
      if (a.article.capture &&
          !digests.insert(a.article.capture->payload_digest).second) {
        ++summary->duplicates;
        continue;
      }
      bool duplicate = false, copy = false;
      if (Status w = sink(a, &duplicate, &copy); !w.ok()) return w;
      if (duplicate) {
        ++summary->duplicates;
        continue;
      }
      summary->near_duplicates += copy;
      ++summary->indexed;
      written.push_back(a.article.article_id);
      summary->passages += a.passages.size();
      summary->entities += a.entities.mentions.size();
    }
    if (tracker != nullptr) {
      if (Status s = tracker->FileDone(p, written); !s.ok()) return s;
    }
    ++summary->files;
    summary->bytes += p.bytes;
    reporter.Indexed(p.path, p.articles.size());
    reporter.Progress(i + 1, pipeline.size(), summary->bytes);
    pipeline.Recycle(std::move(p));
  }
  summary->seconds = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - started)
                         .count();
  return Status::Ok();
}

}  // namespace

namespace {

// File states in the database: unchanged files are skipped, articles that
// left a file are deleted, and --prune removes files that are gone.
class DatabaseFileTracker : public FileTracker {
 public:
  explicit DatabaseFileTracker(IndexWriter& writer) : writer_(writer) {}

  std::optional<IndexWriter::FileState> Lookup(
      const std::string& source) override {
    IndexWriter::FileState st;
    if (!writer_.GetFileState(source, &st)) return std::nullopt;
    return st;
  }

  Status KeepStamp(const Prepared& p) override {
    IndexWriter::FileState st = *p.previous;
    st.size = p.size;
    st.mtime_ns = p.mtime_ns;
    return writer_.PutFileState(st);
  }

  Status FileDone(const Prepared& p,
                  const std::vector<std::string>& ids) override {
    // The state looked up before the file was read: nothing else in this
    // run writes it.
    IndexWriter::FileState st = p.previous.value_or(IndexWriter::FileState());
    std::vector<std::string> all;  // in file order
    if (p.previous) {
      for (const std::string& old : p.previous->article_ids) {
        if (std::find(ids.begin(), ids.end(), old) != ids.end()) continue;
        if (p.appended) {
          all.push_back(old);  // still in the file, before the new records
        } else if (Status s = writer_.DeleteArticle(old); !s.ok()) {
          return s;
        }
      }
    }
    all.insert(all.end(), ids.begin(), ids.end());
    st.source = p.source;
    st.size = p.size;
    st.mtime_ns = p.mtime_ns;
    st.hash = p.hash;
    st.content_bytes = p.content_bytes;
    st.article_ids = std::move(all);
    return writer_.PutFileState(st);
  }

 private:
  IndexWriter& writer_;
};

// True if `source` is `root` or lies beneath it.
bool IsUnder(const std::string& source, const std::string& root) {
  return source == root ||
         (source.size() > root.size() && source.compare(0, root.size(), root) == 0 &&
          (root.back() == '/' || source[root.size()] == '/'));
}

}  // namespace

size_t CommitBatch(size_t passages) {
  return std::clamp<size_t>(passages / 16, 1000, 20000);
}

// RunIndex on one database: options.db_path, the files `files` (all of
// options.inputs if null).
Status IndexOneDatabase(const IndexOptions& options, Reporter& reporter,
                        const std::vector<std::string>* files,
                        IndexSummary* summary) {
  std::unique_ptr<IndexWriter> writer;
  if (Status s = IndexWriter::Open(options.db_path, &writer); !s.ok()) {
    return s;
  }
  DatabaseFileTracker tracker(*writer);
  size_t since_commit = 0;
  Status run = ForEachArticle(
      options, reporter, files, summary,
      options.incremental ? &tracker : nullptr,
      /*build_documents=*/true,
      [&](PreparedArticle& p, bool* duplicate, bool* copy) -> Status {
        if (writer->HasPayloadOfAnotherArticle(p.article)) {
          *duplicate = true;
          return Status::Ok();
        }
        if (Status w = writer->Write(p.documents, copy);
            !w.ok()) {
          return w;
        }
        // Whole articles only: the commit comes at an article's end.
        since_commit += p.documents.passages.size();
        const size_t batch = options.commit_every != 0
                                 ? options.commit_every
                                 : CommitBatch(writer->PassageCount());
        if (since_commit < batch) return Status::Ok();
        since_commit = 0;
        return writer->Commit();
      });
  if (run.ok() && options.prune) {
    // Files once indexed from under the given paths that are gone now.
    std::vector<std::string> roots;
    for (const std::string& input : options.inputs) {
      roots.push_back(CanonicalSource(input));
    }
    for (const IndexWriter::FileState& st : writer->AllFileStates()) {
      std::error_code ec;
      if (fs::exists(st.source, ec)) continue;
      if (std::none_of(roots.begin(), roots.end(), [&](const std::string& r) {
            return IsUnder(st.source, r);
          })) {
        continue;
      }
      if (run = writer->DeleteFile(st); !run.ok()) break;
      ++summary->pruned;
    }
  }
  Status closed = writer->Close();
  return run.ok() ? closed : run;
}

namespace {

constexpr const char* kStubName = "XAPIANDB";

std::string ShardDir(size_t k) { return "shard-" + std::to_string(k); }

// How `db_path` is laid out: `*shards` = 0 for one database, else the
// number of shard databases its stub file lists. A new sharded database
// (`wanted` > 1 and nothing at `db_path`) gets its directory and stub.
Status ShardLayout(const std::string& db_path, size_t wanted, size_t* shards) {
  *shards = 0;
  std::error_code ec;
  const fs::path stub = fs::path(db_path) / kStubName;
  if (fs::exists(stub, ec)) {
    std::ifstream in(stub);
    std::string line;
    while (std::getline(in, line)) {
      if (line == "auto " + ShardDir(*shards)) ++*shards;
    }
    if (*shards == 0) {
      return IoError(db_path + ": " + kStubName + " lists no Byline shards");
    }
    if (wanted > 0 && wanted != *shards) {
      return InvalidArgument(db_path + " has " + std::to_string(*shards) +
                             " shards, not " + std::to_string(wanted) +
                             " (merge them with xapian-compact, or index "
                             "into a new database)");
    }
    return Status::Ok();
  }
  if (wanted <= 1) return Status::Ok();
  if (fs::exists(fs::path(db_path) / "iamglass", ec)) {
    return InvalidArgument(db_path + " is one database; --shards needs a "
                           "new directory");
  }
  fs::create_directories(db_path, ec);
  // Written whole, then renamed: a crash leaves no half stub.
  const fs::path tmp = fs::path(db_path) / (std::string(kStubName) + ".tmp");
  {
    std::ofstream out(tmp);
    for (size_t k = 0; k < wanted; ++k) out << "auto " << ShardDir(k) << "\n";
    if (!out) return IoError(db_path + ": cannot write " + kStubName);
  }
  fs::rename(tmp, stub, ec);
  if (ec) return IoError(db_path + ": cannot write " + kStubName);
  *shards = wanted;
  return Status::Ok();
}

// Passes the shards' reports on, one at a time, with progress summed over
// the shards.
class ShardsReporter {
 public:
  ShardsReporter(Reporter& out, size_t shards) : out_(out), done_(shards) {}

  class Shard : public Reporter {
   public:
    Shard(ShardsReporter& parent, size_t k) : parent_(parent), k_(k) {}
    void Skipped(std::string_view path, const Status& status) override {
      std::lock_guard<std::mutex> lock(parent_.mu_);
      parent_.out_.Skipped(path, status);
    }
    void Warning(std::string_view path, std::string_view message) override {
      std::lock_guard<std::mutex> lock(parent_.mu_);
      parent_.out_.Warning(path, message);
    }
    void Indexed(std::string_view path, size_t passages) override {
      std::lock_guard<std::mutex> lock(parent_.mu_);
      parent_.out_.Indexed(path, passages);
    }
    void Progress(size_t done, size_t total, size_t bytes) override {
      std::lock_guard<std::mutex> lock(parent_.mu_);
      parent_.done_[k_] = {done, total, bytes};
      size_t d = 0, t = 0, b = 0;
      for (const auto& [dk, tk, bk] : parent_.done_) {
        d += dk;
        t += tk;
        b += bk;
      }
      parent_.out_.Progress(d, t, b);
    }

   private:
    ShardsReporter& parent_;
    const size_t k_;
  };

 private:
  Reporter& out_;
  std::mutex mu_;
  std::vector<std::tuple<size_t, size_t, size_t>> done_;  // guarded by mu_
};

void AddSummary(const IndexSummary& s, IndexSummary* total) {
  total->indexed += s.indexed;
  total->files += s.files;
  total->skipped += s.skipped;
  total->repaired += s.repaired;
  total->duplicates += s.duplicates;
  total->near_duplicates += s.near_duplicates;
  total->unchanged += s.unchanged;
  total->pruned += s.pruned;
  total->passages += s.passages;
  total->entities += s.entities;
  total->bytes += s.bytes;
}

}  // namespace

size_t ShardOf(std::string_view source, size_t shards) {
  return static_cast<size_t>(Fnv1a64(source) % shards);
}

Status RunIndex(const IndexOptions& options, Reporter& reporter,
                IndexSummary* summary) {
  size_t shards = 0;
  if (Status s = ShardLayout(options.db_path, options.shards, &shards);
      !s.ok()) {
    return s;
  }
  if (shards == 0) {
    return IndexOneDatabase(options, reporter, nullptr, summary);
  }
  // Each file goes to the shard its path hashes to, with its state, so a
  // shard is a whole Byline database of its own files.
  const auto started = std::chrono::steady_clock::now();
  *summary = IndexSummary();
  std::vector<std::vector<std::string>> files(shards);
  for (std::string& path :
       CollectInputFiles(options.inputs, reporter, &summary->skipped)) {
    files[ShardOf(CanonicalSource(path), shards)].push_back(std::move(path));
  }
  // One tagger for all shards.
  std::unique_ptr<NerTagger> tagger;
  IndexOptions shared = options;
  if (Status s = LoadTagger(options, &tagger); !s.ok()) return s;
  if (tagger) shared.tagger = tagger.get();
  shared.jobs = std::max<size_t>(1, options.jobs / shards);
  ShardsReporter reporters(reporter, shards);
  std::vector<IndexSummary> sums(shards);
  std::vector<Status> statuses(shards);
  std::vector<std::thread> threads;
  for (size_t k = 0; k < shards; ++k) {
    threads.emplace_back([&, k] {
      IndexOptions mine = shared;
      mine.db_path = (fs::path(options.db_path) / ShardDir(k)).string();
      ShardsReporter::Shard report(reporters, k);
      statuses[k] = IndexOneDatabase(mine, report, &files[k], &sums[k]);
    });
  }
  for (std::thread& t : threads) t.join();
  for (const IndexSummary& s : sums) AddSummary(s, summary);
  summary->seconds = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - started)
                         .count();
  for (const Status& s : statuses) {
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status RunExtract(const IndexOptions& options, Reporter& reporter,
                  std::ostream& out, IndexSummary* summary) {
  return ForEachArticle(
      options, reporter, nullptr, summary, nullptr, /*build_documents=*/false,
      [&](PreparedArticle& p, bool*, bool*) -> Status {
        nlohmann::ordered_json j;
        j["source"] = p.article.source;
        j["article_id"] = p.article.article_id;
        j["title"] = p.article.title;
        for (const auto& [key, value] :
             {std::pair<const char*, const std::string*>{"record", &p.article.record},
              {"url", &p.article.url},
              {"published", &p.article.published},
              {"author", &p.article.author}}) {
          if (!value->empty()) j[key] = *value;
        }
        j["date"] = p.entities.article_date.empty()
                        ? nlohmann::ordered_json(nullptr)
                        : nlohmann::ordered_json(p.entities.article_date);
        j["text"] = p.article.text;
        j["passages"] = nlohmann::ordered_json::array();
        for (const Passage& ps : p.passages) {
          j["passages"].push_back({{"index", ps.index},
                                   {"start", ps.range.start},
                                   {"end", ps.range.end}});
        }
        j["entities"] = nlohmann::ordered_json::array();
        for (const Mention& m : p.entities.mentions) {
          nlohmann::ordered_json e;
          e["type"] = EntityTypeName(m.type);
          e["name"] = m.name;
          e["text"] = m.text;
          e["start"] = m.start;
          e["end"] = m.end;
          e["passage"] = m.passage == Mention::kNoPassage
                             ? nlohmann::ordered_json(nullptr)
                             : nlohmann::ordered_json(m.passage);
          j["entities"].push_back(std::move(e));
        }
        out << j.dump() << '\n';
        if (!out) return IoError("cannot write the output");
        return Status::Ok();
      });
}

}  // namespace byline
