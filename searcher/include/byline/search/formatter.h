// Result formatters: one interface, one implementation per output format.
// They see only SearchResults, never Xapian. Stateless apart from options.
#ifndef BYLINE_SEARCH_FORMATTER_H_
#define BYLINE_SEARCH_FORMATTER_H_

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "byline/search/results.h"

namespace byline {

class Formatter {
 public:
  virtual ~Formatter() = default;
  virtual void Write(const SearchResults& results, std::ostream& out) = 0;
};

struct FormatOptions {
  bool color = false;  // text: highlight matches with ANSI bold, not **...**
};

// "text", "json", "jsonl" or "csv"; nullptr for an unknown name.
std::unique_ptr<Formatter> MakeFormatter(std::string_view name,
                                         const FormatOptions& options = {});

// The JSON of one article with all its passages (the HTTP API's
// GET /article/{id}, docs/http.md), pretty-printed, ending in a newline.
std::string ArticleToJson(const ArticleResult& article);

// A snippet as Xapian returns it (HTML-escaped, matches in <b>...</b>) as
// plain text, each match between `hi_start` and `hi_end`.
std::string SnippetToText(std::string_view html, std::string_view hi_start,
                          std::string_view hi_end);

}  // namespace byline

#endif  // BYLINE_SEARCH_FORMATTER_H_
