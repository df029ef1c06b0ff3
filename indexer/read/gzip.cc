#include "byline/index/gzip.h"

#include <zlib.h>

namespace byline {
namespace {

// Runs inflate over `bytes` with `window_bits`; appends to `*out`; sets
// `*consumed`. Returns zlib's last code.
int RunInflate(std::string_view bytes, int window_bits, size_t max_bytes,
               std::string* out, size_t* consumed, bool* too_big) {
  z_stream z{};
  *too_big = false;
  if (inflateInit2(&z, window_bits) != Z_OK) return Z_MEM_ERROR;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  char buffer[1 << 16];
  int rc;
  do {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    rc = inflate(&z, Z_NO_FLUSH);
    out->append(buffer, sizeof buffer - z.avail_out);
    if (out->size() > max_bytes) {
      *too_big = true;
      break;
    }
  } while (rc == Z_OK);
  *consumed = bytes.size() - z.avail_in;
  inflateEnd(&z);
  return rc;
}

}  // namespace

bool IsGzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

Status GunzipMember(std::string_view bytes, size_t offset, size_t max_bytes,
                    std::string* out, size_t* next) {
  out->clear();
  *next = offset;
  if (!IsGzip(bytes.substr(offset))) {
    return BadInput("byte " + std::to_string(offset) + ": not a gzip member");
  }
  size_t consumed = 0;
  bool too_big = false;
  const int rc = RunInflate(bytes.substr(offset), 16 + MAX_WBITS, max_bytes,
                            out, &consumed, &too_big);
  if (too_big) {
    out->clear();
    return BadInput("byte " + std::to_string(offset) +
                    ": decompresses to more than " +
                    std::to_string(max_bytes) + " bytes");
  }
  if (rc != Z_STREAM_END) {
    out->clear();
    return BadInput("byte " + std::to_string(offset) + ": " +
                    (rc == Z_BUF_ERROR ? "truncated gzip member"
                                       : "corrupt gzip member"));
  }
  *next = offset + consumed;
  return Status::Ok();
}

Status Gunzip(std::string_view bytes, size_t max_bytes, std::string* out) {
  out->clear();
  size_t offset = 0;
  std::string member;
  while (offset < bytes.size()) {
    // Trailing zero padding after the last member is common.
    if (!IsGzip(bytes.substr(offset)) &&
        bytes.find_first_not_of('\0', offset) == std::string_view::npos) {
      break;
    }
    size_t next;
    if (Status s = GunzipMember(bytes, offset, max_bytes - out->size(),
                                &member, &next);
        !s.ok()) {
      if (s.message().find("decompresses to more") != std::string::npos) {
        return BadInput("decompresses to more than " +
                        std::to_string(max_bytes) + " bytes");
      }
      return s;
    }
    out->append(member);
    offset = next;
  }
  return Status::Ok();
}

Status Inflate(std::string_view bytes, size_t max_bytes, std::string* out) {
  out->clear();
  size_t consumed;
  bool too_big;
  // Servers send "deflate" both zlib-wrapped (as the RFC says) and raw.
  int rc = RunInflate(bytes, MAX_WBITS, max_bytes, out, &consumed, &too_big);
  if (rc != Z_STREAM_END && !too_big) {
    out->clear();
    rc = RunInflate(bytes, -MAX_WBITS, max_bytes, out, &consumed, &too_big);
  }
  if (too_big) return BadInput("decompresses to more than " +
                               std::to_string(max_bytes) + " bytes");
  if (rc != Z_STREAM_END) return BadInput("corrupt deflate data");
  return Status::Ok();
}

}  // namespace byline
