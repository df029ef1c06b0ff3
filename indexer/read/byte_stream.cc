#include "byline/index/byte_stream.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace byline {
namespace {

constexpr size_t kRawChunk = 1 << 20;
constexpr size_t kDecodeChunk = 1 << 18;

z_stream* Z(void* p) { return static_cast<z_stream*>(p); }

}  // namespace

Status ByteStream::Open(const std::string& path,
                        std::unique_ptr<ByteStream>* out,
                        const ResumePoint& at) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return IoError(std::strerror(errno));
  unsigned char magic[2] = {0, 0};
  const ssize_t n = ::pread(fd, magic, 2, 0);
  if (n < 0) {
    const int e = errno;
    ::close(fd);
    return IoError(std::strerror(e));
  }
  if (::lseek(fd, static_cast<off_t>(at.raw), SEEK_SET) < 0) {
    const int e = errno;
    ::close(fd);
    return IoError(std::strerror(e));
  }
  std::unique_ptr<ByteStream> s(new ByteStream());
  s->fd_ = fd;
  struct stat st;
  if (::fstat(fd, &st) == 0 && st.st_size > 0) {
    s->size_hint_ = static_cast<uint64_t>(st.st_size);
  }
  s->Init(at, n == 2 && magic[0] == 0x1f && magic[1] == 0x8b);
  *out = std::move(s);
  return Status::Ok();
}

std::unique_ptr<ByteStream> ByteStream::OpenBytes(std::string_view bytes,
                                                  const ResumePoint& at) {
  std::unique_ptr<ByteStream> s(new ByteStream());
  s->memory_ = bytes;
  s->from_memory_ = true;
  s->Init(at, bytes.size() >= 2 &&
                  static_cast<unsigned char>(bytes[0]) == 0x1f &&
                  static_cast<unsigned char>(bytes[1]) == 0x8b);
  return s;
}

ByteStream::~ByteStream() {
  if (fd_ >= 0) ::close(fd_);
  if (z_ != nullptr) {
    inflateEnd(Z(z_));
    delete Z(z_);
  }
}

void ByteStream::Init(const ResumePoint& at, bool gzip) {
  gzip_ = gzip;
  raw_pos_ = at.raw;
  position_ = decoded_ = at.content;
  hash_ = at.hash;
  if (gzip_) {
    z_ = new z_stream{};
    if (inflateInit2(Z(z_), 16 + MAX_WBITS) != Z_OK) {
      error_ = IoError("cannot start zlib");
    }
    members_.push_back({at.content, at.raw, at.hash, true});
  }
  if (at.skip > 0) Skip(at.skip);
}

bool ByteStream::ReadRaw() {
  if (raw_eof_) return false;
  if (raw_begin_ > 0 && raw_begin_ >= raw_.size() / 2) {
    raw_.erase(0, raw_begin_);
    raw_begin_ = 0;
  }
  if (from_memory_) {
    if (raw_pos_ >= memory_.size()) {
      raw_eof_ = true;
      return false;
    }
    const size_t n = std::min<uint64_t>(kRawChunk, memory_.size() - raw_pos_);
    raw_.append(memory_.substr(raw_pos_, n));
    raw_pos_ += n;
    return true;
  }
  // Up to the size the file had when opened, and a byte more to see its
  // end: the string is zeroed as it grows, and a megabyte zeroed for each
  // small file was a sixth of extracting a folder of articles (callgrind,
  // session 20). Past that size (a file that grew), whole chunks.
  const size_t want =
      raw_pos_ <= size_hint_
          ? static_cast<size_t>(std::min<uint64_t>(kRawChunk,
                                                   size_hint_ - raw_pos_ + 1))
          : kRawChunk;
  const size_t old = raw_.size();
  raw_.resize(old + want);
  ssize_t n;
  do {
    n = ::read(fd_, raw_.data() + old, want);
  } while (n < 0 && errno == EINTR);
  if (n < 0) {
    error_ = IoError("read error at byte " + std::to_string(raw_pos_) + ": " +
                     std::strerror(errno));
    raw_.resize(old);
    raw_eof_ = true;
    return false;
  }
  raw_.resize(old + static_cast<size_t>(n));
  raw_pos_ += static_cast<uint64_t>(n);
  if (n == 0) raw_eof_ = true;
  return n > 0;
}

void ByteStream::BreakMember(const std::string& why) {
  gap_ = BadInput(why);
  gap_offset_ = member_raw_;
  in_member_ = false;
  resync_ = true;
}

bool ByteStream::DecodeStep() {
  if (!error_.ok() || !gap_.ok() || ended_) return false;
  if (buffer_.size() - begin_ == 0 && begin_ > 0) {
    buffer_.clear();
    begin_ = 0;
  } else if (begin_ > kDecodeChunk && begin_ >= buffer_.size() / 2) {
    buffer_.erase(0, begin_);
    begin_ = 0;
  }
  if (!gzip_) {
    if (raw_begin_ >= raw_.size() && !ReadRaw()) {
      ended_ = true;
      return false;
    }
    const size_t n = raw_.size() - raw_begin_;
    buffer_.append(raw_, raw_begin_, n);
    raw_begin_ = raw_.size();
    decoded_ += n;
    return true;
  }
  const auto raw_at = [&] { return raw_pos_ - (raw_.size() - raw_begin_); };
  if (!in_member_) {
    // Between members: zero padding is skipped; anything else that is not
    // a gzip header is a defect, and reading resynchronises on the next
    // header ("1f 8b 08").
    for (;;) {
      if (raw_.size() - raw_begin_ < 3 && !raw_eof_) {
        ReadRaw();
        if (!error_.ok()) return false;
        continue;
      }
      if (raw_begin_ >= raw_.size()) {
        ended_ = true;
        return false;
      }
      if (raw_[raw_begin_] == '\0') {
        ++raw_begin_;
        continue;
      }
      if (raw_.compare(raw_begin_, 3, "\x1f\x8b\x08") == 0) break;
      if (!resync_) {
        member_raw_ = raw_at();
        BreakMember("not a gzip member");
        return false;
      }
      const size_t found = raw_.find("\x1f\x8b\x08", raw_begin_ + 1);
      if (found != std::string::npos) {
        raw_begin_ = found;
        continue;
      }
      // Keep the last two bytes: a header may straddle the chunks.
      raw_begin_ =
          std::max(raw_begin_, raw_.size() - std::min<size_t>(2, raw_.size()));
      if (!ReadRaw()) {
        if (!error_.ok()) return false;
        ended_ = true;
        return false;
      }
    }
    resync_ = false;
    member_raw_ = raw_at();
    if (members_.empty() || members_.back().content != decoded_) {
      members_.push_back(
          {decoded_, member_raw_, position_ == decoded_ ? hash_ : 0});
      members_.back().hashed = position_ == decoded_;
    } else {
      members_.back().raw = member_raw_;  // past padding
    }
    inflateReset2(Z(z_), 16 + MAX_WBITS);
    in_member_ = true;
  }
  if (raw_begin_ >= raw_.size() && !ReadRaw()) {
    if (!error_.ok()) return false;
    BreakMember("truncated gzip member");
    ended_ = true;
    return false;
  }
  z_stream* z = Z(z_);
  const size_t avail = std::min<size_t>(raw_.size() - raw_begin_, 1u << 30);
  z->next_in = reinterpret_cast<Bytef*>(raw_.data() + raw_begin_);
  z->avail_in = static_cast<uInt>(avail);
  const size_t old = buffer_.size();
  buffer_.resize(old + kDecodeChunk);
  z->next_out = reinterpret_cast<Bytef*>(buffer_.data() + old);
  z->avail_out = static_cast<uInt>(kDecodeChunk);
  const int rc = inflate(z, Z_NO_FLUSH);
  const size_t produced = kDecodeChunk - z->avail_out;
  buffer_.resize(old + produced);
  raw_begin_ += avail - z->avail_in;
  decoded_ += produced;
  if (rc == Z_STREAM_END) {
    in_member_ = false;
    members_.push_back({decoded_, raw_at(), position_ == decoded_ ? hash_ : 0});
    members_.back().hashed = position_ == decoded_;
    return true;
  }
  if (rc == Z_OK || (rc == Z_BUF_ERROR && produced > 0)) return true;
  if (rc == Z_BUF_ERROR) {
    // More input wanted.
    if (raw_begin_ < raw_.size() || ReadRaw()) return true;
    if (!error_.ok()) return false;
    BreakMember("truncated gzip member");
    ended_ = true;
    return false;
  }
  BreakMember("corrupt gzip member");
  return false;
}

ByteStream::Fill ByteStream::FillTo(size_t want) {
  while (buffer_.size() - begin_ < want) {
    if (!gap_.ok()) return Fill::kGap;
    if (!error_.ok()) return Fill::kError;
    if (!DecodeStep()) {
      if (!gap_.ok()) return Fill::kGap;
      if (!error_.ok()) return Fill::kError;
      return Fill::kEnd;
    }
  }
  return Fill::kOk;
}

ByteStream::Fill ByteStream::FillUntil(std::string_view needle, size_t limit,
                                       size_t* at) {
  size_t from = 0;  // what was searched need not be searched again
  for (;;) {
    const std::string_view b = Buffered();
    *at = b.find(needle, from);
    if (*at != std::string_view::npos || b.size() >= limit) return Fill::kOk;
    from = b.size() >= needle.size() ? b.size() - needle.size() + 1 : 0;
    const Fill f = FillTo(b.size() + 1);
    if (f != Fill::kOk) {
      *at = Buffered().find(needle, from);
      return f;
    }
  }
}

void ByteStream::Consume(size_t n) {
  n = std::min(n, buffer_.size() - begin_);
  const char* data = buffer_.data() + begin_;
  const uint64_t end = position_ + n;
  // Members that start inside the consumed bytes learn the hash there.
  size_t first = members_.size();
  while (first > 0 && members_[first - 1].content > position_) --first;
  for (size_t k = first; k < members_.size() && members_[k].content <= end;
       ++k) {
    const size_t upto = static_cast<size_t>(members_[k].content - position_);
    hash_ = Fnv1a64(std::string_view(data, upto), hash_);
    data += upto;
    n -= upto;
    begin_ += upto;
    position_ += upto;
    members_[k].hash = hash_;
    members_[k].hashed = true;
  }
  hash_ = Fnv1a64(std::string_view(data, n), hash_);
  begin_ += n;
  position_ += n;
  // Only the member holding position() can still be asked for.
  while (members_.size() >= 2 && members_[1].content <= position_ &&
         members_[1].hashed) {
    members_.pop_front();
  }
}

bool ByteStream::Skip(uint64_t n) {
  while (n > 0) {
    if (Buffered().empty() && FillTo(1) != Fill::kOk) return false;
    const size_t take =
        static_cast<size_t>(std::min<uint64_t>(n, Buffered().size()));
    Consume(take);
    n -= take;
  }
  return true;
}

void ByteStream::PassGap() {
  if (gap_.ok()) return;
  Consume(Buffered().size());
  gap_ = Status::Ok();
}

uint64_t ByteStream::RawOffsetOf(uint64_t content) const {
  if (!gzip_) return content;
  for (size_t k = members_.size(); k > 0; --k) {
    if (members_[k - 1].content <= content) return members_[k - 1].raw;
  }
  return members_.empty() ? 0 : members_.front().raw;
}

ResumePoint ByteStream::Here() const {
  ResumePoint p;
  if (!gzip_) {
    p.raw = p.content = position_;
    p.hash = hash_;
    return p;
  }
  for (size_t k = members_.size(); k > 0; --k) {
    const Member& m = members_[k - 1];
    if (m.content <= position_ && m.hashed) {
      p.raw = m.raw;
      p.content = m.content;
      p.hash = m.hash;
      p.skip = position_ - m.content;
      return p;
    }
  }
  // Not reached: the first member is hashed from the start.
  p.content = 0;
  p.skip = position_;
  return p;
}

}  // namespace byline
