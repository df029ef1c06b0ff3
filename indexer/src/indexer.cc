#include "byline/index/indexer.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <set>
#include <system_error>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <nlohmann/json.hpp>

#include "byline/article.h"
#include "byline/index/entity_extractor.h"
#include "byline/index/index_writer.h"
#include "byline/ner/tagger.h"

namespace byline {
namespace fs = std::filesystem;
namespace {

bool IsHidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

bool HasTextExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return ext == ".txt" || ext == ".text";
}

std::string SystemMessage(const std::error_code& ec) {
  return ec.message();
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
      reporter.Skipped(input, IoError(ec ? SystemMessage(ec)
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
      if (it->is_regular_file() && HasTextExtension(p)) {
        found.push_back(p.string());
      }
    }
    if (ec) {
      reporter.Skipped(input, IoError("cannot list directory: " +
                                      SystemMessage(ec)));
      ++*unusable;
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

namespace {

// What every run does per article: read, split, extract. A file that
// cannot be used has `status` set; a repaired one has a warning.
struct Prepared {
  std::string path;
  Status status;
  std::string warning;
  size_t bytes = 0;
  Article article;
  std::vector<Passage> passages;
  ExtractedEntities entities;
};

void Prepare(const IndexOptions& options, const EntityExtractor& extractor,
             Prepared* p) {
  std::string bytes;
  p->status = ReadFileBytes(p->path, options.max_file_bytes, &bytes);
  p->bytes = bytes.size();
  if (p->status.ok()) {
    p->status = ParsePlainText(std::move(bytes), options.text, &p->article);
  }
  if (!p->status.ok()) return;
  const Article& article = p->article;
  if (article.repaired_utf8 > 0) {
    p->warning = "byte " + std::to_string(article.first_repaired) +
                 ": invalid UTF-8 (" + std::to_string(article.repaired_utf8) +
                 " sequences) replaced with U+FFFD";
  }
  p->passages = SplitPassages(article.text, article.paragraphs, options.split);
  if (options.entities) {
    p->entities = extractor.Extract(article, p->passages);
  } else {
    p->entities.article_date = FindArticleDate(article, p->passages);
  }
}

// Prepares articles on `jobs` threads and hands them to `sink` on the
// calling thread in input order, so the database is the same whatever the
// number of threads. At most `window` prepared articles wait at any time,
// which bounds memory by article size, not corpus size.
class PreparePipeline {
 public:
  PreparePipeline(const IndexOptions& options, const EntityExtractor& extractor,
                  std::vector<Prepared> items, size_t jobs)
      : options_(options),
        extractor_(extractor),
        items_(std::move(items)),
        ready_(items_.size(), false),
        window_(4 * jobs) {
    for (size_t i = 0; i < jobs; ++i) workers_.emplace_back([this] { Work(); });
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

 private:
  void Work() {
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [&] {
          return stop_ || next_ >= items_.size() || next_ < consumed_ + window_;
        });
        if (stop_ || next_ >= items_.size()) return;
        i = next_++;
      }
      Prepare(options_, extractor_, &items_[i]);
      {
        std::lock_guard<std::mutex> lock(mu_);
        ready_[i] = true;
      }
      cv_.notify_all();
    }
  }

  const IndexOptions& options_;
  const EntityExtractor& extractor_;
  std::vector<Prepared> items_;
  std::vector<bool> ready_;  // guarded by mu_
  const size_t window_;
  std::mutex mu_;
  std::condition_variable cv_;
  size_t next_ = 0;      // next item to prepare; guarded by mu_
  size_t consumed_ = 0;  // items taken; guarded by mu_
  bool stop_ = false;    // guarded by mu_
  std::vector<std::thread> workers_;
};

// Reads, splits and extracts each input file, hands the result to `sink`,
// and keeps the summary. `sink` returns a failed status to stop the run.
Status ForEachArticle(const IndexOptions& options, Reporter& reporter,
                      IndexSummary* summary,
                      const std::function<Status(const Prepared&)>& sink) {
  const auto started = std::chrono::steady_clock::now();
  *summary = IndexSummary();
  std::unique_ptr<NerTagger> tagger;
  if (options.entities && options.tagger == nullptr) {
    const std::string model = options.ner_model.empty()
                                  ? DefaultNerModelPath()
                                  : options.ner_model;
    if (Status s = NerTagger::Load(model, &tagger); !s.ok()) {
      return Status(s.code(), "cannot load the NER model " + model + ": " +
                                  s.message());
    }
  }
  const EntityExtractor extractor(options.tagger ? options.tagger
                                                 : tagger.get());
  std::vector<Prepared> items;
  std::set<std::string> seen;  // a file named twice is indexed once
  for (std::string& path :
       CollectInputFiles(options.inputs, reporter, &summary->skipped)) {
    Prepared p;
    p.article.source = CanonicalSource(path);
    p.article.article_id = ArticleIdForSource(p.article.source);
    if (!seen.insert(p.article.article_id).second) continue;
    p.path = std::move(path);
    items.push_back(std::move(p));
  }

  const size_t jobs = std::max<size_t>(1, options.jobs);
  PreparePipeline pipeline(options, extractor, std::move(items), jobs);
  for (size_t i = 0; i < pipeline.size(); ++i) {
    const Prepared p = pipeline.Take(i);
    if (!p.status.ok()) {
      reporter.Skipped(p.path, p.status);
      ++summary->skipped;
      continue;
    }
    if (!p.warning.empty()) {
      reporter.Warning(p.path, p.warning);
      ++summary->repaired;
    }
    if (Status w = sink(p); !w.ok()) return w;
    ++summary->indexed;
    summary->passages += p.passages.size();
    summary->entities += p.entities.mentions.size();
    summary->bytes += p.bytes;
    reporter.Indexed(p.path, p.passages.size());
  }
  summary->seconds = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - started)
                         .count();
  return Status::Ok();
}

}  // namespace

Status RunIndex(const IndexOptions& options, Reporter& reporter,
                IndexSummary* summary) {
  std::unique_ptr<IndexWriter> writer;
  if (Status s = IndexWriter::Open(options.db_path, &writer); !s.ok()) {
    return s;
  }
  size_t since_commit = 0;
  Status run = ForEachArticle(
      options, reporter, summary, [&](const Prepared& p) -> Status {
        if (Status w = writer->Write(p.article, p.passages,
                                     p.entities.mentions);
            !w.ok()) {
          return w;
        }
        if (++since_commit < options.commit_every) return Status::Ok();
        since_commit = 0;
        return writer->Commit();
      });
  Status closed = writer->Close();
  return run.ok() ? closed : run;
}

Status RunExtract(const IndexOptions& options, Reporter& reporter,
                  std::ostream& out, IndexSummary* summary) {
  return ForEachArticle(
      options, reporter, summary, [&](const Prepared& p) -> Status {
        nlohmann::ordered_json j;
        j["source"] = p.article.source;
        j["article_id"] = p.article.article_id;
        j["title"] = p.article.title;
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
