#include "byline/search/query_builder.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "byline/schema.h"
#include "byline/text.h"
#include "second_stage.h"

namespace byline {
namespace {

// How every query is parsed (Parse(); HighlightQuery() without synonyms).
constexpr unsigned kParseFlags = Xapian::QueryParser::FLAG_DEFAULT |
                                 Xapian::QueryParser::FLAG_WILDCARD |
                                 Xapian::QueryParser::FLAG_PURE_NOT |
                                 Xapian::QueryParser::FLAG_AUTO_SYNONYMS;

// The OR of `terms` (queries or term strings), its weight times `factor`.
template <typename Terms>
Xapian::Query ScaledOr(const Terms& terms, double factor) {
  return Xapian::Query(
      Xapian::Query::OP_SCALE_WEIGHT,
      Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), factor);
}

// What a field processor returns for a filter that matches nothing: a
// term no document has (schema::kNoDocumentTerm). Xapian's parser
// (1.4.22) dereferences an empty query from a field processor in a
// negated group: "-u -(-date:x)" crashed the search.
Xapian::Query NotEmpty(Xapian::Query q) {
  return q.empty() ? Xapian::Query(std::string(schema::kNoDocumentTerm)) : q;
}

// "mentioned:": dates the passage mentions (person:, org:, place: and
// date: go through EntityFieldProcessor).
class MentionedDateProcessor : public Xapian::FieldProcessor {
 public:
  explicit MentionedDateProcessor(const QueryBuilder& builder)
      : builder_(builder) {}
  Xapian::Query operator()(const std::string& value) override {
    return NotEmpty(builder_.DateFilter(schema::kMentionedDatePrefix, value));
  }

 private:
  const QueryBuilder& builder_;
};

class EntityFieldProcessor : public Xapian::FieldProcessor {
 public:
  EntityFieldProcessor(const QueryBuilder& builder, EntityType type)
      : builder_(builder), type_(type) {}
  Xapian::Query operator()(const std::string& value) override {
    return NotEmpty(builder_.EntityFilter(type_, value));
  }

 private:
  const QueryBuilder& builder_;
  EntityType type_;
};

// Words of a query that could name an entity: field:value parts, operators
// and punctuation dropped, a possessive 's removed. `capital` says whether
// the word starts with a capital letter; `first` whether it opens the
// query or a sentence of it (where any word has a capital).
struct FreeWord {
  std::string text;
  bool capital = false;
  bool first = false;
};

bool StartsWithCapital(std::string_view word) {
  Xapian::Utf8Iterator it(word.data(), word.size());
  return it != Xapian::Utf8Iterator() && Xapian::Unicode::get_category(*it) ==
                                             Xapian::Unicode::UPPERCASE_LETTER;
}

std::vector<FreeWord> FreeWords(std::string_view text) {
  std::vector<FreeWord> words;
  std::string current;
  bool in_field = false;
  bool sentence_start = true;
  const auto flush = [&](char after) {
    if (!in_field && !current.empty() && current != "AND" && current != "OR" &&
        current != "NOT" && current != "XOR" && current != "NEAR" &&
        current != "ADJ") {
      for (std::string_view s : {"'s", "\u2019s"}) {
        if (current.size() > s.size() &&
            current.compare(current.size() - s.size(), s.size(), s) == 0) {
          current.resize(current.size() - s.size());
        }
      }
      // A trailing full stop is the sentence's, not the word's (an
      // initial or "U.S." keeps its inner ones).
      const bool ends_sentence = !current.empty() && current.back() == '.';
      while (!current.empty() && current.back() == '.') current.pop_back();
      if (!current.empty()) {
        words.push_back({current, StartsWithCapital(current), sentence_start});
        sentence_start = ends_sentence || after == '?' || after == '!';
      }
    }
    current.clear();
    in_field = false;
  };
  bool quoted_field = false;
  for (char c : text) {
    if (quoted_field) {  // inside field:"..."
      if (c == '"') quoted_field = false;
      continue;
    }
    if (c == ':' && !current.empty()) {
      in_field = true;
      current.clear();
      continue;
    }
    if (c == '"' && in_field && current.empty()) {
      quoted_field = true;
      in_field = false;
      continue;
    }
    const bool word_char = static_cast<unsigned char>(c) >= 0x80 ||
                           std::isalnum(static_cast<unsigned char>(c)) ||
                           c == '\'' || c == '-' || c == '.' || c == '&';
    if (word_char) {
      current.push_back(c);
    } else {
      flush(c);
      if (c == '?' || c == '!') sentence_start = true;
    }
  }
  flush(' ');
  return words;
}

// Lower-case words a name may hold between capitalised ones ("Bank of
// England", "Ludwig van Beethoven").
bool IsNameConnector(std::string_view w) {
  for (std::string_view c :
       {"of", "the", "de", "van", "von", "der", "den", "du", "la", "le", "del",
        "da", "and", "for", "&"}) {
    if (w == c) return true;
  }
  return false;
}

// True if `q` holds a phrase or a NEAR: headline evidence is left out of
// those (a phrase is precise already, and under OP_AND_MAYBE Xapian checks
// its positions for every candidate, which made "according to" at a
// million passages 33 -> 57 ms).
bool HasPositional(const Xapian::Query& q) {
  const auto type = q.get_type();
  if (type == Xapian::Query::OP_PHRASE || type == Xapian::Query::OP_NEAR) {
    return true;
  }
  for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
    if (HasPositional(q.get_subquery(i))) return true;
  }
  return false;
}

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db, QueryOptions options)
    : db_(db), options_(options), stemmer_(schema::kStemLanguage) {
  for (const std::string_view w : kWhWords) question_words_.add(std::string(w));
  parser_.set_database(db);
  parser_.set_stemmer(stemmer_);
  // The index holds "Z" + stem only (schema.h). STEM_ALL_Z would make the
  // same terms, but wildcards would then expand over unprefixed terms, of
  // which there are none; with the "Z" as the fields' prefix they expand
  // over the stems.
  parser_.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
  parser_.add_prefix("", std::string(schema::kStemPrefix));
  parser_.set_default_op(Xapian::Query::OP_OR);
  // A wildcard ("intercept*") stands for at most this many words, the
  // most frequent of those it matches.
  parser_.set_max_expansion(kMaxWildcardExpansion,
                            Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  parser_.add_prefix("title", std::string(schema::kStemPrefix) +
                                  std::string(schema::kTitlePrefix));
  // The highlight parser follows Xapian's own convention (STEM_SOME), which
  // MSet::snippet() reads; its filter fields only keep their values from
  // being read as words.
  highlight_parser_.set_stemmer(stemmer_);
  highlight_parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  highlight_parser_.add_prefix("title", std::string(schema::kTitlePrefix));
  for (EntityType type : kAllEntityTypes) {
    const std::string field(EntityTypeName(type));
    parser_.add_boolean_prefix(
        field, (new EntityFieldProcessor(*this, type))->release());
    highlight_parser_.add_boolean_prefix(field, "XHIGHLIGHT");
  }
  parser_.add_boolean_prefix("mentioned",
                             (new MentionedDateProcessor(*this))->release());
  highlight_parser_.add_boolean_prefix("mentioned", "XHIGHLIGHT");
}

void QueryBuilder::LoadJoins() const {
  if (joins_loaded_) return;
  joins_loaded_ = true;
  const std::vector<Xapian::Database> own{db_};
  for (const Xapian::Database& db :
       join_sources_.empty() ? own : join_sources_) {
    schema::ReadJoins(db, &joins_, &join_names_);
  }
  for (const auto& [expansion, acronym] : joins_) {
    joined_from_[acronym].push_back(expansion);
  }
  // In a fixed order, whatever the map's.
  for (auto& [acronym, expansions] : joined_from_) {
    std::sort(expansions.begin(), expansions.end());
  }
}

const std::unordered_map<std::string, std::string>& QueryBuilder::Joins()
    const {
  LoadJoins();
  return joins_;
}

const std::unordered_map<std::string, std::string>& QueryBuilder::JoinNames()
    const {
  LoadJoins();
  return join_names_;
}

std::vector<std::string> QueryBuilder::JoinedGroup(
    const std::string& term) const {
  LoadJoins();
  // The acronym and every expansion joined to it.
  const auto j = joins_.find(term);
  const std::string& head = j == joins_.end() ? term : j->second;
  std::vector<std::string> group{head};
  if (const auto from = joined_from_.find(head); from != joined_from_.end()) {
    group.insert(group.end(), from->second.begin(), from->second.end());
  }
  return group;
}

Xapian::Query QueryBuilder::EntityFilter(EntityType type,
                                         std::string_view value) const {
  const std::string v(Trim(value));
  if (type != EntityType::kDate) {
    const std::vector<std::string> group =
        JoinedGroup(schema::EntityTerms(type, v).front());
    if (group.size() == 1) return Xapian::Query(group.front());
    return Xapian::Query(Xapian::Query::OP_OR, group.begin(), group.end());
  }
  return DateFilter(schema::kDatePrefix, v);
}

Xapian::Query QueryBuilder::DateFilter(std::string_view date_prefix,
                                       std::string_view value) const {
  const std::string v(Trim(value));
  const size_t dots = v.find("..");
  // A bad date is kept as the builder's error and matches nothing: an
  // exception thrown through Xapian's query parser leaks its parse state.
  const auto bad = [&](const std::string& why) {
    if (filter_error_.empty()) filter_error_ = why;
    return Xapian::Query::MatchNothing;
  };
  const auto not_a_date = [&](const std::string& date) {
    return bad("'" + date +
               "' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD (a range: "
               "FROM..TO, either end may be left out)");
  };
  if (dots == std::string::npos) {
    if (!schema::IsIsoDate(v)) return not_a_date(v);
    return Xapian::Query(schema::BooleanTerm(date_prefix, v));
  }
  // A range: every date term of the bounds' precision between them. ISO
  // dates sort as strings, so the term list is walked in order.
  const std::string from = v.substr(0, dots), to = v.substr(dots + 2);
  if (from.empty() && to.empty()) return not_a_date(v);
  if (!from.empty() && !schema::IsIsoDate(from)) return not_a_date(from);
  if (!to.empty() && !schema::IsIsoDate(to)) return not_a_date(to);
  if (!from.empty() && !to.empty() && from.substr(0, to.size()) > to) {
    return bad("the date range " + v + " is empty: its start is after its end");
  }
  const size_t precision = !from.empty() ? from.size() : to.size();
  const std::string prefix(date_prefix);
  std::vector<Xapian::Query> terms;
  auto t = db_.allterms_begin(prefix);
  t.skip_to(prefix + from);
  for (; t != db_.allterms_end(prefix); ++t) {
    const std::string date = (*t).substr(prefix.size());
    if (!to.empty() && date.substr(0, to.size()) > to) break;
    if (date.size() == precision && date[0] != '-') terms.emplace_back(*t);
  }
  if (terms.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

std::vector<std::string> QueryBuilder::NamedEntities(
    std::string_view text) const {
  const std::vector<FreeWord> words = FreeWords(text);
  // Capitals tell names from words only where the query has both cases;
  // a query in one case (typed in lower case, or in capitals as some
  // archives' requests are) names an entity only by a name of several
  // words.
  bool lower = false, upper = false;
  for (const FreeWord& w : words) {
    (w.capital ? upper : lower) = true;
  }
  const bool cased = lower && upper;
  // A span can name an entity if, in a cased query, its first and last
  // words have capitals and the words between have them too or join
  // names ("of"); a single word that opens a sentence does not count (any
  // word there has a capital).
  const auto can_name = [&](size_t i, size_t n) {
    if (!cased) return n >= 2;
    if (!words[i].capital || !words[i + n - 1].capital) return false;
    for (size_t k = i + 1; k + 1 < i + n; ++k) {
      if (!words[k].capital && !IsNameConnector(words[k].text)) return false;
    }
    return !(n == 1 && words[i].first);
  };
  std::vector<std::string> found;
  constexpr size_t kMaxWords = 5;
  for (size_t i = 0; i < words.size();) {
    size_t matched = 0;
    for (size_t n = std::min(kMaxWords, words.size() - i); n > 0 && !matched;
         --n) {
      if (!can_name(i, n)) continue;
      std::string phrase;
      for (size_t k = i; k < i + n; ++k) {
        phrase += (k > i ? " " : "") + words[k].text;
      }
      const std::string key =
          std::string(schema::kAliasKeyPrefix) + FoldName(phrase);
      // Unambiguous: every entity the alias names has the same name (a
      // name the index knows as several types, "India" the place and the
      // team, is still one name); an alias of several names ("School" for
      // five schools) names none of them.
      std::vector<std::string> terms;
      for (auto s = db_.synonyms_begin(key); s != db_.synonyms_end(key); ++s) {
        terms.push_back(*s);
      }
      for (const Xapian::Database& part : remote_parts_) {
        const std::string mirrored =
            part.get_metadata(schema::AliasMetadataKey(key));
        for (const std::string_view t : Split(mirrored, '\n')) {
          if (!t.empty() &&
              std::find(terms.begin(), terms.end(), t) == terms.end()) {
            terms.emplace_back(t);
          }
        }
      }
      if (terms.empty()) continue;
      matched = n;
      // Names the index joins are one name ("NATO" and "North Atlantic
      // Treaty Organization").
      const auto head = [&](const std::string& t) {
        const auto j = Joins().find(t);
        return schema::EntityTermName(j == Joins().end() ? t : j->second);
      };
      const std::string_view name = head(terms.front());
      if (std::all_of(terms.begin(), terms.end(),
                      [&](const std::string& t) { return head(t) == name; })) {
        // With the names the index joins to them.
        for (const std::string& t : terms) {
          for (std::string& member : JoinedGroup(t)) {
            if (std::find(found.begin(), found.end(), member) == found.end()) {
              found.push_back(std::move(member));
            }
          }
        }
      }
    }
    i += matched ? matched : 1;
  }
  return found;
}

Xapian::Query QueryBuilder::HighlightQuery(std::string_view text) const {
  try {
    // parse_query() is not const; the copy shares the settings.
    Xapian::QueryParser parser = highlight_parser_;
    return parser.parse_query(
        std::string(text),
        kParseFlags & ~Xapian::QueryParser::FLAG_AUTO_SYNONYMS);
  } catch (const Xapian::Error&) {
    return Xapian::Query::MatchNothing;
  }
}

std::string QueryBuilder::Suggest(std::string_view text) const {
  // Xapian corrects only words of fields without a prefix, and Parse()'s
  // words have "Z": a parser of its own, whose fields only keep their
  // values from being corrected.
  Xapian::QueryParser parser;
  parser.set_database(db_);
  for (EntityType type : kAllEntityTypes) {
    parser.add_boolean_prefix(std::string(EntityTypeName(type)), "XSPELL");
  }
  parser.add_boolean_prefix("mentioned", "XSPELL");
  parser.add_prefix("title", std::string(schema::kTitlePrefix));
  try {
    parser.parse_query(
        std::string(text),
        kParseFlags | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
    return parser.get_corrected_query_string();
  } catch (const Xapian::Error&) {
    return "";
  }
}

Status QueryBuilder::Parse(std::string_view text, Xapian::Query* out,
                           QueryParts* parts) {
  if (Trim(text).empty()) return InvalidArgument("empty query");
  if (text.size() > kMaxQueryBytes) {
    return InvalidArgument("the query is " + std::to_string(text.size()) +
                           " bytes; at most " + std::to_string(kMaxQueryBytes) +
                           " are allowed");
  }
  size_t words = 0;
  for (const std::string_view w : Split(text, ' ')) words += !Trim(w).empty();
  if (words > kMaxQueryWords) {
    return InvalidArgument("the query has " + std::to_string(words) +
                           " words; at most " + std::to_string(kMaxQueryWords) +
                           " are allowed");
  }
  Xapian::Query query;
  // Question words are stop words in a question (QueryOptions), unless
  // one of them is written as an acronym ("the WHO").
  parser_.set_stopper(options_.drop_question_words && IsQuestion(text) &&
                              !HasQuestionWordInCapitals(text)
                          ? &question_words_
                          : nullptr);
  try {
    query = parser_.parse_query(std::string(text), kParseFlags);
  } catch (const Xapian::QueryParserError& e) {
    return InvalidArgument("invalid query: " + e.get_msg());
  }
  if (std::string why = TakeFilterError(); !why.empty()) {
    return InvalidArgument("invalid query: " + why);
  }
  if (parts != nullptr) *parts = QueryParts{query, {}, {}, {}, 0};
  if (options_.title_weight > 0 && !HasPositional(query)) {
    // Title evidence: the query's words as title words (the "ZS" terms
    // every passage of an article carries for its headline), with BM25
    // over that field's own statistics, scaled. It only reweighs what the
    // query matches.
    std::vector<Xapian::Query> title;
    for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t) {
      const std::string& term = *t;
      const std::string_view stem_prefix = schema::kStemPrefix;
      if (term.size() > stem_prefix.size() && term.starts_with(stem_prefix) &&
          !std::isupper(static_cast<unsigned char>(term[stem_prefix.size()]))) {
        title.emplace_back(std::string(stem_prefix) +
                           std::string(schema::kTitlePrefix) +
                           term.substr(stem_prefix.size()));
      }
    }
    if (!title.empty()) {
      const Xapian::Query headline = ScaledOr(title, options_.title_weight);
      if (parts != nullptr) parts->headline = headline;
      query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, headline);
    }
  }
  if (options_.entity_boost > 0) {
    const std::vector<std::string> named = NamedEntities(text);
    if (!named.empty()) {
      const Xapian::Query boost = ScaledOr(named, options_.entity_boost);
      if (parts != nullptr) {
        parts->entities = boost;
        parts->entity_terms = named;
        parts->entity_boost = options_.entity_boost;
      }
      query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, boost);
    }
  }
  *out = query;
  return Status::Ok();
}

}  // namespace byline
