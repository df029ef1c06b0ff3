#include "byline/index/indexer.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <set>
#include <system_error>

#include "byline/article.h"
#include "byline/index/index_writer.h"

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

Status RunIndex(const IndexOptions& options, Reporter& reporter,
                IndexSummary* summary) {
  const auto started = std::chrono::steady_clock::now();
  *summary = IndexSummary();
  const std::vector<std::string> files =
      CollectInputFiles(options.inputs, reporter, &summary->skipped);

  std::unique_ptr<IndexWriter> writer;
  if (Status s = IndexWriter::Open(options.db_path, &writer); !s.ok()) {
    return s;
  }
  std::set<std::string> seen;  // article ids done in this run
  size_t since_commit = 0;
  for (const std::string& path : files) {
    Article article;
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
    const std::vector<Passage> passages =
        SplitPassages(article.text, article.paragraphs, options.split);
    if (Status w = writer->Write(article, passages); !w.ok()) return w;
    ++summary->indexed;
    summary->passages += passages.size();
    summary->bytes += size;
    reporter.Indexed(path, passages.size());
    if (++since_commit >= options.commit_every) {
      if (Status c = writer->Commit(); !c.ok()) return c;
      since_commit = 0;
    }
  }
  Status closed = writer->Close();
  summary->seconds = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - started)
                         .count();
  return closed;
}

}  // namespace byline
