// Transparent gzip: detection and decompression of whole files, including
// files of several gzip members (as `cat a.gz b.gz` or per-record WARC
// gzip). Plain C++ over bytes with zlib; thread-safe.
#ifndef BYLINE_INDEX_GZIP_H_
#define BYLINE_INDEX_GZIP_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "byline/status.h"

namespace byline {

// True if `bytes` starts with the gzip magic number 1f 8b.
bool IsGzip(std::string_view bytes);

// Decompresses every member of `bytes` into `*out`, which holds at most
// `max_bytes`. On a bad or truncated member fails with kBadInput naming the
// byte offset of that member in the compressed input; `*out` then holds
// everything decompressed before it.
[[nodiscard]] Status Gunzip(std::string_view bytes, size_t max_bytes,
                            std::string* out);

// Decompresses the one gzip member that starts at `offset`, replacing
// `*out`; `*next` receives the offset just past it. Fails with kBadInput
// ("byte N: truncated gzip member", ...) and leaves `*out` empty.
[[nodiscard]] Status GunzipMember(std::string_view bytes, size_t offset,
                                  size_t max_bytes, std::string* out,
                                  size_t* next);

// Inflates zlib-wrapped or raw deflate data (HTTP "deflate").
[[nodiscard]] Status Inflate(std::string_view bytes, size_t max_bytes,
                             std::string* out);

}  // namespace byline

#endif  // BYLINE_INDEX_GZIP_H_
