// The facet column: each passage's kSlotFacets value (schema.h) again, in
// files of the database directory read by document id, so the facet
// counter reads a passage's ids in a few nanoseconds instead of asking
// Xapian for a value (microseconds for a scattered document); beside it,
// a hash of each passage's copy key (kSlotPassageCopyKey), which the
// searcher collapses copies by without a Xapian value read per candidate.
// Xapian's value slots stay the truth; the column is a copy kept in step:
//
//   byline-facets.idx  a 32-byte header ("BYLFCOL2", then 1 + the Xapian
//                      revision the column matches, 0 while it is being
//                      changed), then for document id d at byte 32 + 8(d-1)
//                      one little-endian uint64: offset << 24 | length of
//                      the value in the .dat file (0: no value)
//   byline-facets.dat  the values, appended
//   byline-copies.col  for document id d at byte 8(d-1), the little-endian
//                      schema::CopyKeyHash() of its copy key (0: none);
//                      in step whenever the .idx header says so
//
// A column of version 1 ("BYLFCOL1", no copy keys) is read for facets and
// rebuilt by the next writer.
// The writer marks the header 0, writes a batch's values, syncs, lets
// Xapian commit, then writes the new revision. A reader uses the column
// only while its header names the revision the reader searches, checked
// before and after counting; otherwise it counts from the value slot. A
// column that is missing or out of step (a crash between the two writes,
// a database copied without it) is rebuilt from the value slot when the
// writer opens the database. Values of replaced documents stay in the
// .dat file unreferenced (about 10 bytes a passage).
#ifndef BYLINE_FACET_COLUMN_H_
#define BYLINE_FACET_COLUMN_H_

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "byline/status.h"

namespace byline {

inline constexpr const char* kFacetColumnIndexFile = "byline-facets.idx";
inline constexpr const char* kFacetColumnDataFile = "byline-facets.dat";
inline constexpr const char* kFacetColumnCopyFile = "byline-copies.col";

class FacetColumnWriter {
 public:
  // Opens (creating if needed) the column of the database in `db_dir`,
  // which `db` has open for writing; rebuilds it from the value slot if it
  // is not in step with `db`'s revision, or, with `verify`, if its
  // contents differ from the slots' (one pass over both: about a second a
  // million passages). `*rebuilt` (if not null) says whether a column
  // that claimed to be in step was rebuilt, i.e. was damaged.
  [[nodiscard]] static Status Open(const std::string& db_dir,
                                   const Xapian::Database& db,
                                   std::unique_ptr<FacetColumnWriter>* out,
                                   bool verify = false,
                                   bool* rebuilt = nullptr);
  ~FacetColumnWriter();

  // Document `did` has facet value `value` (empty: none) and copy key hash
  // `copy_key` (0: none) from the next commit on.
  void Put(Xapian::docid did, std::string_view value, uint64_t copy_key);
  // Before Xapian commits: marks the column as changing and writes and
  // syncs what was Put since the last commit.
  [[nodiscard]] Status BeforeCommit();
  // After Xapian committed `revision`: marks the column in step with it.
  [[nodiscard]] Status AfterCommit(Xapian::rev revision);

 private:
  FacetColumnWriter() = default;
  Status Rebuild(const Xapian::Database& db);
  Status WriteHeader(uint64_t stamp);

  std::string dir_;
  int idx_ = -1;
  int dat_ = -1;
  uint64_t dat_end_ = 0;
  int copies_ = -1;
  std::vector<std::pair<Xapian::docid, std::string>> pending_;
  std::vector<std::pair<Xapian::docid, uint64_t>> pending_copies_;
};

class FacetColumnReader {
 public:
  // The column of the database in `db_dir`, mapped; null if it has none.
  static std::unique_ptr<FacetColumnReader> Open(const std::string& db_dir);
  ~FacetColumnReader();

  // True if the column matches revision `revision` of the database.
  bool InStep(Xapian::rev revision) const;
  // The value of document `did` (empty if none).
  std::string_view Get(Xapian::docid did) const {
    if (did == 0 || did > entries_) return {};
    const uint64_t e = index_[did - 1];
    const uint64_t offset = e >> 24, length = e & 0xFFFFFF;
    if (length == 0 || offset + length > data_size_) return {};
    return std::string_view(data_ + offset, length);
  }
  // True if the column has copy keys (version 2).
  bool HasCopyKeys() const { return copies_ != nullptr; }
  // The copy key hash of document `did` (0 if none or unknown).
  uint64_t CopyKey(Xapian::docid did) const {
    if (did == 0 || did > copy_entries_) return 0;
    return copies_[did - 1];
  }
  // Asks the CPU to fetch where Get(did) looks first; counting a batch of
  // documents prefetches each stage for the whole batch before reading it,
  // so that the cache misses of a batch overlap instead of queueing.
  void Prefetch(Xapian::docid did) const {
    if (did != 0 && did <= entries_) __builtin_prefetch(&index_[did - 1]);
  }

 private:
  FacetColumnReader() = default;
  const char* idx_map_ = nullptr;
  size_t idx_size_ = 0;
  const uint64_t* index_ = nullptr;
  uint64_t entries_ = 0;
  const char* data_ = nullptr;
  size_t data_size_ = 0;
  const char* copies_map_ = nullptr;
  size_t copies_size_ = 0;
  const uint64_t* copies_ = nullptr;
  uint64_t copy_entries_ = 0;
};

}  // namespace byline

#endif  // BYLINE_FACET_COLUMN_H_
