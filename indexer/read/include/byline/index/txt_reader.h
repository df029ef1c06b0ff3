// Reads plain-text articles: the first non-empty line is the title, the
// rest is paragraphs separated by blank lines. Plain C++ over bytes, no I/O
// except ReadFileBytes(). Thread-safe.
#ifndef BYLINE_INDEX_TXT_READER_H_
#define BYLINE_INDEX_TXT_READER_H_

#include <cstddef>
#include <string>

#include "byline/article.h"
#include "byline/status.h"

namespace byline {

struct TextReadOptions {
  // Invalid UTF-8 is repaired (each bad sequence becomes U+FFFD) while the
  // bad sequences are at most this fraction of the file's bytes; above it
  // the file is skipped as "not UTF-8 text".
  double max_invalid_fraction = 0.01;
};

// Parses `content`, the bytes of one plain-text file, into `*article`
// (title, text, paragraphs; `source` and `article_id` are left to the
// caller). Fails with kBadInput, saying what and where, for an empty or
// whitespace-only file, a binary file (a NUL byte) or text that is mostly
// not UTF-8. For valid UTF-8, article->text == content exactly.
Status ParsePlainText(std::string content, const TextReadOptions& options,
                      Article* article);

// Reads a whole file. Fails with kIoError and the system's reason, or with
// kBadInput when the file is larger than `max_bytes`.
Status ReadFileBytes(const std::string& path, size_t max_bytes,
                     std::string* out);

}  // namespace byline

#endif  // BYLINE_INDEX_TXT_READER_H_
