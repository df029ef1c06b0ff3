// ByteStream's resume points: a stream opened again at Here() yields
// exactly the bytes not yet consumed, and its hash goes on as if it had
// read the file from the start; for plain files, per-record gzip members
// and one gzip member alike. And a broken member is a gap, not an end.
#include "byline/index/byte_stream.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "byline/article.h"
#include "support/test_support.h"

namespace byline {
namespace {

// Everything left in `s`, consumed.
std::string ReadRest(ByteStream& s) {
  std::string out;
  while (s.FillTo(1) == ByteStream::Fill::kOk) {
    out.append(s.Buffered());
    s.Consume(s.Buffered().size());
  }
  return out;
}

std::vector<std::string> Parts() {
  std::vector<std::string> parts;
  for (int k = 0; k < 5; ++k) {
    std::string p = "WARC/1.1\r\nrecord " + std::to_string(k) + "\r\n";
    for (int i = 0; i < 200 * (k + 1); ++i) p += "word" + std::to_string(i) + " ";
    parts.push_back(p + "\r\n\r\n");
  }
  return parts;
}

TEST(ByteStreamResumeTest, PlainBytesResumeAtAnyByte) {
  std::string all;
  for (const std::string& p : Parts()) all += p;
  for (const size_t at : {size_t{0}, size_t{1}, all.size() / 3, all.size()}) {
    auto s = ByteStream::OpenBytes(all);
    ASSERT_TRUE(s->Skip(at));
    const ResumePoint here = s->Here();
    EXPECT_EQ(here.raw, at);
    EXPECT_EQ(here.skip, 0u);
    EXPECT_EQ(here.hash, Fnv1a64(all.substr(0, at)));
    auto again = ByteStream::OpenBytes(all, here);
    EXPECT_EQ(ReadRest(*again), all.substr(at));
    EXPECT_EQ(again->hash(), Fnv1a64(all));
    EXPECT_FALSE(again->gzip());
  }
}

TEST(ByteStreamResumeTest, GzipMembersResumeAtTheirOwnOffset) {
  const std::vector<std::string> parts = Parts();
  std::string gz, all;
  std::vector<size_t> offsets;
  for (const std::string& p : parts) {
    offsets.push_back(gz.size());
    gz += testing::Compress(p);
    all += p;
  }
  size_t decoded = 0;
  for (size_t k = 0; k < parts.size(); ++k) {
    auto s = ByteStream::OpenBytes(gz);
    ASSERT_TRUE(s->Skip(decoded));
    // Make the next member start, as a reader looking for the next record
    // does.
    s->FillTo(1);
    EXPECT_EQ(s->RawOffsetOf(s->position()), offsets[k]);
    const ResumePoint here = s->Here();
    EXPECT_EQ(here.raw, offsets[k]) << k;
    EXPECT_EQ(here.skip, 0u) << k;
    EXPECT_EQ(here.Content(), decoded);
    auto again = ByteStream::OpenBytes(gz, here);
    EXPECT_TRUE(again->gzip());
    EXPECT_EQ(ReadRest(*again), all.substr(decoded)) << k;
    EXPECT_EQ(again->hash(), Fnv1a64(all)) << k;
    decoded += parts[k].size();
  }
}

TEST(ByteStreamResumeTest, OneGzipMemberResumesBySkippingWhatWasRead) {
  std::string all;
  for (const std::string& p : Parts()) all += p;
  const std::string gz = testing::Compress(all);
  auto s = ByteStream::OpenBytes(gz);
  ASSERT_TRUE(s->Skip(1234));
  const ResumePoint here = s->Here();
  EXPECT_EQ(here.raw, 0u);
  EXPECT_EQ(here.skip, 1234u);
  auto again = ByteStream::OpenBytes(gz, here);
  EXPECT_EQ(again->position(), 1234u);
  EXPECT_EQ(ReadRest(*again), all.substr(1234));
  EXPECT_EQ(again->hash(), Fnv1a64(all));
}

TEST(ByteStreamResumeTest, ABrokenMemberIsAGapAndTheNextIsRead) {
  const std::string a = testing::Compress("first member\n");
  std::string b = testing::Compress(std::string(3000, 'b'));
  b[b.size() / 2] ^= 0x55;
  const std::string c = testing::Compress("third member\n");
  const std::string file = a + b + c + std::string(7, '\0');
  auto s = ByteStream::OpenBytes(file);
  std::string got;
  int gaps = 0;
  for (;;) {
    const ByteStream::Fill f = s->FillTo(1);
    if (f == ByteStream::Fill::kEnd) break;
    if (f == ByteStream::Fill::kGap) {
      ++gaps;
      EXPECT_EQ(s->gap_offset(), a.size());
      EXPECT_NE(s->gap().message().find("gzip member"), std::string::npos)
          << s->gap().message();
      s->PassGap();
      continue;
    }
    ASSERT_EQ(f, ByteStream::Fill::kOk);
    got.append(s->Buffered());
    s->Consume(s->Buffered().size());
  }
  EXPECT_EQ(gaps, 1);
  EXPECT_EQ(got.substr(0, 13), "first member\n");
  EXPECT_EQ(got.substr(got.size() - 13), "third member\n");
  EXPECT_EQ(s->RawOffsetOf(s->position()), a.size() + b.size() + c.size());
}

// A file is read up to the size it had when opened and a byte more; one
// that grew after opening (a log still being written) is read to its new
// end, and an empty one is empty.
TEST(ByteStreamFileTest, FileThatGrewAfterOpeningIsReadWhole) {
  testing::TempDir dir;
  const std::string path = dir / "growing.txt";
  const std::string first = "Title\n\nFirst paragraph.\n";
  testing::WriteFile(path, first);
  std::unique_ptr<ByteStream> s;
  ASSERT_TRUE(ByteStream::Open(path, &s).ok());
  std::string more;
  for (int i = 0; i < 300000; ++i) more += "word" + std::to_string(i) + " ";
  testing::WriteFile(path, first + more);  // over a megabyte more, after Open()
  EXPECT_EQ(ReadRest(*s), first + more);
  testing::WriteFile(path, "");
  ASSERT_TRUE(ByteStream::Open(path, &s).ok());
  EXPECT_EQ(ReadRest(*s), "");
}

}  // namespace
}  // namespace byline
