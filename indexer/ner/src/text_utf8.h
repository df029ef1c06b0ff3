// Small UTF-8 helpers for the NER tagger: decoding one code point and a
// case classification that covers Latin, Greek and Cyrillic letters. Pure
// functions, no allocation; invalid bytes decode as U+FFFD of length 1.
#ifndef BYLINE_NER_SRC_TEXT_UTF8_H_
#define BYLINE_NER_SRC_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace byline::ner {

// Decodes the code point at text[pos]; stores its length in bytes in *len.
inline char32_t DecodeUtf8(std::string_view text, size_t pos, size_t* len) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) {
    *len = 1;
    return b0;
  }
  size_t need = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    need = 1;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    need = 2;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    need = 3;
    cp = b0 & 0x07;
  } else {
    *len = 1;
    return 0xFFFD;
  }
  if (pos + need >= text.size()) {
    *len = 1;
    return 0xFFFD;
  }
  for (size_t i = 1; i <= need; ++i) {
    const auto b = static_cast<unsigned char>(text[pos + i]);
    if ((b & 0xC0) != 0x80) {
      *len = 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  *len = need + 1;
  return cp;
}

enum class CharClass : uint8_t { kUpper, kLower, kDigit, kOtherLetter, kSpace, kPunct };

// Classifies a code point. Letters outside the covered scripts (CJK, Arabic
// ...) are kOtherLetter; the tagger treats them as part of words.
inline CharClass ClassifyChar(char32_t c) {
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') return CharClass::kUpper;
    if (c >= 'a' && c <= 'z') return CharClass::kLower;
    if (c >= '0' && c <= '9') return CharClass::kDigit;
    if (c == ' ' || (c >= '\t' && c <= '\r')) return CharClass::kSpace;
    return CharClass::kPunct;
  }
  if (c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F ||
      c == 0x3000 || c == 0xFEFF)
    return CharClass::kSpace;
  if (c < 0xC0) return CharClass::kPunct;  // Latin-1 symbols: « » ° £ ...
  if (c <= 0xDE) return c == 0xD7 ? CharClass::kPunct : CharClass::kUpper;
  if (c <= 0xFF) return c == 0xF7 ? CharClass::kPunct : CharClass::kLower;
  if (c <= 0x17F) {
    // Latin Extended-A alternates upper/lower, with a shift after U+0138.
    if (c == 0x138 || c == 0x149 || c == 0x17F) return CharClass::kLower;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
      return (c & 1) ? CharClass::kUpper : CharClass::kLower;
    return (c & 1) ? CharClass::kLower : CharClass::kUpper;
  }
  if (c >= 0x391 && c <= 0x3A9) return CharClass::kUpper;
  if (c >= 0x3AC && c <= 0x3CE) return CharClass::kLower;
  if (c >= 0x400 && c <= 0x42F) return CharClass::kUpper;
  if (c >= 0x430 && c <= 0x45F) return CharClass::kLower;
  if (c >= 0x2010 && c <= 0x206F) return CharClass::kPunct;  // dashes, quotes
  if (c >= 0x20A0 && c <= 0x2BFF) return CharClass::kPunct;  // symbols
  if (c >= 0x3001 && c <= 0x303F) return CharClass::kPunct;
  if (c >= 0x1F000) return CharClass::kPunct;  // emoji
  return CharClass::kOtherLetter;
}

// Lowercase of a code point for the classes ClassifyChar() knows.
inline char32_t ToLowerChar(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (ClassifyChar(c) != CharClass::kUpper) return c;
  if (c <= 0xDE) return c + 0x20;
  if (c == 0x178) return 0xFF;
  if (c <= 0x17F) return c + 1;
  if (c <= 0x3A9) return c + 0x20;
  if (c <= 0x40F) return c + 0x50;
  return c + 0x20;  // U+0410..U+042F
}

inline void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

}  // namespace byline::ner

#endif  // BYLINE_NER_SRC_TEXT_UTF8_H_
