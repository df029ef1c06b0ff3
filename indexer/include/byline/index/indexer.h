// The runs behind byline-index: find the input files, read each into an
// Article, split it into passages, extract its entities, and either write
// them to the database (RunIndex) or print them as JSON Lines (RunExtract).
// A bad file is reported through the Reporter and skipped; it never stops
// the run or loses what was already written.
#ifndef BYLINE_INDEX_INDEXER_H_
#define BYLINE_INDEX_INDEXER_H_

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "byline/index/database_check.h"
#include "byline/index/input_format.h"
#include "byline/index/jsonl_reader.h"
#include "byline/index/passage_splitter.h"
#include "byline/index/txt_reader.h"
#include "byline/ner/tagger.h"
#include "byline/status.h"

namespace byline {

struct IndexOptions {
  std::string db_path;              // created if missing (RunIndex only)
  std::vector<std::string> inputs;  // files, or directories to recurse
  InputFormat format = InputFormat::kAuto;  // kAuto: by name, then content
  SplitOptions split;
  TextReadOptions text;
  JsonlFields jsonl;                // field names of JSON Lines input
  bool entities = true;             // extract people, orgs, places, dates
  std::string ner_model;            // "" = DefaultNerModelPath()
  const NerTagger* tagger = nullptr;  // if set, used instead of loading
                                      // ner_model (must outlive the run)
  size_t commit_every = 0;          // passages per commit: a commit
                                    // follows the article that reaches
                                    // it; 0 = CommitBatch(): grows with
                                    // the database
  bool incremental = true;          // skip files unchanged since the last
                                    // run (size and mtime, else content)
  bool prune = false;               // remove what came from files that are
                                    // gone from under the given paths
  size_t jobs = 2;                  // threads reading, splitting and
                                    // extracting while one writes
  // A record (a whole .txt or .html file, a JSON line, a WARC record, a
  // decoded HTTP body) larger than this is skipped with a message naming
  // its file and place; the rest of the file is read. Files of any size
  // are read as streams.
  uint64_t max_record_bytes = uint64_t{64} << 20;
  // HTML pages nested deeper, or with a tag of more attributes, are
  // skipped the same way (ReadOptions).
  size_t max_html_depth = 5000;
  size_t max_html_attributes = 1000;
  // An article of more passages has its first max_passages indexed and
  // the rest left out, with a warning naming it (0: no limit).
  size_t max_passages = 10000;
  // A JSON line nested deeper (objects and arrays) is skipped the same way.
  size_t max_json_depth = kDefaultMaxJsonDepth;
  // What may wait between the reading thread, the preparing threads and
  // the writer: at most this many records and bytes of records (one
  // record always fits). Bounds memory whatever the size of the files.
  size_t window_records = 1024;
  size_t window_bytes = size_t{128} << 20;
  // RunIndex: 0 = the database as it is (one database, or every shard of
  // a sharded one); N > 1 = db_path is (or becomes) a directory of N
  // shard databases written in parallel, with a stub file (XAPIANDB)
  // that opens them as one. Each file goes to shard ShardOf(its path).
  size_t shards = 0;
  // RunIndex: how an existing database (each shard) is checked before the
  // run writes to it (database_check.h).
  DatabaseCheck check_database = DatabaseCheck::kTables;
};

struct IndexSummary {
  size_t indexed = 0;   // articles whose passages were written
  size_t files = 0;     // files read (wholly or in part)
  size_t skipped = 0;   // files, or parts of files (lines, records),
                        // reported and not indexed
  size_t repaired = 0;  // indexed files whose invalid UTF-8 was replaced
  size_t duplicates = 0;  // WARC revisits and payloads already indexed
  size_t near_duplicates = 0;  // indexed articles found to be copies of
                               // earlier ones (collapsed in search)
  size_t unchanged = 0;   // files skipped: as they were at the last run
  size_t pruned = 0;      // files gone, whose articles were removed
  size_t passages = 0;  // passages written
  size_t entities = 0;  // entity mentions found
  size_t bytes = 0;     // bytes of the files read
  size_t records = 0;   // records read (files, lines, WARC records)
  size_t resumed = 0;   // files read on from where an interrupted run
                        // last committed inside them
  double seconds = 0;
};

// Receives the run's problems and progress. Called from the indexing
// thread only.
class Reporter {
 public:
  virtual ~Reporter() = default;
  // A file that was skipped (`status` says why) or, for warnings, indexed
  // after a repair. `path` is as the user gave it or as found in a
  // directory.
  virtual void Skipped(std::string_view path, const Status& status) = 0;
  virtual void Warning(std::string_view path, std::string_view message) = 0;
  virtual void Indexed(std::string_view /*path*/, size_t /*passages*/) {}
  // After each record and each file: how many of the `total` files to
  // read are done, and the bytes read so far of the `total_bytes` (file
  // sizes, compressed where the files are).
  virtual void Progress(size_t /*done*/, size_t /*total*/, uint64_t /*bytes*/,
                        uint64_t /*total_bytes*/) {}
};

// Runs the whole job. Returns a failed status only when the run could not
// go on at all (database or NER model cannot be opened, database cannot be
// written); file problems go to `reporter` and into `summary->skipped`.
[[nodiscard]] Status RunIndex(const IndexOptions& options, Reporter& reporter,
                              IndexSummary* summary);

// Passages per commit when IndexOptions::commit_every is 0, for a database
// that holds `passages`: a sixteenth of them, at least 1000 and at most
// 20000. Each commit rewrites the index blocks that its new terms fall
// in, which grow with the database, so fixed small batches cost more and
// more per passage; 20000 bounds the uncommitted changes (about 17 KB a
// passage in Xapian's buffers) to some 350 MB.
size_t CommitBatch(size_t passages);

// The shard of `shards` that the file with canonical path `source` is
// indexed into.
size_t ShardOf(std::string_view source, size_t shards);

// Like RunIndex, but touches no database: writes one JSON object per
// article to `out` (format in docs/cli/byline-index.md).
[[nodiscard]] Status RunExtract(const IndexOptions& options,
                                Reporter& reporter, std::ostream& out,
                                IndexSummary* summary);

// The files an input list names: regular files as given, and for each
// directory the files beneath it whose names say a format Byline reads
// (.txt, .jsonl, ..., also .gz; recursively, hidden entries left out), in
// sorted order. Paths that cannot be listed are reported.
std::vector<std::string> CollectInputFiles(
    const std::vector<std::string>& inputs, Reporter& reporter,
    size_t* unusable);

}  // namespace byline

#endif  // BYLINE_INDEX_INDEXER_H_
