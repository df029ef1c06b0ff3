// Turns the user's query string into a Xapian::Query, the way the index was
// built: English stemming, the title: field, entity filters (person:, org:,
// place:, date: with ranges), unaccented words finding accented ones, and
// the entity boost.
// Not thread-safe (it owns a QueryParser); cheap to create.
#ifndef BYLINE_SEARCH_QUERY_BUILDER_H_
#define BYLINE_SEARCH_QUERY_BUILDER_H_

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <string_view>
#include <utility>
#include <vector>

#include "byline/entity.h"
#include "byline/status.h"

namespace byline {

struct QueryOptions {
  // Passages that mention an entity the query names (by any surface form
  // the index has seen: "Stoltenberg" -> person "Jens Stoltenberg") get the
  // entity's BM25 weight times this factor on top. 0 turns the boost off.
  double entity_boost = 0.5;
  // BM25's parameters (Xapian::BM25Weight): k1, how fast a word's weight
  // saturates with its count in a passage; b, how much a long passage's
  // counts are discounted (0: not at all, 1: in proportion).
  double bm25_k1 = 1.0;
  double bm25_b = 0.75;
  // Title evidence: the query's words scored again as title words (BM25
  // over the title field) times this factor, for every passage of an
  // article whose headline has them. 0 turns it off.
  double title_weight = 0.03;
  // The second stage (docs/design.md, "Ranking"): the top `rerank_depth`
  // hits are ordered again with article evidence (BM25 of the query's
  // words over the hit's whole article) times `article_weight`, and, for a
  // query phrased as a question, the proximity of its words in the passage
  // times `proximity_weight`. 0 turns each off.
  double article_weight = 0.1;
  double proximity_weight = 1.0;
  size_t rerank_depth = 30;
  // In a query phrased as a question, the question words (what, which,
  // who, whom, whose, when, where, why, how) are stop words: they say what
  // kind of answer is wanted, and the passage that gives it rarely has
  // them. Xapian's parser keeps them in a phrase, with +, or when the
  // query has nothing else.
  bool drop_question_words = true;
};

// The pieces of a parsed query whose weights add up to a passage's score
// (for --explain): the words as parsed, the headline evidence and the
// entity boost, each scaled as in the query; empty queries where absent.
struct QueryParts {
  Xapian::Query words;
  Xapian::Query headline;  // scaled by QueryOptions::title_weight
  Xapian::Query entities;  // scaled by QueryOptions::entity_boost
  std::vector<std::string> entity_terms;  // the entities the query names
  double entity_boost = 0;
};

// Bounds on a query (Parse() refuses more; wildcards expand to the most
// frequent words they match).
inline constexpr size_t kMaxQueryBytes = 8192;
inline constexpr size_t kMaxQueryWords = 256;
inline constexpr unsigned kMaxWildcardExpansion = 1000;

class QueryBuilder {
 public:
  // `db` is used for synonyms, date ranges and entity aliases; it must
  // outlive the builder.
  explicit QueryBuilder(const Xapian::Database& db, QueryOptions options = {});

  // Parses `text` with boolean operators (AND, OR, NOT), phrases ("..."),
  // +/-, title:, and the entity fields. Filters on one field are ORed
  // (person:A person:B is either), filters on different fields ANDed; write
  // person:A AND person:B for both. An empty query fails with
  // kInvalidArgument, as does a syntax error (with Xapian's message).
  [[nodiscard]] Status Parse(std::string_view text, Xapian::Query* out,
                             QueryParts* parts = nullptr);

  // The query for one filter value of `type`: a name (matched without
  // case or accents), or for dates (the article's publication date) an ISO
  // date, month or year, or a range "FROM..TO" of them (either end may be
  // left open).
  Xapian::Query EntityFilter(EntityType type, std::string_view value) const;

  // A date or range, as above, over the date terms under `date_prefix`
  // (schema::kDatePrefix: publication; kMentionedDatePrefix: mentioned).
  // A value that is not a date (or an empty range) matches nothing and
  // leaves its error for TakeFilterError().
  Xapian::Query DateFilter(std::string_view date_prefix,
                           std::string_view value) const;

  // Why the last filter built was bad ("" if none), and forgets it.
  std::string TakeFilterError() const { return std::exchange(filter_error_, {}); }

  // The entity terms a query names, found through the alias synonyms,
  // longest match first: "Stoltenberg missiles" -> {"XPERjens stoltenberg"}.
  std::vector<std::string> NamedEntities(std::string_view text) const;

  // The query MSet::snippet() should highlight for `text`: its words as
  // written and stemmed ("Z" + stem), phrases as exact words, wildcards as
  // word prefixes. Parse()'s stems-only query matches, but Xapian's snippet
  // highlights phrases and wildcards only by the words of the text.
  // Filters highlight nothing. MatchNothing if `text` does not parse.
  Xapian::Query HighlightQuery(std::string_view text) const;

  // A spelling of `text` with its misspelt words corrected from the
  // database's spelling data (words as indexed, most frequent within two
  // edits), or "" if it has no correction. Field values (person:...) are
  // left as they are.
  std::string Suggest(std::string_view text) const;

  // Databases served by xapian-tcpsrv among those searched: the remote
  // protocol serves no synonym table, so their aliases are looked up in
  // the metadata mirror (schema::AliasMetadataKey) instead.
  void set_remote_parts(std::vector<Xapian::Database> parts) {
    remote_parts_ = std::move(parts);
  }

  // The databases whose joined names (schema.h, kMergedKeysKey) apply:
  // a filter on a joined name matches all of its group ("org:NATO" also
  // finds the articles that say only "North Atlantic Treaty
  // Organization"), and a query naming one boosts passages naming any.
  // Without them, db's own (the first database's).
  void set_join_sources(std::vector<Xapian::Database> dbs) {
    join_sources_ = std::move(dbs);
  }
  // The joins of those databases, read when first needed: expansion key ->
  // acronym key, and acronym key -> the name the group is listed under.
  const std::unordered_map<std::string, std::string>& Joins() const;
  const std::unordered_map<std::string, std::string>& JoinNames() const;

  const Xapian::Stem& stemmer() const { return stemmer_; }

 private:
  const Xapian::Database& db_;
  QueryOptions options_;
  Xapian::SimpleStopper question_words_;  // before parser_, which uses it
  Xapian::QueryParser parser_;
  Xapian::QueryParser highlight_parser_;
  Xapian::Stem stemmer_;
  std::vector<Xapian::Database> remote_parts_;
  std::vector<Xapian::Database> join_sources_;
  // The terms of the group `term` belongs to (itself alone if none).
  std::vector<std::string> JoinedGroup(const std::string& term) const;
  void LoadJoins() const;
  mutable bool joins_loaded_ = false;
  mutable std::unordered_map<std::string, std::string> joins_, join_names_;
  // The terms joined to each acronym's (joins_ the other way round).
  mutable std::unordered_map<std::string, std::vector<std::string>>
      joined_from_;
  mutable std::string filter_error_;  // see DateFilter()
};

}  // namespace byline

#endif  // BYLINE_SEARCH_QUERY_BUILDER_H_
