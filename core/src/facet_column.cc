#include "byline/facet_column.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "byline/schema.h"

namespace byline {
namespace {

constexpr char kMagic[8] = {'B', 'Y', 'L', 'F', 'C', 'O', 'L', '2'};
// Version 1: no copy keys; read, never written.
constexpr char kMagicV1[8] = {'B', 'Y', 'L', 'F', 'C', 'O', 'L', '1'};
constexpr size_t kHeaderBytes = 32;

std::string Path(const std::string& dir, const char* name) {
  return dir + "/" + name;
}

Status Errno(const std::string& what) {
  return IoError(what + ": " + std::strerror(errno));
}

bool PwriteAll(int fd, const void* data, size_t n, uint64_t at) {
  const char* p = static_cast<const char*>(data);
  while (n > 0) {
    const ssize_t w = ::pwrite(fd, p, n, static_cast<off_t>(at));
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    p += w;
    n -= static_cast<size_t>(w);
    at += static_cast<uint64_t>(w);
  }
  return true;
}

uint64_t ReadStamp(int fd) {
  char header[kHeaderBytes];
  if (::pread(fd, header, kHeaderBytes, 0) != static_cast<ssize_t>(kHeaderBytes) ||
      std::memcmp(header, kMagic, 8) != 0) {
    return 0;
  }
  uint64_t stamp;
  std::memcpy(&stamp, header + 8, 8);
  return stamp;
}

// True if the column files in `db_dir` hold exactly the values of `db`'s
// facet and copy-key slots.
bool ColumnMatches(const std::string& db_dir, const Xapian::Database& db) {
  const std::unique_ptr<FacetColumnReader> column =
      FacetColumnReader::Open(db_dir);
  if (column == nullptr || !column->HasCopyKeys()) return false;
  uint64_t values = 0;
  for (auto v = db.valuestream_begin(schema::kSlotFacets);
       v != db.valuestream_end(schema::kSlotFacets); ++v, ++values) {
    if (column->Get(v.get_docid()) != *v) return false;
  }
  uint64_t keys = 0;
  for (auto v = db.valuestream_begin(schema::kSlotPassageCopyKey);
       v != db.valuestream_end(schema::kSlotPassageCopyKey); ++v, ++keys) {
    if (column->CopyKey(v.get_docid()) != schema::CopyKeyHash(*v)) {
      return false;
    }
  }
  // Nothing more in the column than in the slots.
  uint64_t column_values = 0, column_keys = 0;
  for (Xapian::docid did = 1; did <= db.get_lastdocid(); ++did) {
    column_values += !column->Get(did).empty();
    column_keys += column->CopyKey(did) != 0;
  }
  return column_values == values && column_keys == keys;
}

}  // namespace

Status FacetColumnWriter::Open(const std::string& db_dir,
                               const Xapian::Database& db,
                               std::unique_ptr<FacetColumnWriter>* out,
                               bool verify, bool* rebuilt) {
  if (rebuilt != nullptr) *rebuilt = false;
  std::unique_ptr<FacetColumnWriter> w(new FacetColumnWriter());
  w->dir_ = db_dir;
  const std::string idx = Path(db_dir, kFacetColumnIndexFile);
  const std::string dat = Path(db_dir, kFacetColumnDataFile);
  w->idx_ = ::open(idx.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (w->idx_ < 0) return Errno("cannot open " + idx);
  w->dat_ = ::open(dat.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (w->dat_ < 0) return Errno("cannot open " + dat);
  const std::string copies = Path(db_dir, kFacetColumnCopyFile);
  w->copies_ = ::open(copies.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (w->copies_ < 0) return Errno("cannot open " + copies);
  struct stat st;
  if (::fstat(w->dat_, &st) != 0) return Errno("cannot stat " + dat);
  w->dat_end_ = static_cast<uint64_t>(st.st_size);
  const bool in_step = ReadStamp(w->idx_) == db.get_revision() + 1;
  if (!in_step || (verify && !ColumnMatches(db_dir, db))) {
    if (Status s = w->Rebuild(db); !s.ok()) return s;
    // A column merely behind (a crash between commits, an older version)
    // is routine; one in step that does not match was damaged.
    if (rebuilt != nullptr) *rebuilt = in_step;
  }
  *out = std::move(w);
  return Status::Ok();
}

FacetColumnWriter::~FacetColumnWriter() {
  // The pages written stay cached as the writes made them, 4 KB each; let
  // go of them (those already on disk), so that the next search reads the
  // files again through its mapping, in 2 MB pages where the kernel can
  // (FacetColumnReader::Open()).
  for (const int fd : {idx_, dat_, copies_}) {
    if (fd < 0) continue;
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ::close(fd);
  }
}

Status FacetColumnWriter::WriteHeader(uint64_t stamp) {
  char header[kHeaderBytes] = {};
  std::memcpy(header, kMagic, 8);
  std::memcpy(header + 8, &stamp, 8);
  if (!PwriteAll(idx_, header, kHeaderBytes, 0)) {
    return Errno("cannot write " + Path(dir_, kFacetColumnIndexFile));
  }
  return Status::Ok();
}

Status FacetColumnWriter::Rebuild(const Xapian::Database& db) {
  // Readers may have the old files mapped: they are never truncated under
  // them. The old header is marked out of step first (a reader counting
  // from it sees that and counts again from the values), the new files
  // are written beside and renamed over the old, the data first, so a
  // reader that opens the new index finds its data.
  if (Status s = WriteHeader(0); !s.ok()) return s;
  const std::string idx = Path(dir_, kFacetColumnIndexFile);
  const std::string dat = Path(dir_, kFacetColumnDataFile);
  const std::string copies = Path(dir_, kFacetColumnCopyFile);
  const std::string idx_tmp = idx + ".tmp", dat_tmp = dat + ".tmp",
                    copies_tmp = copies + ".tmp";
  ::close(idx_);
  ::close(dat_);
  ::close(copies_);
  idx_ = ::open(idx_tmp.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (idx_ < 0) return Errno("cannot create " + idx_tmp);
  dat_ = ::open(dat_tmp.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (dat_ < 0) return Errno("cannot create " + dat_tmp);
  copies_ = ::open(copies_tmp.c_str(),
                   O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (copies_ < 0) return Errno("cannot create " + copies_tmp);
  dat_end_ = 0;
  pending_.clear();
  pending_copies_.clear();
  if (Status s = WriteHeader(0); !s.ok()) return s;
  try {
    for (auto v = db.valuestream_begin(schema::kSlotFacets);
         v != db.valuestream_end(schema::kSlotFacets); ++v) {
      pending_.emplace_back(v.get_docid(), *v);
      if (pending_.size() >= 65536) {
        if (Status s = BeforeCommit(); !s.ok()) return s;
      }
    }
    for (auto v = db.valuestream_begin(schema::kSlotPassageCopyKey);
         v != db.valuestream_end(schema::kSlotPassageCopyKey); ++v) {
      pending_copies_.emplace_back(v.get_docid(), schema::CopyKeyHash(*v));
      if (pending_copies_.size() >= 65536) {
        if (Status s = BeforeCommit(); !s.ok()) return s;
      }
    }
  } catch (const Xapian::Error& e) {
    return IoError("cannot read facet values to rebuild the facet column: " +
                   e.get_description());
  }
  if (Status s = BeforeCommit(); !s.ok()) return s;
  if (Status s = AfterCommit(db.get_revision()); !s.ok()) return s;
  if (::rename(copies_tmp.c_str(), copies.c_str()) != 0) {
    return Errno("cannot rename " + copies_tmp);
  }
  if (::rename(dat_tmp.c_str(), dat.c_str()) != 0) {
    return Errno("cannot rename " + dat_tmp);
  }
  if (::rename(idx_tmp.c_str(), idx.c_str()) != 0) {
    return Errno("cannot rename " + idx_tmp);
  }
  return Status::Ok();
}

void FacetColumnWriter::Put(Xapian::docid did, std::string_view value,
                            uint64_t copy_key) {
  pending_.emplace_back(did, std::string(value));
  pending_copies_.emplace_back(did, copy_key);
}

namespace {

// Writes `entries` (document id, uint64) to `fd` at `base` + 8(id - 1),
// runs of consecutive ids in one write each; a later entry of an id wins.
bool WriteEntries(int fd, uint64_t base,
                  std::vector<std::pair<Xapian::docid, uint64_t>>* entries) {
  std::stable_sort(entries->begin(), entries->end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  const auto& e = *entries;
  for (size_t i = 0; i < e.size();) {
    size_t j = i + 1;
    while (j < e.size() && e[j].first <= e[j - 1].first + 1) ++j;
    std::vector<uint64_t> run;
    run.reserve(j - i);
    const Xapian::docid first = e[i].first;
    for (size_t k = i; k < j; ++k) {
      if (!run.empty() && e[k].first == e[k - 1].first) {
        run.back() = e[k].second;
      } else {
        run.push_back(e[k].second);
      }
    }
    if (!PwriteAll(fd, run.data(), run.size() * 8,
                   base + uint64_t{first - 1} * 8)) {
      return false;
    }
    i = j;
  }
  return true;
}

}  // namespace

Status FacetColumnWriter::BeforeCommit() {
  if (pending_.empty() && pending_copies_.empty()) return Status::Ok();
  if (Status s = WriteHeader(0); !s.ok()) return s;
  // One append of the data, then the entries in document order.
  std::string data;
  std::vector<std::pair<Xapian::docid, uint64_t>> entries;
  entries.reserve(pending_.size());
  for (const auto& [did, value] : pending_) {
    uint64_t entry = 0;
    if (!value.empty() && value.size() < (1u << 24)) {
      entry = ((dat_end_ + data.size()) << 24) | value.size();
      data += value;
    }
    entries.emplace_back(did, entry);
  }
  pending_.clear();
  if (!PwriteAll(dat_, data.data(), data.size(), dat_end_)) {
    return Errno("cannot write " + Path(dir_, kFacetColumnDataFile));
  }
  dat_end_ += data.size();
  if (!WriteEntries(idx_, kHeaderBytes, &entries)) {
    return Errno("cannot write " + Path(dir_, kFacetColumnIndexFile));
  }
  if (!WriteEntries(copies_, 0, &pending_copies_)) {
    return Errno("cannot write " + Path(dir_, kFacetColumnCopyFile));
  }
  pending_copies_.clear();
  if (::fdatasync(dat_) != 0 || ::fdatasync(copies_) != 0 ||
      ::fdatasync(idx_) != 0) {
    return Errno("cannot sync the facet column in " + dir_);
  }
  return Status::Ok();
}

Status FacetColumnWriter::AfterCommit(Xapian::rev revision) {
  if (Status s = WriteHeader(uint64_t{revision} + 1); !s.ok()) return s;
  if (::fdatasync(idx_) != 0) {
    return Errno("cannot sync " + Path(dir_, kFacetColumnIndexFile));
  }
  return Status::Ok();
}

std::unique_ptr<FacetColumnReader> FacetColumnReader::Open(
    const std::string& db_dir) {
  const auto map = [](const std::string& path, size_t* size) -> const char* {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return nullptr;
    struct stat st;
    const char* p = nullptr;
    if (::fstat(fd, &st) == 0) {
      *size = static_cast<size_t>(st.st_size);
      if (*size == 0) {
        p = "";  // an empty file maps to nothing
      } else if (void* m = ::mmap(nullptr, *size, PROT_READ, MAP_SHARED, fd, 0);
                 m != MAP_FAILED) {
        p = static_cast<const char*>(m);
        // Pages this mapping reads from disk come in as 2 MB pages where
        // the kernel can (file large folios, as in Linux 6.16+ on ext4;
        // transparent huge pages "madvise" or "always"), which every
        // later search maps with a few page-table entries instead of one
        // a 4 KB page: at a million passages, a search that counts a
        // common word touches about 4,000 pages of the column, which
        // cost it about a millisecond to map and unmap (docs/
        // benchmarks.md, issue 14, session 17). Elsewhere it does nothing.
        ::madvise(m, *size, MADV_HUGEPAGE);
      }
    }
    ::close(fd);
    return p;
  };
  std::unique_ptr<FacetColumnReader> r(new FacetColumnReader());
  r->idx_map_ = map(Path(db_dir, kFacetColumnIndexFile), &r->idx_size_);
  if (r->idx_map_ == nullptr || r->idx_size_ < kHeaderBytes) return nullptr;
  const bool v2 = std::memcmp(r->idx_map_, kMagic, 8) == 0;
  if (!v2 && std::memcmp(r->idx_map_, kMagicV1, 8) != 0) return nullptr;
  r->data_ = map(Path(db_dir, kFacetColumnDataFile), &r->data_size_);
  if (r->data_ == nullptr) return nullptr;
  r->index_ = reinterpret_cast<const uint64_t*>(r->idx_map_ + kHeaderBytes);
  r->entries_ = (r->idx_size_ - kHeaderBytes) / 8;
  if (v2) {
    r->copies_map_ = map(Path(db_dir, kFacetColumnCopyFile), &r->copies_size_);
    if (r->copies_map_ == nullptr) return nullptr;
    r->copies_ = reinterpret_cast<const uint64_t*>(r->copies_map_);
    r->copy_entries_ = r->copies_size_ / 8;
  }
  return r;
}

FacetColumnReader::~FacetColumnReader() {
  if (idx_map_ != nullptr && idx_size_ > 0) {
    ::munmap(const_cast<char*>(idx_map_), idx_size_);
  }
  if (data_ != nullptr && data_size_ > 0) {
    ::munmap(const_cast<char*>(data_), data_size_);
  }
  if (copies_map_ != nullptr && copies_size_ > 0) {
    ::munmap(const_cast<char*>(copies_map_), copies_size_);
  }
}

bool FacetColumnReader::InStep(Xapian::rev revision) const {
  // The writer changes the header while readers have it mapped.
  const uint64_t stamp = __atomic_load_n(
      reinterpret_cast<const uint64_t*>(idx_map_ + 8), __ATOMIC_ACQUIRE);
  return stamp == uint64_t{revision} + 1;
}

}  // namespace byline
