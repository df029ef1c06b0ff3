#include "byline/search/searcher.h"

#include "byline/doc_data.h"
#include "byline/schema.h"
#include "byline/search/query_builder.h"

namespace byline {

Status Searcher::Open(const std::vector<std::string>& db_paths,
                      std::unique_ptr<Searcher>* out) {
  if (db_paths.empty()) return InvalidArgument("no database given");
  Xapian::Database db;
  for (const std::string& path : db_paths) {
    try {
      db.add_database(Xapian::Database(path));
    } catch (const Xapian::DatabaseNotFoundError&) {
      return IoError(path + ": no Byline database here (run byline-index)");
    } catch (const Xapian::Error& e) {
      return IoError(path + ": cannot open database: " + e.get_description());
    }
  }
  out->reset(new Searcher(std::move(db)));
  return Status::Ok();
}

Status Searcher::Search(const SearchOptions& options,
                        SearchResults* results) {
  *results = SearchResults();
  results->query = options.query;
  results->offset = options.offset;
  try {
    QueryBuilder builder(db_);
    Xapian::Query query;
    if (Status s = builder.Parse(options.query, &query); !s.ok()) return s;

    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    if (options.per_article > 0) {
      enquire.set_collapse_key(schema::kSlotArticleId, options.per_article);
    }
    const Xapian::MSet mset = enquire.get_mset(
        static_cast<Xapian::doccount>(options.offset),
        static_cast<Xapian::doccount>(options.limit),
        static_cast<Xapian::doccount>(options.offset + options.check_at_least));
    results->matches_estimated = mset.get_matches_estimated();
    results->matches_lower_bound = mset.get_matches_lower_bound();
    results->matches_upper_bound = mset.get_matches_upper_bound();

    size_t rank = options.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      StoredPassage stored;
      if (!DecodeDocData(it.get_document().get_data(), &stored)) {
        return IoError("document " + std::to_string(*it) +
                       " is not a Byline passage (was this database "
                       "written by byline-index?)");
      }
      Hit hit;
      hit.rank = ++rank;
      hit.score = it.get_weight();
      hit.article_id = std::move(stored.article_id);
      hit.source = std::move(stored.source);
      hit.title = std::move(stored.title);
      hit.passage = stored.passage;
      hit.start = stored.start;
      hit.end = stored.end;
      hit.snippet = mset.snippet(stored.text, options.snippet_bytes,
                                 builder.stemmer(),
                                 Xapian::MSet::SNIPPET_BACKGROUND_MODEL |
                                     Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                 "<b>", "</b>", "...");
      hit.text = std::move(stored.text);
      hit.collapsed = options.per_article > 0 ? it.get_collapse_count() : 0;
      results->hits.push_back(std::move(hit));
    }
  } catch (const Xapian::Error& e) {
    return IoError("search failed: " + e.get_description());
  }
  return Status::Ok();
}

}  // namespace byline
