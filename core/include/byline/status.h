// Status: the outcome of an operation that can fail on bad input or I/O.
// A failed status names the file and, where known, the place in it (line,
// byte offset) so the reporter can print one precise message per problem.
#ifndef BYLINE_STATUS_H_
#define BYLINE_STATUS_H_

#include <string>
#include <utility>

namespace byline {

enum class StatusCode {
  kOk = 0,
  kIoError,      // the file or database could not be opened, read or written
  kBadInput,     // the content is not something Byline can index
  kInvalidArgument,  // a caller (or user) asked for something malformed
  kNotFound,     // what was asked for (an article id) is not there
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  // Human-readable, without the program name or the file name: callers
  // prefix those (e.g. "byline-index: a.txt: empty file").
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status IoError(std::string message) {
  return Status(StatusCode::kIoError, std::move(message));
}
inline Status BadInput(std::string message) {
  return Status(StatusCode::kBadInput, std::move(message));
}
inline Status InvalidArgument(std::string message) {
  return Status(StatusCode::kInvalidArgument, std::move(message));
}

inline Status NotFound(std::string message) {
  return Status(StatusCode::kNotFound, std::move(message));
}

}  // namespace byline

#endif  // BYLINE_STATUS_H_
