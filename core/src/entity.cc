#include "byline/entity.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
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

// Latin letters that do not decompose, as Latin-ASCII then Lower spell
// them (tests/unit/entity_test.cc checks each against ICU); nullptr for
// any other character.
const char* LatinLetterAscii(char16_t c) {
  switch (c) {
    case u'ł': case u'Ł': case u'ŀ': case u'Ŀ': return "l";
    case u'ø': case u'Ø': return "o";
    case u'ß': case u'ẞ': return "ss";
    case u'æ': case u'Æ': return "ae";
    case u'œ': case u'Œ': return "oe";
    case u'đ': case u'Đ': case u'ð': case u'Ð': return "d";
    case u'þ': case u'Þ': return "th";
    case u'ħ': case u'Ħ': return "h";
    case u'ı': return "i";
    case u'ĳ': case u'Ĳ': return "ij";
    default: return nullptr;
  }
}

// The transliterator's result without the transliterator, when that is
// easy: if decomposing (NFD) and dropping nonspacing marks leaves ASCII,
// Latin-ASCII has nothing to do and lowercasing ASCII is all that is left
// ("Zürich", "São Paulo"). Creating the transliterator loads ICU's whole
// registry of transliterators (about 150 million instructions, tens of
// milliseconds), which a search naming "Özatürk" would otherwise pay. The
// Latin letters that do not decompose but that names in European news
// use ("ł", "ø", "ß") come from a short table. False (and `*out`
// unspecified) for anything else: other letters Latin-ASCII handles, and
// letters that are not Latin at all.
bool FoldByDecomposing(const std::string& name, std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return false;
  const icu::UnicodeString decomposed =
      nfd->normalize(icu::UnicodeString::fromUTF8(name), status);
  if (U_FAILURE(status)) return false;
  out->clear();
  for (int32_t i = 0; i < decomposed.length(); ++i) {
    const char16_t c = decomposed.charAt(i);
    if (c < 0x80) {
      out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a')
                                          : static_cast<char>(c));
    } else if (const char* ascii = LatinLetterAscii(c); ascii != nullptr) {
      out->append(ascii);
    } else if (U16_IS_SURROGATE(c) ||
               u_charType(c) != U_NON_SPACING_MARK) {
      return false;
    }
  }
  return true;
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
  if (ascii) {
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
  if (!FoldByDecomposing(collapsed, &out)) {
    out.clear();
    if (Folder() == nullptr) {  // ICU without its data: ASCII case only
      out = collapsed;
      for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
    } else {
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(collapsed);
      Folder()->transliterate(u);
      u.toUTF8String(out);
    }
  }
  if (cache.size() >= 100000) cache.clear();
  cache.emplace(collapsed, out);
  return out;
}

}  // namespace byline
