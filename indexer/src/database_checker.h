// The check itself, as the checker program (byline-check-db) runs it in a
// process of its own for CheckDatabase (database_check.h).
#ifndef BYLINE_INDEX_DATABASE_CHECKER_H_
#define BYLINE_INDEX_DATABASE_CHECKER_H_

#include <string>
#include <vector>

#include "byline/index/database_check.h"

namespace byline {

// Runs Xapian's check of each of `tables` ("postlist", ...) of the database
// at `db_path`, then, for kFull, its cross-checks. Writes to `fd` a line
// "table <name>" before each table and "error <text>" if something is
// wrong; returns 0 if all is well, 1 if not.
int RunDatabaseChecks(const std::string& db_path, DatabaseCheck level,
                      const std::vector<std::string>& tables, int fd);

}  // namespace byline

#endif  // BYLINE_INDEX_DATABASE_CHECKER_H_
