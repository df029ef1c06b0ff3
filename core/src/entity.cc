#include "byline/entity.h"

#include <dlfcn.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

#include <cstdio>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "byline/text.h"

namespace byline {
namespace {

constexpr std::string_view kTypeNames[] = {"person", "org", "place", "date"};

// ICU, loaded on first use rather than linked: loading and relocating its
// libraries costs a process about 3 ms, which every search would pay
// although most queries are ASCII and never need it. Only its C API is
// used; its symbols carry the version ("u_charType_72"), which the
// headers' renaming macros spell.
#define BYLINE_ICU_NAME2(x) #x
#define BYLINE_ICU_NAME(x) BYLINE_ICU_NAME2(x)
struct Icu {
  decltype(&unorm2_getNFDInstance) nfd_instance = nullptr;
  decltype(&unorm2_normalize) normalize = nullptr;
  decltype(&u_charType) char_type = nullptr;
  decltype(&u_strFromUTF8WithSub) from_utf8 = nullptr;
  decltype(&u_strToUTF8) to_utf8 = nullptr;
  decltype(&utrans_openU) trans_open = nullptr;
  decltype(&utrans_transUChars) trans = nullptr;
  decltype(&utrans_close) trans_close = nullptr;
  bool ok = false;
};

const Icu& LoadIcu() {
  static const Icu icu = [] {
    Icu i;
    void* uc = ::dlopen("libicuuc.so." U_ICU_VERSION_SHORT,
                        RTLD_NOW | RTLD_LOCAL);
    void* i18n = ::dlopen("libicui18n.so." U_ICU_VERSION_SHORT,
                          RTLD_NOW | RTLD_LOCAL);
    if (uc == nullptr || i18n == nullptr) {
      std::fprintf(stderr,
                   "byline: cannot load ICU %s (%s): names with letters "
                   "outside ASCII are folded by ASCII case only\n",
                   U_ICU_VERSION_SHORT, ::dlerror());
      return i;
    }
    const auto get = [](void* lib, const char* name, auto* fn) {
      *fn = reinterpret_cast<std::remove_reference_t<decltype(*fn)>>(
          ::dlsym(lib, name));
      return *fn != nullptr;
    };
    i.ok = get(uc, BYLINE_ICU_NAME(unorm2_getNFDInstance), &i.nfd_instance) &&
           get(uc, BYLINE_ICU_NAME(unorm2_normalize), &i.normalize) &&
           get(uc, BYLINE_ICU_NAME(u_charType), &i.char_type) &&
           get(uc, BYLINE_ICU_NAME(u_strFromUTF8WithSub), &i.from_utf8) &&
           get(uc, BYLINE_ICU_NAME(u_strToUTF8), &i.to_utf8) &&
           get(i18n, BYLINE_ICU_NAME(utrans_openU), &i.trans_open) &&
           get(i18n, BYLINE_ICU_NAME(utrans_transUChars), &i.trans) &&
           get(i18n, BYLINE_ICU_NAME(utrans_close), &i.trans_close);
    if (!i.ok) {
      std::fprintf(stderr, "byline: ICU %s lacks a function Byline needs: "
                   "names with letters outside ASCII are folded by ASCII "
                   "case only\n", U_ICU_VERSION_SHORT);
    }
    return i;
  }();
  return icu;
}

std::u16string ToUtf16(const Icu& icu, const std::string& s) {
  std::u16string out(s.size() + 1, u'\0');  // UTF-16 never has more units
  int32_t length = 0;
  UErrorCode status = U_ZERO_ERROR;
  // Invalid UTF-8 becomes U+FFFD, as icu::UnicodeString::fromUTF8 does.
  icu.from_utf8(reinterpret_cast<UChar*>(out.data()),
                static_cast<int32_t>(out.size()), &length, s.data(),
                static_cast<int32_t>(s.size()), 0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) return {};
  out.resize(static_cast<size_t>(length));
  return out;
}

std::string ToUtf8(const Icu& icu, const std::u16string& s) {
  std::string out(s.size() * 3 + 1, '\0');
  int32_t length = 0;
  UErrorCode status = U_ZERO_ERROR;
  icu.to_utf8(out.data(), static_cast<int32_t>(out.size()), &length,
              reinterpret_cast<const UChar*>(s.data()),
              static_cast<int32_t>(s.size()), &status);
  if (U_FAILURE(status)) return {};
  out.resize(static_cast<size_t>(length));
  return out;
}

// ICU transliterators are not safe to share between threads: one each.
struct TransCloser {
  void operator()(UTransliterator* t) const { LoadIcu().trans_close(t); }
};
UTransliterator* Folder() {
  thread_local std::unique_ptr<UTransliterator, TransCloser> folder = [] {
    const Icu& icu = LoadIcu();
    std::unique_ptr<UTransliterator, TransCloser> t;
    if (!icu.ok) return t;
    const std::u16string id =
        u"NFD; [:Nonspacing Mark:] Remove; Latin-ASCII; Lower; NFC";
    UErrorCode status = U_ZERO_ERROR;
    t.reset(icu.trans_open(reinterpret_cast<const UChar*>(id.data()),
                           static_cast<int32_t>(id.size()), UTRANS_FORWARD,
                           nullptr, 0, nullptr, &status));
    if (U_FAILURE(status)) t.reset();
    return t;
  }();
  return folder.get();
}

// The transliterator's result for `text`, or "" if it fails.
std::string Transliterate(const Icu& icu, std::u16string text) {
  UTransliterator* t = Folder();
  if (t == nullptr) return {};
  // Room to grow: "ß" becomes "ss", "Æ" "ae".
  int32_t length = static_cast<int32_t>(text.size());
  text.resize(text.size() * 4 + 16);
  int32_t limit = length;
  UErrorCode status = U_ZERO_ERROR;
  icu.trans(t, reinterpret_cast<UChar*>(text.data()), &length,
            static_cast<int32_t>(text.size()), 0, &limit, &status);
  if (U_FAILURE(status)) return {};
  text.resize(static_cast<size_t>(length));
  return ToUtf8(icu, text);
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
bool FoldByDecomposing(const Icu& icu, const std::u16string& text,
                       std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2* nfd = icu.nfd_instance(&status);
  if (U_FAILURE(status)) return false;
  // NFD at most triples the length of a string (Unicode's bound).
  std::u16string decomposed(text.size() * 3 + 1, u'\0');
  const int32_t length = icu.normalize(
      nfd, reinterpret_cast<const UChar*>(text.data()),
      static_cast<int32_t>(text.size()),
      reinterpret_cast<UChar*>(decomposed.data()),
      static_cast<int32_t>(decomposed.size()), &status);
  if (U_FAILURE(status)) return false;
  out->clear();
  for (int32_t i = 0; i < length; ++i) {
    const char16_t c = decomposed[static_cast<size_t>(i)];
    if (c < 0x80) {
      out->push_back(AsciiLower(static_cast<char>(c)));
    } else if (const char* ascii = LatinLetterAscii(c); ascii != nullptr) {
      out->append(ascii);
    } else if (U16_IS_SURROGATE(c) ||
               icu.char_type(c) != U_NON_SPACING_MARK) {
      return false;
    }
  }
  return true;
}

// The ASCII letter that a Latin letter of U+00C0-U+017F decomposes (NFD)
// to, lowercase; 0 for those that do not decompose, or not to an ASCII
// letter (LatinLetterAscii() has some of them).
constexpr char kLatinBase[] =
    // U+00C0
    "aaaaaa\0c" "eeeeiiii" "\0nooooo\0" "\0uuuuy\0\0"
    "aaaaaa\0c" "eeeeiiii" "\0nooooo\0" "\0uuuuy\0y"
    // U+0100
    "aaaaaacc" "ccccccdd" "\0\0eeeeee" "eeeegggg"
    "gggghh\0\0" "iiiiiiii" "i\0\0\0jjkk" "\0llllll\0"
    "\0\0\0nnnnn" "n\0\0\0oooo" "oo\0\0rrrr" "rrssssss"
    "sstttt\0\0" "uuuuuuuu" "uuuuwwyy" "yzzzzzz\0";
static_assert(sizeof(kLatinBase) == 0x180 - 0xC0 + 1);

// FoldByDecomposing() without ICU, for text whose letters are ASCII, Latin
// letters of U+00C0-U+017F, Romanian's S and T with comma below, or
// LatinLetterAscii()'s, with any combining diacritical marks (U+0300-
// U+036F): the letters of most names in European news. The results are
// the same (tests/unit/entity_test.cc checks every letter against ICU's
// transliterator); loading ICU costs a process about 0.8 ms, which a
// search naming "Özatürk" would otherwise pay. False for anything else.
bool FoldLatin(std::string_view text, std::string* out) {
  out->clear();
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      out->push_back(AsciiLower(static_cast<char>(b)));
      ++i;
      continue;
    }
    // Two-byte sequences only: U+0080-U+07FF.
    if ((b & 0xE0) != 0xC0 || i + 1 >= text.size()) return false;
    const unsigned char b2 = static_cast<unsigned char>(text[i + 1]);
    if ((b2 & 0xC0) != 0x80) return false;
    const char16_t c = static_cast<char16_t>((b & 0x1F) << 6 | (b2 & 0x3F));
    if (c < 0x80) return false;  // overlong
    i += 2;
    if (c >= 0x300 && c <= 0x36F) continue;  // a nonspacing mark
    if (c >= 0xC0 && c < 0x180 && kLatinBase[c - 0xC0] != '\0') {
      out->push_back(kLatinBase[c - 0xC0]);
    } else if (c >= 0x218 && c <= 0x21B) {  // Ș ș Ț ț
      out->push_back(c < 0x21A ? 's' : 't');
    } else if (const char* ascii = LatinLetterAscii(c); ascii != nullptr) {
      out->append(ascii);
    } else {
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
  if (ascii) return AsciiLower(collapsed);
  // Transliterating is slow and the same names come back again and again.
  thread_local std::unordered_map<std::string, std::string> cache;
  if (const auto it = cache.find(collapsed); it != cache.end()) {
    return it->second;
  }
  std::string out;
  if (FoldLatin(collapsed, &out)) return out;
  const Icu& icu = LoadIcu();
  const std::u16string text = icu.ok ? ToUtf16(icu, collapsed) : u"";
  bool folded = !text.empty() && FoldByDecomposing(icu, text, &out);
  if (!folded && !text.empty()) {
    out = Transliterate(icu, text);
    folded = !out.empty();
  }
  if (!folded) out = AsciiLower(collapsed);  // no ICU: ASCII case only
  if (cache.size() >= 100000) cache.clear();
  cache.emplace(collapsed, out);
  return out;
}

}  // namespace byline
