#include "byline/index/database_check.h"

#include "database_checker.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <vector>

namespace byline {

namespace {

namespace fs = std::filesystem;

// A glass database's tables, in the order checked (the small ones first).
constexpr const char* kTables[] = {"docdata",  "synonym",  "spelling",
                                   "postlist", "termlist", "position"};

// Writes all of `text` to `fd`; best effort (the parent reads what comes).
void WriteAll(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    text.remove_prefix(static_cast<size_t>(n));
  }
}

// The checker program (byline-check-db): $BYLINE_CHECK_DB, beside the
// running program (the build tree, where tests run too), in an installed
// program's libexec/byline, then where this library was built or installed
// to put it. Empty if none is found.
std::string DatabaseCheckerPath() {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("BYLINE_CHECK_DB");
      env != nullptr && *env != '\0') {
    candidates.emplace_back(env);
  }
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    candidates.push_back(exe.parent_path() / "byline-check-db");
    candidates.push_back(exe.parent_path().parent_path() /
                         "libexec/byline/byline-check-db");
  }
  candidates.emplace_back(BYLINE_BUILD_BIN_DIR "/byline-check-db");
  candidates.emplace_back(BYLINE_INSTALL_LIBEXEC_DIR "/byline-check-db");
  for (const fs::path& p : candidates) {
    if (::access(p.c_str(), X_OK) == 0 && fs::is_regular_file(p, ec)) {
      return p.string();
    }
  }
  return "";
}

// True if this process runs one thread (Linux: one entry in /proc/self/task).
bool SingleThreaded() {
  std::error_code ec;
  fs::directory_iterator it("/proc/self/task", ec);
  if (ec) return false;
  int threads = 0;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec || ++threads > 1) return false;
  }
  return threads == 1;
}

// True if another process holds Xapian's write lock on the database: its
// commits can make a table read mid-way look damaged.
bool LockedByAnother(const std::string& db_path) {
  const int fd =
      ::open((fs::path(db_path) / "flintlock").c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct flock lock = {};
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  const bool locked = ::fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
  ::close(fd);
  return locked;
}

}  // namespace

int RunDatabaseChecks(const std::string& db_path, DatabaseCheck level,
                      const std::vector<std::string>& tables, int fd) {
  int status = 0;
  const auto fail = [&](const std::string& why) {
    // One line: Xapian's descriptions have none, but be sure.
    std::string line = "error " + why;
    for (char& c : line) {
      if (c == '\n') c = ' ';
    }
    WriteAll(fd, line + "\n");
    status = 1;
  };
  try {
    for (const std::string& table : tables) {
      WriteAll(fd, "table " + table + "\n");
      std::ostringstream details;  // Xapian's report of the table
      const size_t errors = Xapian::Database::check(
          (fs::path(db_path) / (table + ".glass")).string(), 0, &details);
      if (errors > 0) {
        fail(std::to_string(errors) + " error" + (errors == 1 ? "" : "s") +
             " in its B-tree");
        break;
      }
    }
    if (status == 0 && level == DatabaseCheck::kFull) {
      WriteAll(fd, "table (cross-checks between tables)\n");
      std::ostringstream details;
      const size_t errors = Xapian::Database::check(db_path, 0, &details);
      if (errors > 0) fail(std::to_string(errors) + " errors");
    }
  } catch (const Xapian::Error& e) {
    fail(e.get_description());
  } catch (const std::exception& e) {
    fail(e.what());
  }
  return status;
}

bool ParseDatabaseCheck(std::string_view text, DatabaseCheck* out) {
  if (text == "none") {
    *out = DatabaseCheck::kNone;
  } else if (text == "tables") {
    *out = DatabaseCheck::kTables;
  } else if (text == "full") {
    *out = DatabaseCheck::kFull;
  } else {
    return false;
  }
  return true;
}

Status CheckDatabase(const std::string& db_path, DatabaseCheck level) {
  std::error_code ec;
  if (!fs::exists(fs::path(db_path) / "iamglass", ec)) {
    return Status::Ok();  // nothing committed yet: nothing to check
  }
  // A table a database never had (spelling data, synonyms) has no file.
  std::vector<std::string> tables;
  for (const char* table : kTables) {
    if (fs::exists(fs::path(db_path) / (std::string(table) + ".glass"), ec)) {
      tables.emplace_back(table);
    }
  }
  // Whatever the level: a database that cannot be written is said to be
  // so before anything is read (Xapian's check, too, opens tables for
  // writing, and would call a read-only table unreadable).
  for (const std::string& name : tables) {
    const fs::path file = fs::path(db_path) / (name + ".glass");
    if (::access(file.c_str(), W_OK) != 0) {
      return IoError(db_path + ": cannot write to the database (" +
                     file.filename().string() + ": " + std::strerror(errno) +
                     ")");
    }
  }
  if (::access(db_path.c_str(), W_OK) != 0) {
    return IoError(db_path + ": cannot write to the database directory (" +
                   std::strerror(errno) + ")");
  }
  if (level == DatabaseCheck::kNone) return Status::Ok();
  int pipe_fds[2];
  // Close-on-exec: a program another thread starts meanwhile must not hold
  // the pipe open (the report is read until every writer has closed it).
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    return IoError(db_path + ": cannot check the database: " +
                   std::strerror(errno));
  }
  pid_t pid = -1;
  int in_process_status = -1;  // set when the check ran in this process
  const std::string checker = DatabaseCheckerPath();
  if (!checker.empty()) {
    // A separate program, started without a bare fork(): this process may
    // have other threads (a server, a program embedding the library), and
    // a forked copy of it can block for ever on a lock one of them held.
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
    std::vector<std::string> args = {
        checker, level == DatabaseCheck::kFull ? "full" : "tables", db_path};
    args.insert(args.end(), tables.begin(), tables.end());
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int err = ::posix_spawn(&pid, checker.c_str(), &actions, nullptr,
                                  argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (err != 0) {
      ::close(pipe_fds[0]);
      ::close(pipe_fds[1]);
      return IoError(db_path + ": cannot check the database (" + checker +
                     ": " + std::strerror(err) + ")");
    }
  } else if (SingleThreaded()) {
    // No checker program (a library user's own build): a forked child is
    // safe while this is the only thread.
    pid = ::fork();
    if (pid < 0) {
      const int err = errno;
      ::close(pipe_fds[0]);
      ::close(pipe_fds[1]);
      return IoError(db_path + ": cannot check the database: " +
                     std::strerror(err));
    }
    if (pid == 0) {
      ::close(pipe_fds[0]);
      ::_exit(RunDatabaseChecks(db_path, level, tables, pipe_fds[1]));
    }
  } else {
    // Neither: check here, without the child's protection from a table
    // that crashes Xapian's checker. The report is a few lines, well
    // within what a pipe holds.
    in_process_status = RunDatabaseChecks(db_path, level, tables, pipe_fds[1]);
  }
  ::close(pipe_fds[1]);
  std::string report;
  char buf[4096];
  for (;;) {
    const ssize_t n = ::read(pipe_fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    report.append(buf, static_cast<size_t>(n));
  }
  ::close(pipe_fds[0]);
  int wstatus = 0;
  if (pid > 0) {
    while (::waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
    }
  } else {
    wstatus = in_process_status << 8;  // as waitpid reports an exit status
  }
  if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0) return Status::Ok();

  if (LockedByAnother(db_path)) {
    return IoError(db_path + ": database is locked by another indexer");
  }
  // The last table begun, and Xapian's message if it gave one.
  std::string table, error;
  std::istringstream lines(report);
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("table ")) table = line.substr(6);
    if (line.starts_with("error ")) error = line.substr(6);
  }
  if (error.empty()) {
    error = WIFSIGNALED(wstatus)
                ? std::string("Xapian's check crashed on it (") +
                      ::strsignal(WTERMSIG(wstatus)) + ")"
                : "Xapian's check failed";
  }
  const std::string where =
      table.empty() ? "" : (table.starts_with("(") ? table : table + ".glass") +
                               ": ";
  return IoError(db_path + ": the database is damaged (" + where + error +
                 "); nothing was written to it. Index into a new database "
                 "(the input files hold everything it held), or restore a "
                 "copy; `xapian-check " +
                 db_path + "` gives the details");
}

}  // namespace byline
