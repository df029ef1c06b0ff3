// Reads JSON Lines exports of newsroom systems: one article per line, an
// object with the article's fields under configurable names. A malformed
// line is reported with its line number and the rest are read. Plain C++
// over bytes; thread-safe.
#ifndef BYLINE_INDEX_JSONL_READER_H_
#define BYLINE_INDEX_JSONL_READER_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "byline/article.h"
#include "byline/status.h"

namespace byline {

// For each field, the member names tried in order; the first present wins.
struct JsonlFields {
  std::vector<std::string> id = {"id", "_id", "guid"};
  std::vector<std::string> title = {"title", "headline"};
  std::vector<std::string> text = {"text", "body", "content"};
  std::vector<std::string> date = {"date", "published", "datePublished",
                                   "published_at"};
  std::vector<std::string> url = {"url", "link"};
  std::vector<std::string> source = {"source", "publisher"};
  std::vector<std::string> author = {"author", "byline", "authors"};
};

// Calls `article` for each line that holds an article (title, text,
// paragraphs, url, published, author and `record` = "line N" are set;
// `source` and `article_id` are left to the caller; `id` receives the
// record's id, "" if none) and `problem` for each line that does not, with
// its 1-based number. Blank lines are skipped. `first_line` is the number
// of the first line of `content` (when it is the tail of a longer file).
void ParseJsonl(
    std::string_view content, const JsonlFields& fields,
    const std::function<void(Article&& article, std::string id)>& article,
    const std::function<void(size_t line, const Status& status)>& problem,
    size_t first_line = 1);

// JSON nested deeper than this (objects and arrays within each other) is
// refused: a news record needs a handful of levels, and parsing a line of
// millions of "[" costs some 80 bytes of memory per byte.
inline constexpr size_t kDefaultMaxJsonDepth = 100;

// Parses one line (a JSON object) into `*article` as ParseJsonl() does,
// and its id into `*id` ("" if none). Fails with kBadInput saying why,
// also when the JSON nests deeper than `max_depth`.
[[nodiscard]] Status ParseJsonLine(std::string_view line,
                                   const JsonlFields& fields, size_t line_no,
                                   Article* article, std::string* id,
                                   size_t max_depth = kDefaultMaxJsonDepth);

}  // namespace byline

#endif  // BYLINE_INDEX_JSONL_READER_H_
