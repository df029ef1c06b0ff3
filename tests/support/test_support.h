// Helpers shared by the test suites: temporary directories, file I/O and
// running the real programs.
#ifndef BYLINE_TESTS_SUPPORT_TEST_SUPPORT_H_
#define BYLINE_TESTS_SUPPORT_TEST_SUPPORT_H_

#include <sys/types.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace byline::testing {

// A fresh directory under $TMPDIR, removed with everything in it when the
// object goes out of scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(std::string_view name) const;

 private:
  std::string path_;
};

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, std::string_view content);

// Test inputs: tests/data/<name> and corpus/<name>.
std::string TestData(std::string_view name);
std::string CorpusPath(std::string_view name);
// A built program, e.g. BinPath("byline-index").
std::string BinPath(std::string_view name);

struct RunResult {
  int exit_code = -1;  // -1 if the program did not exit normally
  std::string out;
  std::string err;
};

// Runs `argv` (argv[0] a path) with stdin from /dev/null and waits for it.
RunResult Run(const std::vector<std::string>& argv);

// Starts `argv` (argv[0] a path) with stdin, stdout and stderr on
// /dev/null and returns its pid without waiting.
pid_t Spawn(const std::vector<std::string>& argv);
// The same with stdout and stderr written to the files `out` and `err`.
pid_t SpawnTo(const std::vector<std::string>& argv, const std::string& out,
              const std::string& err);

// Every document of a Xapian database, keyed by its unique (Q) term: terms
// with wdf and positions, values and data, and the docid when `docids`.
std::map<std::string, std::string> DumpDatabase(const std::string& path,
                                                bool docids = true);

// `bytes` compressed with zlib: a gzip member by default, raw deflate with
// window_bits -15, zlib-wrapped with 15.
std::string Compress(std::string_view bytes, int window_bits = 16 + 15);

// Every occurrence of `from` in `text` replaced by `to`.
std::string ReplaceAll(std::string text, std::string_view from,
                       std::string_view to);

}  // namespace byline::testing

#endif  // BYLINE_TESTS_SUPPORT_TEST_SUPPORT_H_
