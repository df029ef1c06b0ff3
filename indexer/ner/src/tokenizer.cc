#include "tokenizer.h"

#include <algorithm>

#include "text_utf8.h"

namespace byline::ner {
namespace {

bool IsWordClass(CharClass c) {
  return c == CharClass::kUpper || c == CharClass::kLower ||
         c == CharClass::kDigit || c == CharClass::kOtherLetter;
}

bool IsAsciiLetter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

class Scanner {
 public:
  Scanner(std::string_view text, size_t end) : text_(text), end_(end) {}

  // Class and length of the code point at pos (kSpace past the end).
  CharClass At(size_t pos, size_t* len, char32_t* cp = nullptr) const {
    if (pos >= end_) {
      *len = 0;
      return CharClass::kSpace;
    }
    const char32_t c = DecodeUtf8(text_, pos, len);
    if (pos + *len > end_) *len = end_ - pos;
    if (cp != nullptr) *cp = c;
    return ClassifyChar(c);
  }
  bool WordAt(size_t pos) const {
    size_t len;
    return IsWordClass(At(pos, &len));
  }
  char Byte(size_t pos) const { return pos < end_ ? text_[pos] : '\0'; }

 private:
  std::string_view text_;
  size_t end_;
};

// Length of a dotted abbreviation starting at pos ("U.S.", "D.C", "a.m."),
// or 0 if there is none. Needs at least two letter-dot pairs, or one pair
// followed by a final letter ("U.S").
size_t DottedAbbreviation(const Scanner& s, size_t pos) {
  size_t p = pos;
  int pairs = 0;
  while (IsAsciiLetter(s.Byte(p)) && s.Byte(p + 1) == '.') {
    p += 2;
    ++pairs;
  }
  if (pairs >= 1 && IsAsciiLetter(s.Byte(p)) && !s.WordAt(p + 1) &&
      s.Byte(p + 1) != '.') {
    return p + 1 - pos;
  }
  if (pairs >= 2 && !s.WordAt(p)) return p - pos;
  // A middle initial keeps its dot: "Jonathan M. Stan".
  if (pairs == 1 && s.Byte(pos) >= 'A' && s.Byte(pos) <= 'Z' &&
      s.Byte(p) == ' ' && s.Byte(p + 1) >= 'A' && s.Byte(p + 1) <= 'Z') {
    return p - pos;
  }
  return 0;
}

// Titles and name parts written with a dot that never ends a sentence
// before a name ("Mr. Tusk", "St. Louis"); the dot stays in the token.
bool IsTitleAbbreviation(std::string_view word) {
  static constexpr std::string_view kTitles[] = {
      "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Prof", "Gen", "Lt", "Col",
      "Sgt", "Capt", "Sen", "Rep", "Gov", "Mt", "Ft", "Rev", "Gov", "Adm",
      "Maj", "Cpl", "Pres", "Supt", "Mme", "Messrs"};
  for (std::string_view t : kTitles) {
    if (word == t) return true;
  }
  return false;
}

}  // namespace

void Tokenize(std::string_view text, TextRange range, std::vector<Token>* out) {
  out->clear();
  const size_t end = std::min(range.end, text.size());
  Scanner s(text, end);
  size_t pos = range.start;
  while (pos < end) {
    size_t len;
    char32_t cp;
    const CharClass c = s.At(pos, &len, &cp);
    if (c == CharClass::kSpace) {
      pos += len;
      continue;
    }
    const size_t start = pos;
    if (!IsWordClass(c)) {
      // Possessive 's as one token; any other punctuation is one code point.
      if (IsApostrophe(cp) && (s.Byte(pos + len) == 's' ||
                               s.Byte(pos + len) == 'S') &&
          !s.WordAt(pos + len + 1)) {
        pos += len + 1;
      } else {
        pos += len;
      }
      out->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(pos)});
      continue;
    }
    if (size_t abbr = DottedAbbreviation(s, pos); abbr > 0) {
      pos += abbr;
      out->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(pos)});
      continue;
    }
    // A word: letters and digits, joined across single inner - ' ’ & . ,
    // when a word character follows (numbers keep their , and .).
    pos += len;
    while (pos < end) {
      size_t l;
      char32_t ch;
      const CharClass k = s.At(pos, &l, &ch);
      if (IsWordClass(k)) {
        pos += l;
        continue;
      }
      if (k == CharClass::kPunct) {
        size_t nl;
        char32_t next;
        const CharClass nk = s.At(pos + l, &nl, &next);
        if (!IsWordClass(nk)) break;
        if (IsApostrophe(ch)) {
          // "Poland's": stop before the possessive.
          if ((next == 's' || next == 'S') && !s.WordAt(pos + l + 1)) break;
          pos += l;
          continue;
        }
        if (ch == '-' || ch == '&' || ch == 0x2010) {
          pos += l;
          continue;
        }
        if (ch == '.' || ch == ',') {
          // Inside numbers (3.5, 1,000) and domain names (wikinews.org).
          const char prev = text[pos - 1];
          const bool digits = prev >= '0' && prev <= '9' &&
                              nk == CharClass::kDigit;
          const bool domain = ch == '.' && nk == CharClass::kLower &&
                              prev >= 'a' && prev <= 'z';
          if (digits || domain) {
            pos += l;
            continue;
          }
        }
      }
      break;
    }
    if (s.Byte(pos) == '.' && s.Byte(pos + 1) == ' ' &&
        IsTitleAbbreviation(text.substr(start, pos - start))) {
      ++pos;
    }
    out->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(pos)});
  }
}

}  // namespace byline::ner
