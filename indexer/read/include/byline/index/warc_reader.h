// Reads WARC 1.0/1.1 files (plain, or gzip with one member per record) as a
// stream of records (ARC files too: each ARC record becomes a response or resource
// record with WARC-Target-URI, WARC-Date and a WARC-Record-ID made of its
// offset), and HTTP response messages into their payloads. A defect (bad
// gzip member, truncated record, malformed header, wrong chunk sizes) is
// reported with its byte offset and reading goes on with the next record
// that can be found. Plain C++ over bytes; thread-safe.
#ifndef BYLINE_INDEX_WARC_READER_H_
#define BYLINE_INDEX_WARC_READER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "byline/status.h"

namespace byline {

class ArticleSource;
class ByteStream;

// The streaming source of WARC and ARC records over `stream` (see
// article_source.h): records are framed one at a time; a block larger than
// `max_record_bytes` is skipped with a message, the rest read.
std::unique_ptr<ArticleSource> NewWarcSource(std::unique_ptr<ByteStream> stream,
                                             uint64_t max_record_bytes);

struct WarcRecord {
  size_t offset = 0;  // byte offset in the file: of the record, or of its
                      // gzip member in a .warc.gz
  std::vector<std::pair<std::string, std::string>> headers;  // as written
  std::string block;  // the content block (Content-Length bytes)

  // The value of header `name` (case-insensitive), "" if absent.
  std::string Header(std::string_view name) const;
};

// Calls `record` for each complete record and `problem` for each defect,
// in file order (NewWarcSource() over bytes in memory). `max_bytes` bounds one decompressed member. Reading
// starts at byte `start`, which must be where a record (or gzip member)
// starts: the end of what an earlier run read, when records were appended.
void ReadWarc(std::string_view file, size_t max_bytes,
              const std::function<void(WarcRecord&&)>& record,
              const std::function<void(size_t offset, const Status&)>& problem,
              size_t start = 0);

struct HttpResponse {
  int status = 0;            // 200, 404, ...
  std::string content_type;  // media type, lowercase, without parameters
  std::string charset;       // the charset parameter, "" if none
  std::string body;          // transfer and content codings removed
};

// Parses an HTTP/1.x response message (a WARC response block): status
// line, headers, then the body with chunked transfer coding and gzip,
// deflate or br content coding removed. Fails with kBadInput saying what
// is wrong ("wrong chunk size at byte 1234 of the body", ...).
[[nodiscard]] Status ParseHttpResponse(std::string_view message,
                                       size_t max_bytes, HttpResponse* out);

// Splits a Content-Type value into lowercase media type and charset.
void ParseContentType(std::string_view value, std::string* type,
                      std::string* charset);

}  // namespace byline

#endif  // BYLINE_INDEX_WARC_READER_H_
