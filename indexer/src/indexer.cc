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
#include <csignal>
#include <cstdlib>
#include <deque>
#include <unordered_set>
#include <fstream>
#include <functional>
#include <tuple>
#include <mutex>
#include <thread>
#include <nlohmann/json.hpp>

#include "byline/article.h"
#include "byline/index/article_source.h"
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
  ArticleDocuments documents;  // when indexing: built by a preparing thread
};

// One input file of the run.
struct InputFile {
  std::string path;    // as given or found
  std::string source;  // canonical, see CanonicalSource()
  uint64_t size = 0;   // as stat() said before reading
  int64_t mtime_ns = 0;
  // Incremental runs: what the database remembers of the file, if anything
  // (looked up before reading, on the calling thread).
  std::optional<IndexWriter::FileState> previous;
};

// How a file is read in this run.
enum class ReadMode {
  kWhole,   // from its start; its articles that are gone are removed
  kResume,  // from where an interrupted run last committed inside it
  kAppend,  // from the end of what the last run read: the file only grew
  kSame,    // not at all: its content is what the last run read (touched)
};

// One step of the run, in input order: a file starts, a record (framed by
// the reading thread, prepared by a preparing thread), a problem, a file
// ends. The writer takes them in this order, so the database is the same
// whatever the number of threads.
struct Unit {
  enum class Kind { kFileStart, kRecord, kProblem, kFileEnd };
  Kind kind = Kind::kRecord;
  size_t file = 0;  // index into the run's files
  // kFileStart
  ReadMode mode = ReadMode::kWhole;
  InputFormat format = InputFormat::kTxt;
  // kRecord: the record until it is prepared
  RawRecord record;
  size_t bytes = 0;  // of the record, as counted in the window
  // kRecord: what it gave; kProblem: the problem; kFileEnd: why the file
  // could not be read (on), if so.
  std::string where;
  Status status;
  DecodedRecord::Use use = DecodedRecord::Use::kNothing;
  std::optional<PreparedArticle> article;
  std::vector<std::string> warnings;
  ResumePoint next;  // kRecord, kFileEnd: reading goes on here after it
  uint64_t hash = 0;          // kFileEnd: of the content read
  uint64_t raw_read = 0;      // kRecord, kFileEnd: file bytes read so far
  bool ready = false;
};

// The file the writer is writing: what its state will say.
struct FileProgress {
  const InputFile* file = nullptr;
  ReadMode mode = ReadMode::kWhole;
  InputFormat format = InputFormat::kTxt;
  std::vector<std::string> ids;    // its articles, earlier runs' included
  std::vector<std::string> stale;  // an earlier version's, to remove at its
                                   // end unless it gave them again
  ResumePoint resume;  // just after the last record written
  size_t articles = 0, problems = 0, revisits = 0;
  bool failed = false;  // a .txt or .html file that gave no article
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
  [[nodiscard]] virtual Status KeepStamp(const InputFile& f) = 0;
  // Before a commit inside a file: where a later run resumes it.
  [[nodiscard]] virtual Status Checkpoint(const FileProgress& p) = 0;
  // After the file's last record was written.
  [[nodiscard]] virtual Status FileDone(const FileProgress& p,
                                        const Unit& end) = 0;
};

// Where the writer puts articles.
class ArticleSink {
 public:
  virtual ~ArticleSink() = default;
  // Writes one article. kBadInput: this article cannot be written (the
  // run goes on without it); any other failure stops the run.
  [[nodiscard]] virtual Status Write(PreparedArticle& a, bool* duplicate,
                                     bool* copy) = 0;
  // True when a commit is due (asked after each record).
  virtual bool CommitDue() { return false; }
  [[nodiscard]] virtual Status Commit() { return Status::Ok(); }
};

// Splits, extracts and (with `build`) builds the documents of an article
// from `source`.
void PrepareArticle(const IndexOptions& options,
                    const EntityExtractor& extractor, bool build,
                    Article&& a, PreparedArticle* pa,
                    std::vector<std::string>* warnings) {
  // Entities are found paragraph by paragraph (the pieces: the rules for
  // datelines and the like read paragraphs), then their mentions are
  // given the passage that holds their paragraph.
  SplitResult split = SplitIntoPassages(a.text, a.paragraphs, options.split);
  if (options.max_passages > 0 && split.passages.size() > options.max_passages) {
    // The first max_passages passages, and the pieces they hold.
    warnings->push_back(
        "an article of " + std::to_string(split.passages.size()) +
        " passages: the first " + std::to_string(options.max_passages) +
        " indexed, the rest left out (--max-passages)");
    size_t pieces = 0;
    while (pieces < split.pieces.size() &&
           split.passage_of_piece[pieces] < options.max_passages) {
      ++pieces;
    }
    split.pieces.resize(pieces);
    split.passage_of_piece.resize(pieces);
    split.passages.resize(options.max_passages);
  }
  if (options.entities) {
    pa->entities = extractor.Extract(a, split.pieces);
    for (Mention& m : pa->entities.mentions) {
      if (m.passage < split.passage_of_piece.size()) {
        m.passage = split.passage_of_piece[m.passage];
      }
    }
  } else {
    pa->entities.article_date = FindArticleDate(a, split.pieces);
  }
  pa->passages = std::move(split.passages);
  // No publication date from the source: the article's own dateline.
  if (a.published.empty()) a.published = pa->entities.article_date;
  if (build) {
    thread_local DocumentBuilder builder;
    pa->documents = builder.BuildArticle(a, pa->passages, pa->entities.mentions,
                                         ArticleSignature(a));
    for (const AcronymPair& p : pa->entities.acronyms) {
      pa->documents.acronyms.push_back({schema::FacetKey(p.type, p.acronym),
                                        schema::FacetKey(p.type, p.expansion),
                                        p.expansion});
    }
  }
  pa->article = std::move(a);
}

// Reads the files on one thread, prepares their records on `jobs` threads
// and hands every unit to the caller in input order. What waits between
// the stages is bounded in records and in bytes (IndexOptions::window_*),
// never in files, so memory follows the window, not the size of a file.
class Pipeline {
 public:
  Pipeline(const IndexOptions& options, const EntityExtractor& extractor,
           bool build, const std::vector<InputFile>& files, size_t jobs)
      : options_(options),
        extractor_(extractor),
        build_(build),
        files_(files) {
    read_options_.format = options.format;
    read_options_.text = options.text;
    read_options_.jsonl = options.jsonl;
    read_options_.max_record_bytes = options.max_record_bytes;
    read_options_.max_html_depth = options.max_html_depth;
    read_options_.max_json_depth = options.max_json_depth;
    read_options_.max_html_attributes = options.max_html_attributes;
    reader_ = std::thread([this] { ReadAll(); });
    // The writer is the slowest stage, and with N preparing threads on N
    // cores it shares a core with them: nice them so that the writer goes
    // first (Linux nice values are per thread). 10k passages: 3.03 ->
    // 2.79 s (docs/benchmarks.md). With a core to spare for the writer
    // they keep the normal priority: niced, they gave way to every other
    // process of a busy machine while the writer waited on them.
    const unsigned cores = std::thread::hardware_concurrency();
    const bool nice = cores == 0 || jobs + 1 > cores;
    for (size_t i = 0; i < jobs; ++i) {
      workers_.emplace_back([this, nice] {
        constexpr int kPrepareNice = 10;
        if (nice) {  // best effort
          ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()),
                        kPrepareNice);
        }
        Work();
      });
    }
  }

  ~Pipeline() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    reader_.join();
    for (std::thread& t : workers_) t.join();
  }

  // Blocks until the next unit is ready and moves it out; false at the end.
  bool Take(Unit* out) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] {
      return (!units_.empty() && units_.front().ready) ||
             (units_.empty() && read_all_);
    });
    if (units_.empty()) return false;
    *out = std::move(units_.front());
    units_.pop_front();
    if (prepare_from_ > 0) --prepare_from_;  // indices shift with the pop
    if (out->kind == Unit::Kind::kRecord) {
      --records_;
      bytes_ -= out->bytes;
    }
    lock.unlock();
    cv_.notify_all();
    return true;
  }

  // Takes back a unit the caller is done with, for a preparing thread to
  // free: freeing an article's documents is a few percent of the writer's
  // time, and the writer is the busiest thread.
  void Recycle(Unit&& u) {
    if (!u.article) return;
    std::lock_guard<std::mutex> lock(mu_);
    garbage_.push_back(std::move(u));
  }

 private:
  // Queues a unit; records wait while the window is full.
  void Push(Unit&& u) {
    std::unique_lock<std::mutex> lock(mu_);
    if (u.kind == Unit::Kind::kRecord) {
      cv_.wait(lock, [&] {
        return stop_ || records_ == 0 ||
               (records_ < options_.window_records &&
                bytes_ + u.bytes <= options_.window_bytes);
      });
      ++records_;
      bytes_ += u.bytes;
    } else {
      u.ready = true;
    }
    units_.push_back(std::move(u));
    lock.unlock();
    cv_.notify_all();
  }

  bool Stopped() {
    std::lock_guard<std::mutex> lock(mu_);
    return stop_;
  }

  void ReadAll() {
    for (size_t k = 0; k < files_.size() && !Stopped(); ++k) ReadFile(k);
    {
      std::lock_guard<std::mutex> lock(mu_);
      read_all_ = true;
    }
    cv_.notify_all();
  }

  // Decides how file `k` is read: a file whose last run was interrupted
  // resumes where it committed; a changed one whose content still begins
  // with what was read is only touched or only grew.
  ReadMode Mode(const InputFile& f, ResumePoint* at) {
    *at = ResumePoint();
    if (!f.previous || f.previous->version < 2) return ReadMode::kWhole;
    const IndexWriter::FileState& prev = *f.previous;
    if (!prev.complete) {
      if (prev.size != f.size || prev.mtime_ns != f.mtime_ns) {
        return ReadMode::kWhole;
      }
      *at = prev.resume;
      return ReadMode::kResume;
    }
    // Its size or time changed (unchanged files never get here): compare
    // the content read last time.
    std::unique_ptr<ByteStream> s;
    if (!ByteStream::Open(f.path, &s).ok() || !s->Skip(prev.content_bytes) ||
        Hex64(s->hash()) != prev.hash) {
      return ReadMode::kWhole;
    }
    if (s->FillTo(1) == ByteStream::Fill::kEnd) return ReadMode::kSame;
    if (prev.resume.Content() != prev.content_bytes) return ReadMode::kWhole;
    *at = prev.resume;
    return ReadMode::kAppend;
  }

  void ReadFile(size_t k) {
    const InputFile& f = files_[k];
    Unit start;
    start.kind = Unit::Kind::kFileStart;
    start.file = k;
    Unit end;
    end.kind = Unit::Kind::kFileEnd;
    end.file = k;
    ResumePoint at;
    start.mode = Mode(f, &at);
    if (start.mode == ReadMode::kSame) {
      Push(std::move(start));
      Push(std::move(end));
      return;
    }
    std::unique_ptr<ArticleSource> source;
    Status s = OpenArticleSource(f.path, read_options_, at, &source,
                                 &start.format);
    // Only records can be appended: a text or HTML file is read again.
    if (s.ok() && start.mode == ReadMode::kAppend &&
        start.format != InputFormat::kWarc &&
        start.format != InputFormat::kJsonl) {
      start.mode = ReadMode::kWhole;
      s = OpenArticleSource(f.path, read_options_, ResumePoint(), &source,
                            &start.format);
    }
    Push(std::move(start));
    if (!s.ok()) {
      end.status = s;
      Push(std::move(end));
      return;
    }
    const uint64_t first_raw = at.raw;
    for (;;) {
      if (Stopped()) return;
      Unit u;
      u.file = k;
      ReadProblem problem;
      const ArticleSource::Next next = source->Read(&u.record, &problem);
      if (next == ArticleSource::Next::kEnd) break;
      if (next == ArticleSource::Next::kFailed) {
        end.where = problem.where;
        end.status = problem.status;
        break;
      }
      if (next == ArticleSource::Next::kProblem) {
        u.kind = Unit::Kind::kProblem;
        u.where = problem.where;
        u.status = problem.status;
      } else {
        u.kind = Unit::Kind::kRecord;
        u.bytes = u.record.bytes.size();
        u.next = u.record.next;
      }
      u.raw_read = source->stream().raw_read() - first_raw;
      Push(std::move(u));
    }
    end.next = source->Here();
    end.hash = source->stream().hash();
    end.raw_read = source->stream().raw_read() - first_raw;
    Push(std::move(end));
  }

  void Work() {
    for (;;) {
      Unit* u = nullptr;
      std::vector<Unit> garbage;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [&] {
          return stop_ || prepare_from_ < units_.size() ||
                 (read_all_ && prepare_from_ >= units_.size());
        });
        if (stop_ || prepare_from_ >= units_.size()) return;
        // Units are prepared in order; those that are not records are
        // ready as they come.
        while (prepare_from_ < units_.size() &&
               units_[prepare_from_].kind != Unit::Kind::kRecord) {
          ++prepare_from_;
        }
        if (prepare_from_ >= units_.size()) continue;
        u = &units_[prepare_from_++];  // deque: stays valid until popped
        garbage.swap(garbage_);
      }
      garbage.clear();
      Prepare(u);
      {
        std::lock_guard<std::mutex> lock(mu_);
        u->ready = true;
      }
      cv_.notify_all();
    }
  }

  // Decodes, splits, extracts and builds one record. Whatever goes wrong,
  // an exception from any library included, is the record's status.
  void Prepare(Unit* u) {
    u->where = u->record.Where();
    try {
      DecodedRecord d;
      u->status = DecodeRecord(u->record, read_options_, &d);
      if (u->status.ok()) {
        u->use = d.use;
        u->warnings = std::move(d.warnings);
        if (d.use == DecodedRecord::Use::kArticle) {
          SetArticleIdentity(files_[u->file].source, d.key, &d.article);
          u->article.emplace();
          PrepareArticle(options_, extractor_, build_, std::move(d.article),
                         &*u->article, &u->warnings);
        }
      }
    } catch (const std::exception& e) {
      u->status = BadInput(std::string("cannot index it: ") + e.what());
    } catch (const Xapian::Error& e) {
      u->status = BadInput("cannot index it: " + e.get_description());
    } catch (...) {
      u->status = BadInput("cannot index it: unknown error");
    }
    if (!u->status.ok()) u->article.reset();
    u->record = RawRecord();  // its bytes are no longer needed
  }

  const IndexOptions& options_;
  const EntityExtractor& extractor_;
  const bool build_;
  const std::vector<InputFile>& files_;
  ReadOptions read_options_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Unit> units_;   // guarded by mu_
  size_t prepare_from_ = 0;  // first unit not yet taken by a preparing
                             // thread; guarded by mu_
  size_t records_ = 0;       // records in units_; guarded by mu_
  size_t bytes_ = 0;         // their bytes; guarded by mu_
  bool read_all_ = false;    // guarded by mu_
  bool stop_ = false;        // guarded by mu_
  std::vector<Unit> garbage_;  // Recycle()d, to free; guarded by mu_
  std::thread reader_;
  std::vector<std::thread> workers_;
};

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

std::string WithPlace(const std::string& where, const std::string& message) {
  return where.empty() ? message : where + ": " + message;
}

// Reads, splits and extracts each input file's records, hands the
// articles to `sink`, and keeps the summary and (with a tracker) the files'
// states. `files`, if not null, are the input files already collected from
// options.inputs (a shard's share of them). Returns a failed status only
// when the run cannot go on (the sink or the tracker failed).
Status ForEachArticle(const IndexOptions& options, Reporter& reporter,
                      const std::vector<std::string>* files,
                      IndexSummary* summary, FileTracker* tracker,
                      bool build_documents, ArticleSink& sink) {
  const auto started = std::chrono::steady_clock::now();
  *summary = IndexSummary();
  std::vector<InputFile> items;
  std::set<std::string> seen;  // a file named twice is read once
  std::vector<std::string> inputs =
      files != nullptr
          ? *files
          : CollectInputFiles(options.inputs, reporter, &summary->skipped);
  uint64_t total_bytes = 0;
  for (std::string& path : inputs) {
    InputFile f;
    f.source = CanonicalSource(path);
    if (!seen.insert(f.source).second) continue;
    f.path = std::move(path);
    struct stat st;
    if (::stat(f.path.c_str(), &st) == 0) {
      f.size = static_cast<uint64_t>(st.st_size);
      f.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 +
                   st.st_mtim.tv_nsec;
    }
    if (tracker != nullptr) {
      f.previous = tracker->Lookup(f.source);
      if (f.previous && f.previous->complete &&
          f.previous->size == f.size && f.previous->mtime_ns == f.mtime_ns) {
        ++summary->unchanged;
        continue;
      }
    }
    total_bytes += f.size;
    items.push_back(std::move(f));
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
  Pipeline pipeline(options, extractor, build_documents, items, jobs);
  FileProgress cur;
  size_t files_done = 0;
  uint64_t bytes_done = 0;  // of the files finished
  Unit u;
  while (pipeline.Take(&u)) {
    const InputFile& file = items[u.file];
    switch (u.kind) {
      case Unit::Kind::kFileStart: {
        cur = FileProgress();
        cur.file = &file;
        cur.mode = u.mode;
        cur.format = u.format;
        if (file.previous && u.mode != ReadMode::kWhole) {
          cur.ids = file.previous->article_ids;
        }
        if (file.previous && u.mode == ReadMode::kResume) {
          cur.stale = file.previous->stale_ids;
        } else if (file.previous && u.mode == ReadMode::kWhole) {
          cur.stale = file.previous->article_ids;
          cur.stale.insert(cur.stale.end(), file.previous->stale_ids.begin(),
                           file.previous->stale_ids.end());
        }
        if (file.previous && u.mode != ReadMode::kWhole) {
          cur.resume = file.previous->resume;
        }
        if (u.mode == ReadMode::kResume) ++summary->resumed;
        break;
      }
      case Unit::Kind::kProblem:
        reporter.Skipped(file.path, Status(u.status.code(),
                                           WithPlace(u.where, u.status.message())));
        ++summary->skipped;
        ++cur.problems;
        if (cur.format == InputFormat::kTxt || cur.format == InputFormat::kHtml) {
          cur.failed = true;
        }
        break;
      case Unit::Kind::kRecord: {
        ++summary->records;
        if (!u.status.ok()) {
          reporter.Skipped(file.path,
                           Status(u.status.code(),
                                  WithPlace(u.where, u.status.message())));
          ++summary->skipped;
          ++cur.problems;
          if (cur.format == InputFormat::kTxt ||
              cur.format == InputFormat::kHtml) {
            cur.failed = true;
          }
        }
        for (const std::string& warning : u.warnings) {
          reporter.Warning(file.path, WithPlace(u.where, warning));
          ++summary->repaired;
        }
        if (u.use == DecodedRecord::Use::kRevisit) {
          ++summary->duplicates;
          ++cur.revisits;
        }
        if (u.article) {
          PreparedArticle& a = *u.article;
          ++cur.articles;
          // The same payload captured twice (two WARC records, two files)
          // is indexed once.
          if (a.article.capture &&
              !digests.insert(a.article.capture->payload_digest).second) {
            ++summary->duplicates;
          } else {
            bool duplicate = false, copy = false;
            const Status w = sink.Write(a, &duplicate, &copy);
            if (w.code() == StatusCode::kBadInput) {
              reporter.Skipped(file.path,
                               Status(w.code(), WithPlace(u.where, w.message())));
              ++summary->skipped;
            } else if (!w.ok()) {
              return Status(w.code(), file.path + ": " +
                                          WithPlace(u.where, w.message()));
            } else if (duplicate) {
              ++summary->duplicates;
            } else {
              summary->near_duplicates += copy;
              ++summary->indexed;
              cur.ids.push_back(a.article.article_id);
              summary->passages += a.passages.size();
              summary->entities += a.entities.mentions.size();
            }
          }
        }
        cur.resume = u.next;
        // Whole records only: a commit comes between two records, and
        // says where a later run resumes this file.
        if (sink.CommitDue()) {
          if (tracker != nullptr) {
            if (Status s = tracker->Checkpoint(cur); !s.ok()) return s;
          }
          if (Status s = sink.Commit(); !s.ok()) return s;
        }
        reporter.Progress(files_done, items.size(), bytes_done + u.raw_read,
                          total_bytes);
        break;
      }
      case Unit::Kind::kFileEnd: {
        ++files_done;
        bytes_done += cur.mode == ReadMode::kSame ? 0 : u.raw_read;
        if (cur.mode == ReadMode::kSame) {
          if (Status s = tracker->KeepStamp(file); !s.ok()) return s;
          ++summary->unchanged;
        } else if (!u.status.ok() && cur.articles == 0 && cur.problems == 0) {
          reporter.Skipped(file.path, Status(u.status.code(),
                                             WithPlace(u.where, u.status.message())));
          ++summary->skipped;
        } else {
          if (!u.status.ok()) {
            reporter.Skipped(file.path,
                             Status(u.status.code(),
                                    WithPlace(u.where, u.status.message())));
            ++summary->skipped;
          }
          const bool nothing = cur.articles == 0 && cur.problems == 0 &&
                               cur.revisits == 0;
          if (cur.format == InputFormat::kWarc && nothing &&
              cur.mode == ReadMode::kWhole) {
            reporter.Skipped(file.path,
                             BadInput("no HTML or text pages in this WARC file"));
            ++summary->skipped;
          } else if (cur.format == InputFormat::kJsonl && nothing &&
                     cur.mode == ReadMode::kWhole) {
            reporter.Skipped(file.path, BadInput("empty file"));
            ++summary->skipped;
          } else if (!(cur.failed && cur.articles == 0)) {
            ++summary->files;
            summary->bytes += u.raw_read;
            if (tracker != nullptr && u.status.ok()) {
              cur.resume = u.next;
              if (Status s = tracker->FileDone(cur, u); !s.ok()) return s;
            } else if (tracker != nullptr) {
              if (Status s = tracker->Checkpoint(cur); !s.ok()) return s;
            }
            reporter.Indexed(file.path, cur.articles);
          }
        }
        reporter.Progress(files_done, items.size(), bytes_done, total_bytes);
        break;
      }
    }
    pipeline.Recycle(std::move(u));
    u = Unit();
  }
  summary->seconds = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - started)
                         .count();
  return Status::Ok();
}

}  // namespace

namespace {

// File states in the database: unchanged files are skipped, articles that
// left a file are deleted, an interrupted file is resumed, and --prune
// removes files that are gone.
class DatabaseFileTracker : public FileTracker {
 public:
  explicit DatabaseFileTracker(IndexWriter& writer) : writer_(writer) {}

  std::optional<IndexWriter::FileState> Lookup(
      const std::string& source) override {
    IndexWriter::FileState st;
    if (!writer_.GetFileState(source, &st)) return std::nullopt;
    return st;
  }

  Status KeepStamp(const InputFile& f) override {
    IndexWriter::FileState st = *f.previous;
    st.size = f.size;
    st.mtime_ns = f.mtime_ns;
    return writer_.PutFileState(st);
  }

  Status Checkpoint(const FileProgress& p) override {
    IndexWriter::FileState st = StateOf(*p.file, p.resume, false);
    st.article_ids = Distinct(p.ids);
    st.stale_ids = p.stale;
    return writer_.PutFileState(st);
  }

  Status FileDone(const FileProgress& p, const Unit& end) override {
    // The articles an earlier version of the file gave and this one did
    // not are removed.
    std::vector<std::string> ids = Distinct(p.ids);
    const std::unordered_set<std::string> now(ids.begin(), ids.end());
    std::unordered_set<std::string> deleted;
    for (const std::string& old : p.stale) {
      if (now.count(old) || !deleted.insert(old).second) continue;
      if (Status s = writer_.DeleteArticle(old); !s.ok()) return s;
    }
    IndexWriter::FileState st = StateOf(*p.file, end.next, true);
    st.hash = Hex64(end.hash);
    st.article_ids = std::move(ids);
    return writer_.PutFileState(st);
  }

 private:
  // The state of file `f`, read up to `resume`.
  static IndexWriter::FileState StateOf(const InputFile& f,
                                        const ResumePoint& resume,
                                        bool complete) {
    IndexWriter::FileState st;
    st.source = f.source;
    st.size = f.size;
    st.mtime_ns = f.mtime_ns;
    st.version = 2;
    st.complete = complete;
    st.resume = resume;
    st.content_bytes = resume.Content();
    return st;
  }

  // `ids` without repeats, in their first order.
  static std::vector<std::string> Distinct(const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    std::unordered_set<std::string> seen;
    for (const std::string& id : ids) {
      if (seen.insert(id).second) out.push_back(id);
    }
    return out;
  }

  IndexWriter& writer_;
};

// True if `source` is `root` or lies beneath it.
bool IsUnder(const std::string& source, const std::string& root) {
  return source == root ||
         (source.size() > root.size() && source.compare(0, root.size(), root) == 0 &&
          (root.back() == '/' || source[root.size()] == '/'));
}

// Writes articles with an IndexWriter, committing in batches of passages.
class DatabaseSink : public ArticleSink {
 public:
  DatabaseSink(IndexWriter& writer, size_t commit_every)
      : writer_(writer), commit_every_(commit_every) {}

  Status Write(PreparedArticle& p, bool* duplicate, bool* copy) override {
    if (writer_.HasPayloadOfAnotherArticle(p.article)) {
      *duplicate = true;
      return Status::Ok();
    }
    if (Status w = writer_.Write(p.documents, copy); !w.ok()) return w;
    since_commit_ += p.documents.passages.size();
    return Status::Ok();
  }

  bool CommitDue() override {
    if (since_commit_ == 0) return false;
    const size_t batch = commit_every_ != 0
                             ? commit_every_
                             : CommitBatch(writer_.PassageCount());
    return since_commit_ >= batch;
  }

  Status Commit() override {
    since_commit_ = 0;
    if (Status s = writer_.Commit(); !s.ok()) return s;
    // For tests of what a crash leaves: die right after commit N.
    if (kill_after_ > 0 && ++commits_ == kill_after_) ::raise(SIGKILL);
    return Status::Ok();
  }

 private:
  IndexWriter& writer_;
  const size_t commit_every_;
  size_t since_commit_ = 0;
  size_t commits_ = 0;
  const size_t kill_after_ = [] {
    const char* v = std::getenv("BYLINE_TEST_KILL_AFTER_COMMIT");
    return v != nullptr ? static_cast<size_t>(std::strtoul(v, nullptr, 10))
                        : size_t{0};
  }();
};

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
  if (Status s = IndexWriter::Open(options.db_path, &writer,
                                    options.check_database);
      !s.ok()) {
    return s;
  }
  if (writer->column_repaired()) {
    reporter.Warning(options.db_path,
                     "the facet column did not match the database and was "
                     "rebuilt from it");
  }
  DatabaseFileTracker tracker(*writer);
  DatabaseSink sink(*writer, options.commit_every);
  Status run = ForEachArticle(options, reporter, files, summary,
                              options.incremental ? &tracker : nullptr,
                              /*build_documents=*/true, sink);
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
    void Progress(size_t done, size_t total, uint64_t bytes,
                  uint64_t total_bytes) override {
      std::lock_guard<std::mutex> lock(parent_.mu_);
      parent_.done_[k_] = {done, total, bytes, total_bytes};
      size_t d = 0, t = 0;
      uint64_t b = 0, tb = 0;
      for (const auto& [dk, tk, bk, tbk] : parent_.done_) {
        d += dk;
        t += tk;
        b += bk;
        tb += tbk;
      }
      parent_.out_.Progress(d, t, b, tb);
    }

   private:
    ShardsReporter& parent_;
    const size_t k_;
  };

 private:
  Reporter& out_;
  std::mutex mu_;
  std::vector<std::tuple<size_t, size_t, uint64_t, uint64_t>> done_;  // guarded by mu_
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
  total->records += s.records;
  total->resumed += s.resumed;
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
  // Prints each article as a JSON object.
  class ExtractSink : public ArticleSink {
   public:
    explicit ExtractSink(std::ostream& out) : out_(out) {}
    Status Write(PreparedArticle& p, bool*, bool*) override {
      std::ostream& out = out_;
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
    }

   private:
    std::ostream& out_;
  } sink(out);
  return ForEachArticle(options, reporter, nullptr, summary, nullptr,
                        /*build_documents=*/false, sink);
}

}  // namespace byline
