// Article: what a reader makes of one input file (or, later, one record of
// an archive file) before it is split into passages.
#ifndef BYLINE_ARTICLE_H_
#define BYLINE_ARTICLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "byline/passage.h"

namespace byline {

struct Article {
  std::string source;      // where it came from: the file's absolute path
  std::string record;      // where in the file, for files of many articles
                           // ("line 12"); "" for a file of one article
  std::string article_id;  // stable id, see ArticleIdForSource()
  std::string title;       // one line, whitespace collapsed
  std::string url;         // the article's URL, "" if unknown
  std::string published;   // publication date as the source gives it
                           // (ISO 8601 when it could be read), "" if none
  std::string author;      // "" if unknown
  // Web-archive provenance, for articles read from a WARC record.
  struct Capture {
    size_t offset = 0;         // of the record (or its gzip member)
    std::string record_id;     // WARC-Record-ID
    std::string captured;      // WARC-Date: when it was crawled
    std::string payload_digest;  // WARC-Payload-Digest, or a hash of it
  };
  std::optional<Capture> capture;
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

// Makes an article of a title and body paragraphs: text is the title, a
// blank line, then the paragraphs separated by blank lines; ranges point
// into it. Paragraphs are trimmed; empty ones are dropped. A title-only
// article gets its title as its one paragraph.
void ArticleFromParagraphs(std::string_view title,
                           const std::vector<std::string>& paragraphs,
                           Article* out);

// Splits a body of text into paragraphs at blank lines or, when it has no
// blank line, at line breaks.
std::vector<std::string> SplitBody(std::string_view body);

// The article id for a source: 16 lowercase hex digits of the 64-bit FNV-1a
// hash of `source` (an absolute, lexically normal path). The same path gives
// the same id on every run and machine, so re-indexing replaces passages.
std::string ArticleIdForSource(std::string_view source);

// 64-bit FNV-1a of `bytes`, continuing from `hash` (so hashing a file in
// pieces gives the same value as hashing it whole), and its 16-digit
// lowercase hex form, as ArticleIdForSource() writes it.
inline constexpr uint64_t kFnvOffsetBasis = 0xcbf29ce484222325ULL;
uint64_t Fnv1a64(std::string_view bytes, uint64_t hash = kFnvOffsetBasis);
std::string Hex64(uint64_t value);

}  // namespace byline

#endif  // BYLINE_ARTICLE_H_
