#include "byline/index/gzip.h"

#include <zlib.h>

namespace byline {

bool IsGzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

Status Gunzip(std::string_view bytes, size_t max_bytes, std::string* out) {
  out->clear();
  size_t member = 0;  // offset of the member being read
  char buffer[1 << 16];
  while (member < bytes.size()) {
    if (!IsGzip(bytes.substr(member))) {
      // Trailing zero padding is common after the last member; anything
      // else is not gzip.
      if (bytes.find_first_not_of('\0', member) == std::string_view::npos) {
        break;
      }
      return BadInput("byte " + std::to_string(member) +
                      ": not a gzip member");
    }
    const size_t before = out->size();
    z_stream z{};
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
      return BadInput("zlib cannot start");
    }
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + member));
    z.avail_in = static_cast<uInt>(bytes.size() - member);
    int rc;
    do {
      z.next_out = reinterpret_cast<Bytef*>(buffer);
      z.avail_out = sizeof buffer;
      rc = inflate(&z, Z_NO_FLUSH);
      out->append(buffer, sizeof buffer - z.avail_out);
      if (out->size() > max_bytes) {
        inflateEnd(&z);
        return BadInput("decompresses to more than " +
                        std::to_string(max_bytes) + " bytes");
      }
    } while (rc == Z_OK);
    const size_t consumed = bytes.size() - member - z.avail_in;
    inflateEnd(&z);
    if (rc != Z_STREAM_END) {
      out->resize(before);  // nothing of a member that does not check out
      return BadInput("byte " + std::to_string(member) + ": " +
                      (rc == Z_BUF_ERROR ? "truncated gzip member"
                                         : "corrupt gzip member"));
    }
    member += consumed;
  }
  return Status::Ok();
}

}  // namespace byline
