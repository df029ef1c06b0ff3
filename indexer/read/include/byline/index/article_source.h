// One streaming source per input format, behind one interface. Reading is
// two steps so that one big file keeps every core busy:
//  1. ArticleSource::Read() frames the next record of a file (a whole .txt
//     or .html file, a JSON line, a WARC or ARC record) on the one thread
//     that reads the file. It only finds where records start and end, and
//     holds at most one record in memory (plus the stream's buffers).
//  2. DecodeRecord() turns a record into an article (JSON, HTTP, HTML and
//     text parsing) on any thread.
// A record that cannot be read or decoded is a problem naming its place
// (line, byte offset); the source goes on with the next record. Plain C++
// over bytes, no Xapian. A source is used by one thread at a time;
// DecodeRecord() is thread-safe.
#ifndef BYLINE_INDEX_ARTICLE_SOURCE_H_
#define BYLINE_INDEX_ARTICLE_SOURCE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "byline/article.h"
#include "byline/index/byte_stream.h"
#include "byline/index/input_format.h"
#include "byline/index/jsonl_reader.h"
#include "byline/index/txt_reader.h"
#include "byline/status.h"

namespace byline {

struct ReadOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: by name, then content
  TextReadOptions text;
  JsonlFields jsonl;
  // A record (a whole .txt or .html file, a JSON line, a WARC record's
  // block, a decoded HTTP body) larger than this is skipped with a
  // message; the rest of the file is read.
  uint64_t max_record_bytes = uint64_t{64} << 20;
  // An HTML page whose elements nest deeper than this, or with a tag of
  // more attributes, is skipped with a message (ScanHtmlShape(): the HTML
  // parser's time grows with their square). Browsers stop nesting at 512.
  size_t max_html_depth = 5000;
  size_t max_html_attributes = 1000;
  // JSON Lines: a line nested deeper is skipped the same way.
  size_t max_json_depth = kDefaultMaxJsonDepth;
};

// One record as framed from a file, not yet decoded.
struct RawRecord {
  InputFormat format = InputFormat::kTxt;
  uint64_t offset = 0;  // in the file: of the record, or of its gzip member
  uint64_t line = 0;    // JSON Lines: its 1-based line number
  std::string bytes;    // the whole file (txt, html), the line (jsonl), the
                        // content block (warc)
  std::vector<std::pair<std::string, std::string>> headers;  // WARC, ARC
  ResumePoint next;  // where reading goes on after this record

  // "line 12", "record at byte 3456", or "" for a whole file: how messages
  // about the record name its place.
  std::string Where() const;
  // The value of WARC header `name` (case-insensitive), "" if absent.
  std::string Header(std::string_view name) const;
};

// A defect found while framing, at `offset` in the file.
struct ReadProblem {
  uint64_t offset = 0;
  std::string where;  // "byte 3456", "line 12", "" (the whole file)
  Status status;
  // The message with its place: "line 12: not valid JSON".
  std::string Message() const;
};

class ArticleSource {
 public:
  enum class Next {
    kRecord,   // *record holds the next record
    kProblem,  // *problem: a record was skipped; call Read() again
    kEnd,      // no more records
    kFailed,   // *problem: the file cannot be read further (I/O error)
  };
  virtual ~ArticleSource() = default;
  virtual Next Read(RawRecord* record, ReadProblem* problem) = 0;
  // The stream under the source: position, hash, bytes read.
  virtual const ByteStream& stream() const = 0;
  // Where a later run can resume reading to find the next record.
  virtual ResumePoint Here() const { return stream().Here(); }
};

// Opens `path` for reading from `at` with the source its format needs:
// options.format, else the name's (FormatFromName), else the content's
// (FormatFromContent of the first decoded bytes). `*format` receives it.
// Fails with kIoError when the file cannot be opened.
[[nodiscard]] Status OpenArticleSource(const std::string& path,
                                       const ReadOptions& options,
                                       const ResumePoint& at,
                                       std::unique_ptr<ArticleSource>* out,
                                       InputFormat* format);

// The same over an open stream whose format is known; JSON Lines numbers
// its lines from `lines_before` + 1.
std::unique_ptr<ArticleSource> NewArticleSource(
    InputFormat format, std::unique_ptr<ByteStream> stream,
    const ReadOptions& options, uint64_t lines_before = 0);

// What a record gave.
struct DecodedRecord {
  enum class Use { kNothing, kArticle, kRevisit };
  Use use = Use::kNothing;  // kNothing: a request, an image, an error page
  Article article;          // with kArticle; source and article_id unset
  // What tells the article from the others of its file: "" for a whole
  // file, "id:<id>" or "line N" for JSON Lines, the WARC-Record-ID.
  std::string key;
  std::vector<std::string> warnings;  // repairs: "byte 12: invalid UTF-8 ..."
};

// Decodes one record (which it may move from). Fails with kBadInput saying
// what is wrong, without the record's place (RawRecord::Where() has it).
[[nodiscard]] Status DecodeRecord(RawRecord& record, const ReadOptions& options,
                                  DecodedRecord* out);

// Sets the article's source (canonical path) and its id, made from the
// source and `key` (DecodedRecord::key).
void SetArticleIdentity(const std::string& source, const std::string& key,
                        Article* article);

}  // namespace byline

#endif  // BYLINE_INDEX_ARTICLE_SOURCE_H_
