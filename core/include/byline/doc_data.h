// What the searcher shows of a passage without opening the source file
// (see docs/schema.md): the article's record (id, source, title, url, ...)
// as a JSON object in the document data of the article's first passage
// only, and each passage's byte range and text in a value slot. Xapian
// zlib-compresses every document's data record; one record per article
// instead of one per passage makes indexing about a fifth cheaper.
#ifndef BYLINE_DOC_DATA_H_
#define BYLINE_DOC_DATA_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace byline {

struct StoredPassage {
  std::string article_id;
  std::string source;  // absolute path of the source file
  std::string record;  // where in the file ("line 12"), "" for one article
  std::string title;
  std::string url;        // "" if unknown
  std::string published;  // ISO 8601 where known, "" if unknown
  std::string author;     // "" if unknown
  // Web-archive provenance, for passages of a WARC record; has_capture
  // false otherwise.
  bool has_capture = false;
  size_t capture_offset = 0;   // of the record (or its gzip member)
  std::string record_id;       // WARC-Record-ID
  std::string captured;        // WARC-Date
  std::string payload_digest;  // WARC-Payload-Digest
  size_t passage = 0;  // 0-based passage number within the article
  size_t start = 0;    // byte range of the passage in the article text
  size_t end = 0;
  std::string text;    // the passage text, as in the source
  bool operator==(const StoredPassage&) const = default;
};

// The article's fields of `passage` (all but passage, start, end, text) as
// JSON, and back. Decoding returns false (leaving `*out` partly filled)
// when `data` is not an article record, e.g. a database written by
// another tool.
std::string EncodeArticleData(const StoredPassage& passage);
bool DecodeArticleData(std::string_view data, StoredPassage* out);

// The passage's start, end and text as "<start> <end>\n<text>", and back
// (false if `value` is not one).
std::string EncodePassageValue(const StoredPassage& passage);
bool DecodePassageValue(std::string_view value, StoredPassage* out);

}  // namespace byline

#endif  // BYLINE_DOC_DATA_H_
