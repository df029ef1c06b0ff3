// Checks a database's tables before a run writes to it, so that a damaged
// database is reported (with its path and the table) instead of crashing,
// hanging or being written over by the run.
#ifndef BYLINE_INDEX_DATABASE_CHECK_H_
#define BYLINE_INDEX_DATABASE_CHECK_H_

#include <string>
#include <string_view>

#include "byline/status.h"

namespace byline {

enum class DatabaseCheck {
  kNone,    // open without checking
  kTables,  // the B-tree structure of each table (Xapian's check of each
            // table file): finds truncated tables, zeroed or overwritten
            // blocks and most flipped bytes; about 3 s a GB, warm cache
  kFull,    // kTables plus Xapian's cross-checks between tables (document
            // lengths against term lists, ...): about twice as long
};

// "none", "tables", "full" -> *out; false for anything else.
bool ParseDatabaseCheck(std::string_view text, DatabaseCheck* out);

// Checks the database at `db_path` as `level` says, and at every level
// that its files and directory can be written (a read-only file system,
// missing permission). A path with no database yet (no glass revision
// file) passes. Xapian's checker runs in a program of its own,
// byline-check-db ($BYLINE_CHECK_DB, else beside the running program, else
// in its libexec/byline, else where this library was built or installed),
// so that a table damaged in a way that crashes it is reported as damaged
// rather than taking the run down; it is started with posix_spawn, safe in
// a process with other threads. Without the program the check runs in a
// forked child if this process has one thread, else in this process. Fails
// with kIoError naming the database and the table.
[[nodiscard]] Status CheckDatabase(const std::string& db_path,
                                   DatabaseCheck level);

}  // namespace byline

#endif  // BYLINE_INDEX_DATABASE_CHECK_H_
