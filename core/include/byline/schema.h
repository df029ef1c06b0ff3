// The index schema: term prefixes, value slots and the helpers that build
// terms. The indexer writes and the searcher reads exactly what is declared
// here; docs/schema.md mirrors this file and changes with it.
#ifndef BYLINE_SCHEMA_H_
#define BYLINE_SCHEMA_H_

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace byline::schema {

// Term prefixes. Xapian conventions: S title, Q unique id, Z stemmed forms
// (added by TermGenerator); Byline's own prefixes start with X.
inline constexpr std::string_view kTitlePrefix = "S";    // free text
inline constexpr std::string_view kUniquePrefix = "Q";   // Q<article-id>#<n>
inline constexpr std::string_view kArticlePrefix = "XA";  // XA<article-id>

// Value slots: an append-only list. Never renumber or reuse a slot.
enum Slot : Xapian::valueno {
  kSlotArticleId = 0,     // article id, raw bytes; the collapse key
  kSlotPassageIndex = 1,  // passage number, Xapian::sortable_serialise(n)
};

// Stemming language for text at index and query time.
inline constexpr const char* kStemLanguage = "english";

// A boolean term `prefix` + `value` spelled the way Xapian::QueryParser
// spells a boolean filter: a ':' goes between a prefix of more than one
// character and a value that starts with an ASCII uppercase letter or ':'
// (Xapian 1.4 tests ASCII only: "XORGŁódź" but "XORG:NATO"). Build every boolean term through this, or `field:Value` filters in
// queries match nothing.
std::string BooleanTerm(std::string_view prefix, std::string_view value);

// "Q<article-id>#<n>": the unique term of passage n of an article.
std::string UniqueTerm(std::string_view article_id, size_t passage_index);

// "XA<article-id>": carried by every passage of an article.
std::string ArticleTerm(std::string_view article_id);

}  // namespace byline::schema

#endif  // BYLINE_SCHEMA_H_
