#include "byline/entity.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <unordered_map>

#include "byline/text.h"

namespace byline {
namespace {

constexpr std::string_view kTypeNames[] = {"person", "org", "place", "date"};

// ICU transliterators are not safe to share between threads: one each.
const icu::Transliterator* Folder() {
  thread_local std::unique_ptr<icu::Transliterator> folder = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "NFD; [:Nonspacing Mark:] Remove; Latin-ASCII; Lower; NFC",
        UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  return folder.get();
}

}  // namespace

std::string_view EntityTypeName(EntityType type) {
  return kTypeNames[static_cast<int>(type)];
}

std::optional<EntityType> ParseEntityType(std::string_view name) {
  for (EntityType t : kAllEntityTypes) {
    if (EntityTypeName(t) == name) return t;
  }
  return std::nullopt;
}

std::string FoldName(std::string_view name) {
  const std::string collapsed = CollapseWhitespace(name);
  bool ascii = true;
  for (char c : collapsed) ascii &= static_cast<unsigned char>(c) < 0x80;
  std::string out;
  if (ascii || Folder() == nullptr) {
    out = collapsed;
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  // Transliterating is slow and the same names come back again and again.
  thread_local std::unordered_map<std::string, std::string> cache;
  if (const auto it = cache.find(collapsed); it != cache.end()) {
    return it->second;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(collapsed);
  Folder()->transliterate(u);
  u.toUTF8String(out);
  if (cache.size() >= 100000) cache.clear();
  cache.emplace(collapsed, out);
  return out;
}

}  // namespace byline
