#include "byline/index/warc_reader.h"

#include <brotli/decode.h>

#include <cctype>
#include <charconv>

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

// Reads the ARC record at *pos, if there is one, as a WARC response or
// resource record (ARC files predate WARC; Internet Archive crawls). The
// file's "filedesc://" header record is consumed silently. Returns false,
// touching nothing, when no ARC header line starts at *pos.
bool ParseArcRecord(std::string_view data, size_t* pos,
                    const std::function<size_t(size_t)>& where,
                    const std::function<void(WarcRecord&&)>& record,
                    const std::function<void(size_t, const Status&)>& problem) {
  const size_t nl = data.find('\n', *pos);
  if (nl == std::string_view::npos) return false;
  std::string url, date, type;
  size_t length;
  if (!ParseArcHeader(Trim(data.substr(*pos, nl - *pos)), &url, &date, &type,
                      &length)) {
    return false;
  }
  const size_t at = *pos;
  if (nl + 1 + length > data.size()) {
    problem(where(at), BadInput("truncated ARC record (" +
                                std::to_string(data.size() - nl - 1) + " of " +
                                std::to_string(length) + " bytes)"));
    *pos = data.size();
    return true;
  }
  *pos = nl + 1 + length;
  if (url.rfind("filedesc://", 0) == 0) return true;
  WarcRecord r;
  r.offset = where(at);
  r.block = std::string(data.substr(nl + 1, length));
  const bool http = r.block.rfind("HTTP/", 0) == 0;
  r.headers = {{"WARC-Type", http ? "response" : "resource"},
               {"WARC-Target-URI", url},
               {"WARC-Date", date},
               {"WARC-Record-ID", "<urn:arc-offset:" + std::to_string(r.offset) +
                                      ">"},
               {"Content-Type",
                http ? "application/http; msgtype=response" : type},
               {"Content-Length", std::to_string(length)}};
  record(std::move(r));
  return true;
}

// Parses the records in `data` (plain WARC, or one decompressed member);
// `base` is added to offsets when `member_offset` is false, else every
// record is reported at `base` (the member's offset).
void ParseRecords(std::string_view data, size_t base, bool member_offset,
                  const std::function<void(WarcRecord&&)>& record,
                  const std::function<void(size_t, const Status&)>& problem) {
  size_t pos = 0;
  const std::function<size_t(size_t)> where = [&](size_t at) {
    return member_offset ? base : base + at;
  };
  while (pos < data.size()) {
    while (pos < data.size() && IsAsciiSpace(data[pos])) ++pos;
    if (pos >= data.size()) break;
    if (data.substr(pos, 5) != "WARC/" && ParseArcRecord(data, &pos, where, record, problem)) {
      continue;
    }
    if (data.substr(pos, 5) != "WARC/") {
      problem(where(pos), BadInput("no WARC record starts here"));
      // Look for the next record.
      const size_t next = data.find("\nWARC/1.", pos);
      if (next == std::string_view::npos || member_offset) return;
      pos = next + 1;
      continue;
    }
    size_t body;
    const size_t end = HeaderEnd(data, pos, &body);
    if (end == std::string_view::npos) {
      problem(where(pos), BadInput("truncated WARC record header"));
      return;
    }
    WarcRecord r;
    r.offset = where(pos);
    const size_t first_nl = data.find('\n', pos);
    r.headers = ParseHeaders(data.substr(first_nl + 1, end - first_nl - 1));
    size_t length;
    if (!ParseSize(r.Header("Content-Length"), 10, &length)) {
      problem(r.offset, BadInput("WARC record without a valid Content-Length"));
      const size_t next = data.find("\nWARC/1.", body);
      if (next == std::string_view::npos) return;
      pos = next + 1;
      continue;
    }
    if (body + length > data.size()) {
      problem(r.offset, BadInput("truncated WARC record (" +
                                 std::to_string(data.size() - body) + " of " +
                                 std::to_string(length) + " bytes)"));
      return;
    }
    r.block = std::string(data.substr(body, length));
    pos = body + length;
    record(std::move(r));
  }
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

void ReadWarc(std::string_view file, size_t max_bytes,
              const std::function<void(WarcRecord&&)>& record,
              const std::function<void(size_t, const Status&)>& problem,
              size_t start) {
  if (!IsGzip(file)) {
    ParseRecords(file.substr(start), start, false, record, problem);
    return;
  }
  size_t offset = start;
  std::string member;
  while (offset < file.size()) {
    if (file.find_first_not_of('\0', offset) == std::string_view::npos) break;
    size_t next;
    const Status s = GunzipMember(file, offset, max_bytes, &member, &next);
    if (!s.ok()) {
      problem(offset, BadInput(s.message().substr(s.message().find(": ") + 2)));
      // Resynchronise on the next gzip member header.
      const size_t again = file.find("\x1f\x8b\x08", offset + 1);
      if (again == std::string_view::npos) return;
      offset = again;
      continue;
    }
    ParseRecords(member, offset, true, record, problem);
    offset = next;
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
