// Turns the user's query string into a Xapian::Query with Byline's field
// prefixes (title:) and English stemming, as the index was built.
// Not thread-safe (it owns a QueryParser); cheap to create.
#ifndef BYLINE_SEARCH_QUERY_BUILDER_H_
#define BYLINE_SEARCH_QUERY_BUILDER_H_

#include <xapian.h>

#include <string_view>

#include "byline/status.h"

namespace byline {

class QueryBuilder {
 public:
  // `db` is used for wildcard expansion and stemming decisions; it must
  // outlive the builder.
  explicit QueryBuilder(const Xapian::Database& db);

  // Parses `text` with boolean operators (AND, OR, NOT), phrases ("..."),
  // +/- and title:. An empty query fails with kInvalidArgument, as does a
  // syntax error (with Xapian's message).
  [[nodiscard]] Status Parse(std::string_view text, Xapian::Query* out);

  const Xapian::Stem& stemmer() const { return stemmer_; }

 private:
  Xapian::QueryParser parser_;
  Xapian::Stem stemmer_;
};

}  // namespace byline

#endif  // BYLINE_SEARCH_QUERY_BUILDER_H_
