#include "byline/article.h"

#include <cstdint>
#include <cstdio>

namespace byline {

std::string ArticleIdForSource(std::string_view source) {
  uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a offset basis
  for (unsigned char c : source) {
    hash ^= c;
    hash *= 0x100000001b3ULL;  // FNV-1a prime
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(hash));
  return hex;
}

}  // namespace byline
