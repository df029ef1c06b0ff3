// Writes articles' passages into one Xapian database, replacing whatever an
// earlier run stored for the same article. Owns the WritableDatabase (and so
// its lock) until Close() or destruction. Not thread-safe. Xapian errors
// become statuses; nothing throws.
#ifndef BYLINE_INDEX_INDEX_WRITER_H_
#define BYLINE_INDEX_INDEX_WRITER_H_

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "byline/article.h"
#include "byline/index/document_builder.h"
#include "byline/passage.h"
#include "byline/status.h"

namespace byline {

class IndexWriter {
 public:
  // Creates the database at `db_path` if it does not exist. Fails with
  // kIoError when it cannot be opened, e.g. "database is locked by another
  // indexer".
  [[nodiscard]] static Status Open(const std::string& db_path,
                                   std::unique_ptr<IndexWriter>* out);

  // Stores the passages of `article` as documents Q<id>#0..n-1 and removes
  // any Q<id>#k, k >= n, left from an earlier, longer version.
  [[nodiscard]] Status Write(const Article& article,
                             const std::vector<Passage>& passages);

  // Makes everything written so far durable and visible to searchers.
  [[nodiscard]] Status Commit();

  // Commits and releases the database lock.
  [[nodiscard]] Status Close();

 private:
  explicit IndexWriter(Xapian::WritableDatabase db) : db_(std::move(db)) {}

  Xapian::WritableDatabase db_;
  DocumentBuilder builder_;
};

}  // namespace byline

#endif  // BYLINE_INDEX_INDEX_WRITER_H_
