#include "byline/index/warc_reader.h"

#include <brotli/decode.h>

#include <cctype>
#include <charconv>

#include "byline/index/article_source.h"
#include "byline/index/byte_stream.h"
#include "byline/index/gzip.h"
#include "byline/text.h"

namespace byline {
namespace {


bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && AsciiLower(a) == AsciiLower(b);
}

// The end of the header block that starts at `from` (just past the blank
// line), accepting CRLF or bare LF; npos if there is none.
size_t HeaderEnd(std::string_view data, size_t from, size_t* body) {
  const size_t crlf = data.find("\r\n\r\n", from);
  const size_t lf = data.find("\n\n", from);
  if (crlf != std::string_view::npos && (lf == std::string_view::npos || crlf < lf)) {
    *body = crlf + 4;
    return crlf;
  }
  if (lf != std::string_view::npos) {
    *body = lf + 2;
    return lf;
  }
  return std::string_view::npos;
}

// "Name: value" lines of data[from, to).
std::vector<std::pair<std::string, std::string>> ParseHeaders(
    std::string_view data) {
  std::vector<std::pair<std::string, std::string>> headers;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    const std::string_view line = data.substr(pos, nl - pos);
    pos = nl + 1;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    headers.emplace_back(std::string(Trim(line.substr(0, colon))),
                         std::string(Trim(line.substr(colon + 1))));
  }
  return headers;
}

bool ParseSize(std::string_view s, int base, size_t* out) {
  s = Trim(s);
  if (s.empty()) return false;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out, base);
  return ec == std::errc() && end == s.data() + s.size();
}

// An ARC (version 1 or 2) record header line: "URL IP DATE TYPE ... LENGTH",
// the URL possibly holding spaces. Returns false if `line` is not one.
bool ParseArcHeader(std::string_view line, std::string* url, std::string* date,
                    std::string* type, size_t* length) {
  std::vector<std::string_view> tokens;
  for (size_t i = 0; i < line.size();) {
    while (i < line.size() && line[i] == ' ') ++i;
    const size_t s = i;
    while (i < line.size() && line[i] != ' ') ++i;
    if (i > s) tokens.push_back(line.substr(s, i - s));
  }
  if (tokens.size() < 5 || !ParseSize(tokens.back(), 10, length)) return false;
  // The date is the first 14-digit token after the URL and the IP address.
  for (size_t d = 2; d + 2 < tokens.size(); ++d) {
    if (tokens[d].size() != 14 ||
        tokens[d].find_first_not_of("0123456789") != std::string_view::npos) {
      continue;
    }
    std::string u;
    for (size_t k = 0; k + 1 < d; ++k) u += (k ? " " : "") + std::string(tokens[k]);
    *url = u;
    const std::string_view t = tokens[d];
    *date = std::string(t.substr(0, 4)) + "-" + std::string(t.substr(4, 2)) +
            "-" + std::string(t.substr(6, 2)) + "T" +
            std::string(t.substr(8, 2)) + ":" + std::string(t.substr(10, 2)) +
            ":" + std::string(t.substr(12, 2)) + "Z";
    *type = std::string(tokens[d + 1]);
    return true;
  }
  return false;
}

Status Dechunk(std::string_view body, std::string* out) {
  out->clear();
  size_t pos = 0;
  for (;;) {
    const size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) {
      return BadInput("truncated chunked body at byte " + std::to_string(pos));
    }
    std::string_view line = body.substr(pos, nl - pos);
    line = line.substr(0, line.find(';'));  // chunk extensions
    size_t size;
    if (!ParseSize(line, 16, &size)) {
      return BadInput("wrong chunk size at byte " + std::to_string(pos) +
                      " of the body");
    }
    pos = nl + 1;
    if (size == 0) return Status::Ok();
    if (pos + size > body.size()) {
      return BadInput("chunk at byte " + std::to_string(pos) +
                      " of the body runs past its end");
    }
    out->append(body.substr(pos, size));
    pos += size;
    if (body.substr(pos, 2) == "\r\n") {
      pos += 2;
    } else if (body.substr(pos, 1) == "\n") {
      pos += 1;
    } else {
      return BadInput("wrong chunk size at byte " + std::to_string(pos) +
                      " of the body");
    }
  }
}

Status Unbrotli(std::string_view in, size_t max_bytes, std::string* out) {
  out->clear();
  BrotliDecoderState* st = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
  if (st == nullptr) return BadInput("brotli cannot start");
  size_t avail_in = in.size();
  const uint8_t* next_in = reinterpret_cast<const uint8_t*>(in.data());
  BrotliDecoderResult rc;
  char buffer[1 << 16];
  do {
    size_t avail_out = sizeof buffer;
    uint8_t* next_out = reinterpret_cast<uint8_t*>(buffer);
    rc = BrotliDecoderDecompressStream(st, &avail_in, &next_in, &avail_out,
                                       &next_out, nullptr);
    out->append(buffer, sizeof buffer - avail_out);
  } while (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT &&
           out->size() <= max_bytes);
  BrotliDecoderDestroyInstance(st);
  if (out->size() > max_bytes) return BadInput("brotli body too large");
  if (rc != BROTLI_DECODER_RESULT_SUCCESS) return BadInput("corrupt brotli body");
  return Status::Ok();
}

}  // namespace

std::string WarcRecord::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (EqualsIgnoreCase(k, name)) return v;
  }
  return "";
}

namespace {

// Frames WARC records (and ARC records, as WARC response or resource
// records) from a stream, one at a time, without holding more than one
// record.
class WarcSource : public ArticleSource {
 public:
  WarcSource(std::unique_ptr<ByteStream> stream, uint64_t max_record_bytes)
      : s_(std::move(stream)), max_(max_record_bytes) {}

  const ByteStream& stream() const override { return *s_; }

  Next Read(RawRecord* r, ReadProblem* p) override {
    for (;;) {
      ByteStream::Fill f = SkipSpace();
      if (f == ByteStream::Fill::kEnd) return Next::kEnd;
      if (f != ByteStream::Fill::kOk) return Broken(f, p);
      const uint64_t offset = s_->RawOffsetOf(s_->position());
      s_->FillTo(5);
      if (s_->Buffered().substr(0, 5) == "WARC/") return ReadWarcRecord(offset, r, p);
      size_t nl;
      f = s_->FillUntil("\n", kMaxHeader, &nl);
      std::string url, date, type;
      size_t length;
      if (nl == std::string_view::npos ||
          !ParseArcHeader(Trim(s_->Buffered().substr(0, nl)), &url, &date,
                          &type, &length)) {
        if (nl == std::string_view::npos && f != ByteStream::Fill::kOk &&
            f != ByteStream::Fill::kEnd) {
          return Broken(f, p);
        }
        Problem(p, offset, "byte", BadInput("no WARC record starts here"));
        Resync();
        return Next::kProblem;
      }
      s_->Consume(nl + 1);
      if (url.rfind("filedesc://", 0) == 0) {  // the ARC file's own header
        s_->Skip(length);
        continue;
      }
      if (const Next n = ReadBlock("ARC", offset, length, r, p);
          n != Next::kRecord) {
        return n;
      }
      const bool http = r->bytes.rfind("HTTP/", 0) == 0;
      r->headers = {{"WARC-Type", http ? "response" : "resource"},
                    {"WARC-Target-URI", url},
                    {"WARC-Date", date},
                    {"WARC-Record-ID",
                     "<urn:arc-offset:" + std::to_string(offset) + ">"},
                    {"Content-Type",
                     http ? "application/http; msgtype=response" : type},
                    {"Content-Length", std::to_string(length)}};
      return Finish(r, p);
    }
  }

 private:
  static constexpr size_t kMaxHeader = 1 << 20;

  void Problem(ReadProblem* p, uint64_t offset, const char* what, Status s) {
    p->offset = offset;
    p->where = std::string(what) + " " + std::to_string(offset);
    p->status = std::move(s);
  }

  // A gap (broken gzip member) or a read error met while framing.
  Next Broken(ByteStream::Fill f, ReadProblem* p) {
    if (f == ByteStream::Fill::kError) {
      Problem(p, s_->raw_read(), "byte", s_->error());
      return Next::kFailed;
    }
    Problem(p, s_->gap_offset(), "byte", s_->gap());
    s_->PassGap();
    return Next::kProblem;
  }

  Next TooBig(uint64_t offset, uint64_t length, ReadProblem* p) {
    Problem(p, offset, "record at byte",
            BadInput("a record of " + std::to_string(length) +
                     " bytes, over the limit of " + std::to_string(max_) +
                     " bytes (--max-record-bytes)"));
    s_->Skip(length);
    return Next::kProblem;
  }

  // Skips the blank lines between records.
  ByteStream::Fill SkipSpace() {
    for (;;) {
      const ByteStream::Fill f = s_->FillTo(1);
      if (f != ByteStream::Fill::kOk) return f;
      const std::string_view b = s_->Buffered();
      size_t n = 0;
      while (n < b.size() && IsAsciiSpace(b[n])) ++n;
      if (n == 0) return f;
      s_->Consume(n);
    }
  }

  // After a defect: on to the next line that starts a WARC record.
  void Resync() {
    for (;;) {
      const std::string_view b = s_->Buffered();
      const size_t next = b.find("\nWARC/1.");
      if (next != std::string_view::npos) {
        s_->Consume(next + 1);
        return;
      }
      if (b.size() > 8) s_->Consume(b.size() - 8);
      if (s_->FillTo(9) != ByteStream::Fill::kOk) {
        if (s_->Buffered().find("\nWARC/1.") != std::string_view::npos) continue;
        s_->Consume(s_->Buffered().size());
        return;
      }
    }
  }

  Next ReadWarcRecord(uint64_t offset, RawRecord* r, ReadProblem* p) {
    // The header ends at the first blank line, CRLF or bare LF.
    size_t body = 0, end = std::string_view::npos;
    ByteStream::Fill f;
    for (size_t want = 4096;; want *= 2) {
      f = s_->FillTo(want);
      end = HeaderEnd(s_->Buffered(), 0, &body);
      if (end != std::string_view::npos || f != ByteStream::Fill::kOk ||
          want >= kMaxHeader) {
        break;
      }
    }
    if (end == std::string_view::npos) {
      if (f == ByteStream::Fill::kGap || f == ByteStream::Fill::kError) {
        return Broken(f, p);
      }
      Problem(p, offset, "byte",
              BadInput(f == ByteStream::Fill::kEnd
                           ? "truncated WARC record header"
                           : "WARC record header longer than 1 MiB"));
      s_->Consume(1);
      Resync();
      return Next::kProblem;
    }
    const std::string_view b = s_->Buffered();
    const size_t first_nl = b.find('\n');
    std::vector<std::pair<std::string, std::string>> headers =
        ParseHeaders(b.substr(first_nl + 1, end - first_nl - 1));
    size_t length = 0;
    bool sized = false;
    for (const auto& [k, v] : headers) {
      if (EqualsIgnoreCase(k, "Content-Length")) {
        sized = ParseSize(v, 10, &length);
        break;
      }
    }
    if (!sized) {
      Problem(p, offset, "byte",
              BadInput("WARC record without a valid Content-Length"));
      s_->Consume(body);
      Resync();
      return Next::kProblem;
    }
    s_->Consume(body);
    if (const Next n = ReadBlock("WARC", offset, length, r, p);
        n != Next::kRecord) {
      return n;
    }
    r->headers = std::move(headers);
    return Finish(r, p);
  }

  // Reads a record's block of `length` bytes into a new *r, or says why
  // not: over the limit (skipped), truncated, broken.
  Next ReadBlock(const char* kind, uint64_t offset, uint64_t length,
                 RawRecord* r, ReadProblem* p) {
    if (length > max_) return TooBig(offset, length, p);
    if (const ByteStream::Fill f = s_->FillTo(length);
        f != ByteStream::Fill::kOk) {
      if (f != ByteStream::Fill::kEnd) return Broken(f, p);
      Problem(p, offset, "byte",
              BadInput("truncated " + std::string(kind) + " record (" +
                       std::to_string(s_->Buffered().size()) + " of " +
                       std::to_string(length) + " bytes)"));
      s_->Consume(s_->Buffered().size());
      return Next::kProblem;
    }
    *r = RawRecord();
    r->format = InputFormat::kWarc;
    r->offset = offset;
    r->bytes = std::string(s_->Buffered().substr(0, length));
    s_->Consume(length);
    return Next::kRecord;
  }

  // Consumes the record's trailing newlines and sets where reading goes
  // on. In a gzip file the record counts only if its member ends cleanly:
  // a member whose checksum fails is dropped whole.
  Next Finish(RawRecord* r, ReadProblem* p) {
    const ByteStream::Fill f = SkipSpace();
    if (f == ByteStream::Fill::kGap && s_->gap_offset() == r->offset) {
      return Broken(f, p);
    }
    r->next = s_->Here();
    return Next::kRecord;
  }

  std::unique_ptr<ByteStream> s_;
  const uint64_t max_;
};

}  // namespace

std::unique_ptr<ArticleSource> NewWarcSource(std::unique_ptr<ByteStream> stream,
                                             uint64_t max_record_bytes) {
  return std::make_unique<WarcSource>(std::move(stream), max_record_bytes);
}

void ReadWarc(std::string_view file, size_t max_bytes,
              const std::function<void(WarcRecord&&)>& record,
              const std::function<void(size_t, const Status&)>& problem,
              size_t start) {
  ResumePoint at;
  at.raw = start;
  if (!IsGzip(file)) at.content = start;
  WarcSource source(ByteStream::OpenBytes(file, at), max_bytes);
  for (;;) {
    RawRecord r;
    ReadProblem p;
    const ArticleSource::Next next = source.Read(&r, &p);
    if (next == ArticleSource::Next::kRecord) {
      WarcRecord w;
      w.offset = r.offset;
      w.headers = std::move(r.headers);
      w.block = std::move(r.bytes);
      record(std::move(w));
    } else if (next == ArticleSource::Next::kProblem) {
      problem(p.offset, p.status);
    } else {
      if (next == ArticleSource::Next::kFailed) problem(p.offset, p.status);
      return;
    }
  }
}

void ParseContentType(std::string_view value, std::string* type,
                      std::string* charset) {
  const size_t semi = value.find(';');
  *type = AsciiLower(Trim(value.substr(0, semi)));
  charset->clear();
  if (semi == std::string_view::npos) return;
  const std::string params = AsciiLower(value.substr(semi + 1));
  const size_t at = params.find("charset=");
  if (at == std::string::npos) return;
  std::string_view cs = std::string_view(params).substr(at + 8);
  cs = cs.substr(0, cs.find(';'));
  cs = Trim(cs);
  if (cs.size() >= 2 && (cs.front() == '"' || cs.front() == '\'')) {
    cs = cs.substr(1, cs.size() - 2);
  }
  *charset = std::string(cs);
}

Status ParseHttpResponse(std::string_view message, size_t max_bytes,
                         HttpResponse* out) {
  *out = HttpResponse();
  if (message.substr(0, 5) != "HTTP/") {
    return BadInput("not an HTTP response");
  }
  size_t body_at;
  const size_t end = HeaderEnd(message, 0, &body_at);
  if (end == std::string_view::npos) {
    return BadInput("truncated HTTP header");
  }
  const size_t sp = message.find(' ');
  size_t status;
  if (sp == std::string_view::npos || sp > end ||
      !ParseSize(message.substr(sp + 1, 3), 10, &status)) {
    return BadInput("bad HTTP status line");
  }
  out->status = static_cast<int>(status);
  const size_t first_nl = message.find('\n');
  std::string te, ce;
  for (const auto& [k, v] :
       ParseHeaders(message.substr(first_nl + 1, end - first_nl - 1))) {
    if (EqualsIgnoreCase(k, "Content-Type")) {
      ParseContentType(v, &out->content_type, &out->charset);
    } else if (EqualsIgnoreCase(k, "Transfer-Encoding")) {
      te = AsciiLower(v);
    } else if (EqualsIgnoreCase(k, "Content-Encoding")) {
      ce = AsciiLower(v);
    }
  }
  std::string body(message.substr(body_at));
  if (te.find("chunked") != std::string::npos) {
    std::string plain;
    if (Status s = Dechunk(body, &plain); !s.ok()) return s;
    body = std::move(plain);
  }
  std::string decoded;
  if (ce == "gzip" || ce == "x-gzip") {
    if (Status s = Gunzip(body, max_bytes, &decoded); !s.ok()) {
      return BadInput("gzip body: " + s.message());
    }
    body = std::move(decoded);
  } else if (ce == "deflate") {
    if (Status s = Inflate(body, max_bytes, &decoded); !s.ok()) {
      return BadInput("deflate body: " + s.message());
    }
    body = std::move(decoded);
  } else if (ce == "br") {
    if (Status s = Unbrotli(body, max_bytes, &decoded); !s.ok()) return s;
    body = std::move(decoded);
  } else if (!ce.empty() && ce != "identity") {
    return BadInput("unknown content coding '" + ce + "'");
  }
  out->body = std::move(body);
  return Status::Ok();
}

}  // namespace byline
