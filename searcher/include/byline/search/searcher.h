// Searcher: ranks the passages of one or more Byline databases for a query
// and fills SearchResults. Owns its Xapian::Database. Not thread-safe: use
// one Searcher per thread. Xapian errors become statuses; nothing throws.
#ifndef BYLINE_SEARCH_SEARCHER_H_
#define BYLINE_SEARCH_SEARCHER_H_

#include <xapian.h>

#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "byline/search/query_builder.h"
#include "byline/doc_data.h"
#include "byline/search/results.h"
#include "byline/status.h"

namespace byline {

struct SearchOptions {
  std::string query;         // QueryParser syntax, see QueryBuilder
  size_t limit = 10;         // hits to return
  size_t offset = 0;         // hits to skip (for paging)
  size_t per_article = 0;    // at most this many passages per article; 0 = any
  // Near-duplicate articles (copies of one story) are collapsed: one hit
  // per paragraph they share, or with per_article, per story. True shows
  // every copy.
  bool all_copies = false;
  size_t snippet_bytes = 300;  // snippet length Xapian aims for
  size_t check_at_least = 1000;  // match counts are exact when fewer than
                                 // this many passages match (then lower
                                 // bound == upper bound); larger is slower
  std::vector<EntityType> facets;  // entity types to count; none: no facets
  // Count facets on a second thread, with databases of its own, while the
  // first ranks (when the machine has more than one core and every
  // database is a directory); false: one thread, counting first.
  bool count_facets_apart = true;
  // With count_facets_apart, a query that is a union of terms is counted
  // in ranges of document ids that both threads take from (the ranking
  // thread once its hits are ready): ranges of this many documents or
  // more (0: a sixteenth of the database, at least 16384).
  size_t facet_range_docs = 0;
  size_t facet_limit = 10;         // names per facet type
  // Each filter "TYPE:VALUE" must hold (all of them); VALUE may list
  // alternatives "A|B" of which one must hold. Values as in query fields.
  std::vector<std::string> filters;
  QueryOptions ranking;            // entity boost
  // "Did you mean": when fewer passages than this match, a spelling of
  // the query corrected from the index's words is offered if it matches
  // more (SearchResults::suggestion). 0: never.
  size_t suggest_below = 5;
  // Each hit says how its score was made (Hit::explanation).
  bool explain = false;
  // Fill Hit::highlights: a second highlighting pass over each hit's
  // whole text. Off where nothing shows them (text and CSV output).
  bool highlight_offsets = true;
  // A replay URL template for hits from web archives, e.g.
  // "http://localhost:8080/coll/{timestamp}/{url}": {timestamp} becomes the
  // capture time as 14 digits (YYYYMMDDhhmmss), {url} the captured URL.
  std::string replay_template;
};

// The entity types of a comma-separated list ("person,org"; "none" or ""
// for none) into `*out` (replaced); kInvalidArgument naming an unknown one.
[[nodiscard]] Status ParseFacetTypes(std::string_view list,
                                     std::vector<EntityType>* out);

// Fills a replay URL template (see SearchOptions::replay_template) for a
// capture made at `captured` (WARC-Date, ISO 8601) of `url`.
std::string ReplayUrl(std::string_view tmpl, std::string_view captured,
                      std::string_view url);

class Searcher {
 public:
  // Opens the databases (several are searched as one). Fails with kIoError
  // naming the path that could not be opened.
  [[nodiscard]] static Status Open(const std::vector<std::string>& db_paths,
                                   std::unique_ptr<Searcher>* out);

  [[nodiscard]] Status Search(const SearchOptions& options,
                              SearchResults* results);

  // Moves every database to its latest commit, so that a searcher kept
  // open (a server) sees what an indexer has committed since.
  [[nodiscard]] Status Reopen();

  // The article `article_id` with all its passages; kNotFound if the
  // index holds none of it.
  [[nodiscard]] Status GetArticle(const std::string& article_id,
                                  ArticleResult* out);

  // The databases searched, one entry per shard.
  [[nodiscard]] Status Describe(std::vector<DatabaseInfo>* out);

 private:
  Searcher(std::string label, Xapian::Database db,
           std::vector<Xapian::Database> shards,
           std::vector<std::string> shard_dirs, std::vector<bool> remote)
      : label_(std::move(label)),
        db_(std::move(db)),
        shards_(std::move(shards)),
        shard_dirs_(std::move(shard_dirs)),
        remote_(std::move(remote)) {}
  // Runs `read` (returning a Status; throwing
  // Xapian::DatabaseModifiedError when a writer discards the revision it
  // reads) up to five times, bringing the databases to their latest
  // commit between; errors start with `what`.
  template <typename Read>
  Status OnLatestRevision(const char* what, const Read& read);
  // One attempt; throws Xapian::DatabaseModifiedError when the revision
  // it reads is discarded by a writer.
  Status SearchOnce(const SearchOptions& options, SearchResults* results);
  // What the index stores of the passage `doc` and its article; false if
  // `doc` is not a Byline passage. `records` holds the article records
  // read so far in this search, by article id, and gains this one.
  bool ReadStoredPassage(const Xapian::Document& doc,
                         std::unordered_map<std::string, std::string>* records,
                         StoredPassage* out);
  // A failed status for Xapian error `e` while doing `what`, naming the
  // databases, with advice when the error says a database is damaged.
  Status ReadError(std::string_view what, const Xapian::Error& e) const;
  // Opens count_shards_ (one per shard_dirs_), or brings them to their
  // latest revision. Called on the counting thread only.
  void OpenCountingShards();
  std::string label_;  // the database paths as given, for messages
  Xapian::Database db_;                  // all of shards_, searched as one
  std::vector<Xapian::Database> shards_;  // in the order of the paths
  std::vector<std::string> shard_dirs_;   // their directories ("": none)
  std::vector<bool> remote_;  // which are served by xapian-tcpsrv
  // The same databases, opened again for the thread that counts facets
  // (Xapian's objects are not to be shared between threads).
  std::vector<Xapian::Database> count_shards_;
};

}  // namespace byline

#endif  // BYLINE_SEARCH_SEARCHER_H_
