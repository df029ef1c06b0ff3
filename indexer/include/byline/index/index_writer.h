// Writes articles' passages into one Xapian database, replacing whatever an
// earlier run stored for the same article. Owns the WritableDatabase (and so
// its lock) until Close() or destruction. Not thread-safe. Xapian errors
// become statuses; nothing throws.
#ifndef BYLINE_INDEX_INDEX_WRITER_H_
#define BYLINE_INDEX_INDEX_WRITER_H_

#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <string>
#include <string_view>
#include <vector>

#include "byline/article.h"
#include "byline/entity.h"
#include "byline/facet_column.h"
#include "byline/index/byte_stream.h"
#include "byline/index/database_check.h"
#include "byline/index/document_builder.h"
#include "byline/index/near_dup.h"
#include "byline/passage.h"
#include "byline/schema.h"
#include "byline/status.h"

namespace byline {

class IndexWriter {
 public:
  // Creates the database at `db_path` if it does not exist; checks an
  // existing one first as `check` says (database_check.h). Fails with
  // kIoError when it is damaged or cannot be opened, e.g. "database is
  // locked by another indexer".
  [[nodiscard]] static Status Open(
      const std::string& db_path, std::unique_ptr<IndexWriter>* out,
      DatabaseCheck check = DatabaseCheck::kTables);

  // Stores an article's passages (DocumentBuilder::BuildArticle()) as
  // documents Q<id>#0..n-1 with consecutive document ids, replacing or
  // removing every passage of an earlier version, and adds its synonyms.
  // Gives the passages' facets ids (schema.h). With a signature, the
  // article joins the copy group of the most similar article already in
  // the database (estimated similarity at least kCopySimilarity), if any;
  // `*copy` (if not null) says whether it did. Fails with kBadInput when
  // Xapian refuses this article (InvalidArgumentError), having removed
  // whatever of it was written, so the run can go on; with kIoError when
  // the database cannot be written at all.
  [[nodiscard]] Status Write(ArticleDocuments& docs, bool* copy = nullptr);

  // True if `article` is a web-archive capture whose payload the database
  // already holds under another article (another record or WARC file).
  bool HasPayloadOfAnotherArticle(const Article& article);

  // What the database remembers of an indexed file, for incremental runs.
  struct FileState {
    std::string source;     // canonical path
    uint64_t size = 0;      // as stat() said when the run began the file
    int64_t mtime_ns = 0;
    // 1: written before files were streams (hash of the file's bytes, no
    // resume point): such a file is read whole when it changes. 2: below.
    int version = 2;
    // False while a run is inside the file: it stopped (was killed) after
    // committing the records before `resume`, and the next run goes on
    // from there if the file's size and time are the same.
    bool complete = true;
    ResumePoint resume;     // just past the last record read (and written)
    std::string hash;       // hex FNV-1a 64 of the decoded content read,
                            // [0, content_bytes), when complete
    uint64_t content_bytes = 0;  // decoded bytes read: where records
                                 // appended later start
    std::vector<std::string> article_ids;  // the articles it gave
    // While incomplete: articles of an earlier version of the file, removed
    // at its end unless the new version gives them again.
    std::vector<std::string> stale_ids;
  };
  // False if the database has no state for `source` (never indexed, or
  // indexed by a version without file states).
  bool GetFileState(const std::string& source, FileState* out);
  [[nodiscard]] Status PutFileState(const FileState& state);
  // Every file state, for --prune.
  std::vector<FileState> AllFileStates();
  // Removes every passage of the article.
  [[nodiscard]] Status DeleteArticle(const std::string& article_id);
  // Removes a file's state and the passages of all its articles.
  [[nodiscard]] Status DeleteFile(const FileState& state);

  // Makes everything written so far durable and visible to searchers.
  [[nodiscard]] Status Commit();

  // Passages in the database, written but uncommitted ones included.
  size_t PassageCount() const;

  // True if Open() found the facet column (facet_column.h) damaged and
  // rebuilt it from the database.
  bool column_repaired() const { return column_repaired_; }

  // Commits and releases the database lock.
  [[nodiscard]] Status Close();

 private:
  IndexWriter(std::string path, Xapian::WritableDatabase db);
  // `what` went wrong with Xapian error `e`: a status naming the database.
  Status DatabaseError(std::string_view what, const Xapian::Error& e) const;
  // The copy group for an article with `signature`: that of its most
  // similar earlier copy, or "" if it has none.
  std::string CopyGroup(const std::string& article_id,
                        const MinHashSignature& signature);

  // The facet id of `facet`, a new one (recorded in the metadata) if the
  // database has none for its key.
  schema::FacetId FacetIdOf(const FacetName& facet);
  // Writes the next facet serial, for the next commit.
  void SaveCounters();

  std::string path_;  // as given to Open(), for messages
  Xapian::WritableDatabase db_;
  // The facet values again, by document id (facet_column.h).
  std::unique_ptr<FacetColumnWriter> column_;
  bool column_repaired_ = false;
  // Facet ids by key, as read or given (forgotten now and then to bound
  // memory). While `facet_ids_complete_`, every facet the database knows is
  // here and a key not found is new without a metadata lookup.
  std::unordered_map<std::string, schema::FacetId> facet_ids_;
  bool facet_ids_complete_ = false;
  uint32_t next_facet_ = 0;  // the next facet serial (schema.h)
  bool counters_dirty_ = false;
  // Synonyms this run has added ("key\0term"; forgotten now and then to
  // bound memory), so most are written once, not once per article.
  std::unordered_set<std::string> added_;
  // Word counts of the articles written, added to the spelling data at
  // Close() or at the first commit after kSpellingFlushWords distinct
  // words: adding a new word rewrites Xapian's lists of the words sharing
  // each of its letter trigrams, which grow with the vocabulary, so
  // adding at every commit made indexing a third slower. A crash loses
  // the counts not yet added ("did you mean" knows fewer words; no
  // passage is lost).
  void FlushSpellings();
  // New alias pairs since the last commit (synonym key -> entity terms),
  // mirrored into metadata (schema::AliasMetadataKey) before it.
  void SaveAliasMetadata();
  std::unordered_map<std::string, std::vector<std::string>> aliases_;
  // Acronyms joined to their expansions across articles (schema.h,
  // kMergesKey): every acronym facet key the database has seen paired, with
  // its expansions' keys (read at Open()), and the keys of all those
  // expansions. When a pairing is new, or a facet that can be joined gets
  // its id, the joins are made again and written before the next commit.
  void LoadAcronyms();
  void SaveMerges();
  // The facet id of `key` if the database has one; never makes one.
  std::optional<schema::FacetId> FindFacetId(const std::string& key);
  // acronym key -> expansion key -> the expansion as first written
  std::map<std::string, std::map<std::string, std::string>> expansions_;
  std::unordered_set<std::string> expansion_keys_;
  std::set<std::string> acronyms_changed_;
  std::set<std::string> acronyms_with_new_ids_;  // since SaveMerges()
  bool merges_dirty_ = false;
  static constexpr size_t kSpellingFlushWords = 1 << 19;
  std::unordered_map<std::string, uint32_t> spellings_;
};

}  // namespace byline

#endif  // BYLINE_INDEX_INDEX_WRITER_H_
