// Reads a file's bytes in order without ever holding it whole: a plain
// file as it is, a gzip file decompressed member by member (one member, or
// many as in `cat a.gz b.gz` and per-record .warc.gz files). It knows
// where each gzip member started, so a record is named by its member's
// byte offset and a later run can resume reading there, and it keeps the
// FNV-1a hash of the decoded bytes consumed so far, so a later run can
// tell whether a file it read only grew.
//
// A corrupt or truncated gzip member is a gap: the bytes decoded before it
// stay readable, FillTo() then reports the gap (gap() and gap_offset()
// say what and where), and after PassGap() reading goes on at the next
// gzip member found in the file. Reading from memory (OpenBytes) behaves
// the same, for tests and fuzzing. Not thread-safe: one reader at a time.
#ifndef BYLINE_INDEX_BYTE_STREAM_H_
#define BYLINE_INDEX_BYTE_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>

#include "byline/article.h"
#include "byline/status.h"

namespace byline {

// Where reading a file can start again. For a plain file `raw` is any
// byte; for a gzip file it is where a member starts, and `skip` decoded
// bytes of that member were read already (0 for per-record gzip).
struct ResumePoint {
  uint64_t raw = 0;                 // byte offset in the file
  uint64_t content = 0;             // decoded bytes of the file before `raw`
  uint64_t hash = kFnvOffsetBasis;  // FNV-1a 64 of those decoded bytes
  uint64_t skip = 0;                // decoded bytes after `raw` to pass over
  uint64_t line = 0;                // JSON Lines: lines before this point

  // Decoded bytes of the file before the point.
  uint64_t Content() const { return content + skip; }
};

class ByteStream {
 public:
  // Opens `path` and positions it at `at` (the start by default). gzip is
  // told by the file's first two bytes. Fails with kIoError and the
  // system's reason.
  [[nodiscard]] static Status Open(const std::string& path,
                                   std::unique_ptr<ByteStream>* out,
                                   const ResumePoint& at = ResumePoint());
  // The same over bytes in memory, which must outlive the stream.
  static std::unique_ptr<ByteStream> OpenBytes(
      std::string_view bytes, const ResumePoint& at = ResumePoint());
  ~ByteStream();

  enum class Fill { kOk, kEnd, kGap, kError };
  // Decodes until at least `want` bytes are buffered. kOk: they are;
  // kEnd: the file ended first; kGap: a broken gzip member ends the
  // buffered bytes (see gap()); kError: the file cannot be read (error()).
  // Buffered() holds whatever could be decoded in every case.
  Fill FillTo(size_t want);
  std::string_view Buffered() const {
    return std::string_view(buffer_).substr(begin_);
  }
  // Decodes until `needle` is buffered (*at: where it starts in
  // Buffered()) or `limit` bytes are (*at = npos, kOk), or the stream
  // ends, breaks or fails first (*at as found in what was buffered).
  Fill FillUntil(std::string_view needle, size_t limit, size_t* at);
  // Consumes `n` buffered bytes (hashing them).
  void Consume(size_t n);
  // Consumes up to `n` bytes, decoding as needed; false if the stream
  // ended, broke or reached a gap first (what was there is consumed).
  bool Skip(uint64_t n);
  // After kGap: drops the gap and goes on with the next gzip member.
  void PassGap();
  // The gap's description ("corrupt gzip member") and the byte offset of
  // the member it broke.
  const Status& gap() const { return gap_; }
  uint64_t gap_offset() const { return gap_offset_; }
  const Status& error() const { return error_; }

  // Decoded offset of the next byte to consume, from the file's start.
  uint64_t position() const { return position_; }
  // The byte offset that names the record starting at decoded offset
  // `content` (>= the offset of the last PassGap or resume): the offset
  // itself in a plain file, its member's offset in a gzip file.
  uint64_t RawOffsetOf(uint64_t content) const;
  // Where a later run can resume reading to find position() next.
  ResumePoint Here() const;
  // FNV-1a 64 of the decoded bytes consumed, from the file's start.
  uint64_t hash() const { return hash_; }
  bool gzip() const { return gzip_; }
  // Bytes of the file read so far, for progress.
  uint64_t raw_read() const { return raw_pos_; }

 private:
  ByteStream() = default;
  struct Member {
    uint64_t content;   // decoded offset where it starts
    uint64_t raw;       // file offset where it starts
    uint64_t hash = 0;  // of the decoded bytes before it, once consumed
    bool hashed = false;
  };
  void Init(const ResumePoint& at, bool gzip);
  // Reads more raw bytes; false at the end of the file or on an error.
  bool ReadRaw();
  // Decodes one step into buffer_; false when nothing more can come.
  bool DecodeStep();
  void StartMember();
  void BreakMember(const std::string& why);

  int fd_ = -1;
  std::string_view memory_;  // OpenBytes
  bool from_memory_ = false;
  bool gzip_ = false;
  std::string raw_;  // raw bytes read, not yet decoded
  size_t raw_begin_ = 0;
  uint64_t raw_pos_ = 0;  // file offset just past raw_
  uint64_t size_hint_ = 0;  // the file's size when opened (0: unknown)
  bool raw_eof_ = false;
  void* z_ = nullptr;  // z_stream
  bool in_member_ = false;
  bool resync_ = false;      // after a broken member: find the next one
  uint64_t member_raw_ = 0;  // file offset of the current member
  std::string buffer_;       // decoded, not yet consumed: [begin_, end)
  size_t begin_ = 0;
  uint64_t position_ = 0;  // decoded offset of buffer_[begin_]
  uint64_t decoded_ = 0;   // decoded offset of buffer_'s end
  uint64_t hash_ = kFnvOffsetBasis;
  std::deque<Member> members_;  // that may still be asked for
  Status gap_;                  // set while a gap ends the buffer
  uint64_t gap_offset_ = 0;
  Status error_;
  bool ended_ = false;
};

}  // namespace byline

#endif  // BYLINE_INDEX_BYTE_STREAM_H_
