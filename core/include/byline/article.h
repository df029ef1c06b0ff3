// Article: what a reader makes of one input file (or, later, one record of
// an archive file) before it is split into passages.
#ifndef BYLINE_ARTICLE_H_
#define BYLINE_ARTICLE_H_

#include <string>
#include <string_view>
#include <vector>

#include "byline/passage.h"

namespace byline {

struct Article {
  std::string source;      // where it came from: the file's absolute path
  std::string article_id;  // stable id, see ArticleIdForSource()
  std::string title;       // one line, whitespace collapsed
  std::string text;        // the full text as indexed, title first; valid
                           // UTF-8 (for a valid UTF-8 .txt: the file itself)
  TextRange title_range;   // where the title stands in `text`
  std::vector<TextRange> paragraphs;  // body paragraphs, in order, trimmed
  size_t repaired_utf8 = 0;  // invalid UTF-8 sequences replaced by U+FFFD
  size_t first_repaired = 0;  // byte offset (in the file) of the first one

  std::string_view Slice(TextRange r) const {
    return std::string_view(text).substr(r.start, r.size());
  }
};

// The article id for a source: 16 lowercase hex digits of the 64-bit FNV-1a
// hash of `source` (an absolute, lexically normal path). The same path gives
// the same id on every run and machine, so re-indexing replaces passages.
std::string ArticleIdForSource(std::string_view source);

}  // namespace byline

#endif  // BYLINE_ARTICLE_H_
