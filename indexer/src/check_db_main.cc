// byline-check-db LEVEL DB TABLE...: the checker program CheckDatabase
// starts (database_check.cc), so that a table that crashes Xapian's check
// takes down this process only. LEVEL is "tables" or "full"; the report
// goes to standard output; exit status 0 if all is well, 1 if not, 2 on
// wrong arguments. Not meant to be run by hand: `xapian-check` is.
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "database_checker.h"

int main(int argc, char** argv) {
  byline::DatabaseCheck level;
  if (argc < 3 || !byline::ParseDatabaseCheck(argv[1], &level) ||
      level == byline::DatabaseCheck::kNone) {
    std::cerr << "usage: byline-check-db tables|full DATABASE TABLE...\n"
                 "(started by byline-index; to check a database by hand, "
                 "use xapian-check)\n";
    return 2;
  }
  const std::vector<std::string> tables(argv + 3, argv + argc);
  return byline::RunDatabaseChecks(argv[2], level, tables, STDOUT_FILENO);
}
