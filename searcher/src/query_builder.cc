#include "byline/search/query_builder.h"

#include <string>

#include "byline/schema.h"
#include "byline/text.h"

namespace byline {

QueryBuilder::QueryBuilder(const Xapian::Database& db)
    : stemmer_(schema::kStemLanguage) {
  parser_.set_database(db);
  parser_.set_stemmer(stemmer_);
  parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser_.set_default_op(Xapian::Query::OP_OR);
  parser_.add_prefix("title", std::string(schema::kTitlePrefix));
}

Status QueryBuilder::Parse(std::string_view text, Xapian::Query* out) {
  if (Trim(text).empty()) return InvalidArgument("empty query");
  constexpr unsigned kFlags =
      Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
      Xapian::QueryParser::FLAG_PURE_NOT;
  try {
    *out = parser_.parse_query(std::string(text), kFlags);
  } catch (const Xapian::QueryParserError& e) {
    return InvalidArgument("invalid query: " + e.get_msg());
  }
  return Status::Ok();
}

}  // namespace byline
