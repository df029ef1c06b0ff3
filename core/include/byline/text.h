// UTF-8 checks and small text helpers shared by the indexer and searcher.
// All functions are pure and thread-safe; they operate on bytes and never
// throw.
#ifndef BYLINE_TEXT_H_
#define BYLINE_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace byline {

struct Utf8Check {
  size_t invalid_sequences = 0;  // maximal invalid subsequences (as in U+FFFD
                                 // substitution, Unicode ch. 3 "best practice")
  size_t first_invalid = std::string_view::npos;  // byte offset of the first
  size_t first_nul = std::string_view::npos;      // byte offset of first NUL
  bool valid() const { return invalid_sequences == 0; }
};

// Scans `text` once. Overlong forms, surrogates and code points above
// U+10FFFF count as invalid.
Utf8Check CheckUtf8(std::string_view text);

// Returns `text` with every maximal invalid subsequence replaced by U+FFFD.
// Valid input is returned unchanged.
std::string RepairUtf8(std::string_view text);

// True for the ASCII whitespace bytes space, \t, \n, \v, \f, \r.
inline bool IsAsciiSpace(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

// ASCII letters lowercased; other bytes (UTF-8 included) unchanged.
inline char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
std::string AsciiLower(std::string_view text);

// ASCII letters uppercased; other bytes (UTF-8 included) unchanged.
inline char AsciiUpper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}
std::string AsciiUpper(std::string_view text);

// `text` without leading and trailing ASCII whitespace.
std::string_view Trim(std::string_view text);

// Collapses every run of ASCII whitespace into one space and trims the ends;
// for showing a multi-line passage on one line.
std::string CollapseWhitespace(std::string_view text);

// The pieces of `text` between `sep`s: "a,b" -> {"a", "b"}, "a,,b" ->
// {"a", "", "b"}; a trailing separator adds no empty piece and "" gives
// none. The pieces borrow from `text`.
std::vector<std::string_view> Split(std::string_view text, char sep);

// Number of whitespace-separated words.
size_t CountWords(std::string_view text);

}  // namespace byline

#endif  // BYLINE_TEXT_H_
