#include "byline/index/index_writer.h"

#include "byline/schema.h"

namespace byline {

Status IndexWriter::Open(const std::string& db_path,
                         std::unique_ptr<IndexWriter>* out) {
  try {
    Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OPEN);
    out->reset(new IndexWriter(std::move(db)));
    return Status::Ok();
  } catch (const Xapian::DatabaseLockError&) {
    return IoError("database is locked by another indexer");
  } catch (const Xapian::Error& e) {
    return IoError("cannot open database: " + e.get_description());
  }
}

Status IndexWriter::Write(const Article& article,
                          const std::vector<Passage>& passages) {
  try {
    for (const Passage& p : passages) {
      db_.replace_document(schema::UniqueTerm(article.article_id, p.index),
                           builder_.Build(article, p));
    }
    // Passages are numbered without gaps, so the stale ones of a longer
    // earlier version are exactly #n, #n+1, ... up to the first missing id.
    for (size_t n = passages.size();; ++n) {
      const std::string term = schema::UniqueTerm(article.article_id, n);
      if (!db_.term_exists(term)) break;
      db_.delete_document(term);
    }
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return IoError("cannot write to database: " + e.get_description());
  }
}

Status IndexWriter::Commit() {
  try {
    db_.commit();
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return IoError("cannot commit: " + e.get_description());
  }
}

Status IndexWriter::Close() {
  try {
    db_.close();  // commits pending changes first
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return IoError("cannot close database: " + e.get_description());
  }
}

}  // namespace byline
