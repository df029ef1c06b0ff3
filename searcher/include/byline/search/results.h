// SearchResults: what a search found, as plain data. Formatters and library
// callers read this; none of them needs Xapian.
#ifndef BYLINE_SEARCH_RESULTS_H_
#define BYLINE_SEARCH_RESULTS_H_

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "byline/entity.h"

namespace byline {

// A half-open byte range [start, end) of a passage's text.
struct Span {
  size_t start = 0;
  size_t end = 0;
  bool operator==(const Span&) const = default;
};

struct EntityRef {
  EntityType type;
  std::string name;
  // Where the passage's text names it, in text order; empty for passages
  // indexed before Byline stored mention offsets.
  std::vector<Span> spans;
  bool operator==(const EntityRef&) const = default;
};

struct FacetCount {
  std::string name;
  size_t count = 0;  // matching passages (articles, with per-article)
  bool operator==(const FacetCount&) const = default;
};

// How a hit's score was made (--explain): the weights of the query's
// parts for this passage, which add up to the score.
struct Explanation {
  struct Part {
    std::string term;  // a term as indexed ("Zmissil", "XPERjens stoltenberg")
    double weight = 0;
  };
  double words = 0;             // BM25 of the query's words (and phrases)
  std::vector<Part> word_terms;  // each word's own BM25 in this passage
  double headline = 0;          // the query's words in the headline, scaled
  double entities = 0;          // the entity boost
  std::vector<Part> entity_terms;  // each named entity's share
  double article = 0;    // article evidence, scaled (second stage)
  double proximity = 0;  // proximity of the words, scaled (questions)
};

struct Hit {
  size_t rank = 0;      // 1-based, counting from the first result overall
  double score = 0;     // BM25 weight
  std::string article_id;
  std::string source;   // absolute path of the source file
  std::string record;   // where in the file ("line 12"); "" if the file
                        // is one article
  std::string title;
  std::string url;        // "" if unknown
  std::string published;  // publication date (ISO 8601 where known)
  std::string author;
  struct Provenance {
    std::string warc;       // the WARC file (== source)
    size_t offset = 0;      // byte offset of the record (or its gzip member)
    std::string record_id;  // WARC-Record-ID
    std::string captured;   // WARC-Date, when it was crawled
  };
  std::optional<Provenance> provenance;  // for passages of WARC records
  std::string replay_url;  // filled from SearchOptions::replay_template
  size_t passage = 0;   // 0-based passage number within the article
  size_t start = 0;     // byte range of the passage in the article text
  size_t end = 0;
  std::string text;     // the whole passage
  std::string snippet;  // HTML: escaped text, matches in <b>...</b>
  std::vector<Span> highlights;  // the words the query matched, in `text`
  size_t collapsed = 0;  // with per-article collapsing: further passages of
                         // this article (or its copies) that matched but
                         // are not shown
  std::string copy_group;  // id of the first article of its copies (its
                           // own id if it has none)
  size_t copies = 0;       // other articles in the copy group
  std::vector<EntityRef> entities;  // the passage's distinct entities
  std::optional<Explanation> explanation;  // with SearchOptions::explain
};

struct SearchResults {
  std::string query;
  size_t matches_estimated = 0;  // passages (or articles, when collapsing)
  size_t matches_lower_bound = 0;
  size_t matches_upper_bound = 0;
  size_t offset = 0;
  std::vector<Hit> hits;
  // Facets asked for, by type, most frequent first. Counts are of matching
  // passages, or of articles when `facets_count_articles`.
  std::map<EntityType, std::vector<FacetCount>> facets;
  bool facets_count_articles = false;
  bool facets_exact = true;  // false: counted over a sample of the matches
  // "Did you mean": the query with misspelt words corrected, when few
  // passages match and it matches more; "" otherwise.
  std::string suggestion;
};

// One article as the index holds it (GET /article/{id}): its record and
// every passage, in order.
struct ArticlePassage {
  size_t passage = 0;  // 0-based passage number
  size_t start = 0;    // byte range in the article text
  size_t end = 0;
  std::string text;
  std::vector<EntityRef> entities;  // the passage's distinct entities
};

struct ArticleResult {
  std::string article_id;
  std::string source;  // absolute path of the source file
  std::string record;  // where in the file; "" if the file is one article
  std::string title;
  std::string url;
  std::string published;
  std::string author;
  std::optional<Hit::Provenance> provenance;  // for WARC records
  std::string copy_group;  // as in Hit
  size_t copies = 0;
  std::vector<ArticlePassage> passages;
};

// What a searcher has open: one entry per database (shard).
struct DatabaseInfo {
  std::string path;  // its directory, "" if not a local directory
  size_t passages = 0;
  unsigned long long revision = 0;
};

}  // namespace byline

#endif  // BYLINE_SEARCH_RESULTS_H_
