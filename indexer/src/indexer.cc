#include "byline/index/indexer.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <set>
#include <system_error>

#include <functional>
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

// What every run does per article: read, split, extract.
struct Prepared {
  Article article;
  std::vector<Passage> passages;
  ExtractedEntities entities;
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
  const std::vector<std::string> files =
      CollectInputFiles(options.inputs, reporter, &summary->skipped);

  std::set<std::string> seen;  // article ids done in this run
  for (const std::string& path : files) {
    Prepared p;
    Article& article = p.article;
    article.source = CanonicalSource(path);
    article.article_id = ArticleIdForSource(article.source);
    if (!seen.insert(article.article_id).second) continue;  // named twice

    std::string bytes;
    Status s = ReadFileBytes(path, options.max_file_bytes, &bytes);
    const size_t size = bytes.size();
    if (s.ok()) s = ParsePlainText(std::move(bytes), options.text, &article);
    if (!s.ok()) {
      reporter.Skipped(path, s);
      ++summary->skipped;
      continue;
    }
    if (article.repaired_utf8 > 0) {
      reporter.Warning(path, "byte " + std::to_string(article.first_repaired) +
                                 ": invalid UTF-8 (" +
                                 std::to_string(article.repaired_utf8) +
                                 " sequences) replaced with U+FFFD");
      ++summary->repaired;
    }
    p.passages = SplitPassages(article.text, article.paragraphs, options.split);
    if (options.entities) {
      p.entities = extractor.Extract(article, p.passages);
    } else {
      p.entities.article_date = FindArticleDate(article, p.passages);
    }
    if (Status w = sink(p); !w.ok()) return w;
    ++summary->indexed;
    summary->passages += p.passages.size();
    summary->entities += p.entities.mentions.size();
    summary->bytes += size;
    reporter.Indexed(path, p.passages.size());
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
