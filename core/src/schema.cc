#include "byline/schema.h"

namespace byline::schema {

std::string BooleanTerm(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  // Mirrors QueryParser's prefix_needs_colon(), whose uppercase test is
  // ASCII-only in Xapian 1.4 (so "Łódź" takes no colon).
  if (prefix.size() > 1 && !value.empty() && prefix.back() != ':' &&
      ((value[0] >= 'A' && value[0] <= 'Z') || value[0] == ':')) {
    term.push_back(':');
  }
  term.append(value);
  return term;
}

std::string UniqueTerm(std::string_view article_id, size_t passage_index) {
  std::string term(kUniquePrefix);
  term.append(article_id);
  term.push_back('#');
  term.append(std::to_string(passage_index));
  return term;
}

std::string ArticleTerm(std::string_view article_id) {
  return BooleanTerm(kArticlePrefix, article_id);
}

}  // namespace byline::schema
