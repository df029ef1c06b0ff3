#include "byline/index/txt_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>

#include "byline/text.h"

namespace byline {
namespace {

// The next line of `text` from `*pos`, without its '\n'; advances *pos.
TextRange NextLine(std::string_view text, size_t* pos) {
  const size_t start = *pos;
  size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  *pos = end < text.size() ? end + 1 : end;
  return {start, end};
}

// `r` shrunk to exclude leading and trailing ASCII whitespace.
TextRange TrimRange(std::string_view text, TextRange r) {
  while (r.start < r.end && IsAsciiSpace(text[r.start])) ++r.start;
  while (r.end > r.start && IsAsciiSpace(text[r.end - 1])) --r.end;
  return r;
}

}  // namespace

Status ParsePlainText(std::string content, const TextReadOptions& options,
                      Article* article) {
  if (content.empty()) return BadInput("empty file");
  const Utf8Check check = CheckUtf8(content);
  if (check.first_nul != std::string_view::npos) {
    return BadInput("binary file (NUL byte at byte " +
                    std::to_string(check.first_nul) + ")");
  }
  article->repaired_utf8 = 0;
  if (!check.valid()) {
    if (check.invalid_sequences >
        options.max_invalid_fraction * static_cast<double>(content.size())) {
      return BadInput("not UTF-8 text (" +
                      std::to_string(check.invalid_sequences) +
                      " invalid sequences, the first at byte " +
                      std::to_string(check.first_invalid) + ")");
    }
    content = RepairUtf8(content);
    article->repaired_utf8 = check.invalid_sequences;
    article->first_repaired = check.first_invalid;
  }
  article->text = std::move(content);
  const std::string_view text = article->text;

  size_t pos = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;  // UTF-8 byte order mark
  TextRange title;
  while (pos < text.size()) {
    title = TrimRange(text, NextLine(text, &pos));
    if (title.size() > 0) break;
  }
  if (title.size() == 0) return BadInput("no text (only whitespace)");
  article->title_range = title;
  article->title = CollapseWhitespace(article->Slice(title));

  article->paragraphs.clear();
  TextRange para{pos, pos};
  bool in_para = false;
  while (pos < text.size()) {
    const TextRange line = NextLine(text, &pos);
    const bool blank = TrimRange(text, line).size() == 0;
    if (!blank && !in_para) para.start = line.start;
    if (!blank) para.end = line.end;
    if (blank && in_para) article->paragraphs.push_back(TrimRange(text, para));
    in_para = !blank;
  }
  if (in_para) article->paragraphs.push_back(TrimRange(text, para));
  // A title-only article is still searchable: its title is its one passage.
  if (article->paragraphs.empty()) article->paragraphs.push_back(title);
  return Status::Ok();
}

Status ReadFileBytes(const std::string& path, size_t max_bytes,
                     std::string* out) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return IoError(std::strerror(errno));
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    return IoError(std::strerror(err));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return IoError(S_ISDIR(st.st_mode) ? "is a directory"
                                       : "not a regular file");
  }
  if (static_cast<size_t>(st.st_size) > max_bytes) {
    ::close(fd);
    return BadInput("file too large (" + std::to_string(st.st_size) +
                    " bytes; the limit is " + std::to_string(max_bytes) + ")");
  }
  out->resize(static_cast<size_t>(st.st_size));
  size_t done = 0;
  while (done < out->size()) {
    const ssize_t n = ::read(fd, out->data() + done, out->size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      return IoError(std::string("read failed at byte ") +
                     std::to_string(done) + ": " + std::strerror(err));
    }
    if (n == 0) break;  // the file shrank while we read it
    done += static_cast<size_t>(n);
  }
  out->resize(done);
  ::close(fd);
  return Status::Ok();
}

}  // namespace byline
