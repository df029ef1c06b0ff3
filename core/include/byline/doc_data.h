// The document data of a passage: what the searcher shows without opening
// the source file. Stored as a JSON object (see docs/schema.md).
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

std::string EncodeDocData(const StoredPassage& passage);

// Returns false (leaving `*out` partly filled) when `data` is not a passage
// record, e.g. a database written by another tool.
bool DecodeDocData(std::string_view data, StoredPassage* out);

}  // namespace byline

#endif  // BYLINE_DOC_DATA_H_
