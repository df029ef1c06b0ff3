// Input plumbing: format detection and gzip.
#include <gtest/gtest.h>
#include <zlib.h>

#include "byline/index/gzip.h"
#include "byline/index/input_format.h"
#include "support/test_support.h"

namespace byline {
namespace {

TEST(InputFormatTest, ByName) {
  EXPECT_EQ(FormatFromName("a/b.TXT"), InputFormat::kTxt);
  EXPECT_EQ(FormatFromName("page.htm.gz"), InputFormat::kHtml);
  EXPECT_EQ(FormatFromName("export.ndjson"), InputFormat::kJsonl);
  EXPECT_EQ(FormatFromName("crawl.warc.gz"), InputFormat::kWarc);
  EXPECT_EQ(FormatFromName("dir.d/README"), InputFormat::kAuto);
  EXPECT_TRUE(IsGzipName("x.JSONL.GZ"));
  EXPECT_EQ(ParseInputFormat("jsonl"), InputFormat::kJsonl);
  EXPECT_EQ(ParseInputFormat("xml"), std::nullopt);
}

TEST(InputFormatTest, ByContent) {
  EXPECT_EQ(FormatFromContent("WARC/1.1\r\nWARC-Type: response"),
            InputFormat::kWarc);
  EXPECT_EQ(FormatFromContent("\n  <!DOCTYPE html><html>"), InputFormat::kHtml);
  EXPECT_EQ(FormatFromContent("<html lang=en>"), InputFormat::kHtml);
  EXPECT_EQ(FormatFromContent("{\"title\": \"x\"}\n{\"title\""),
            InputFormat::kJsonl);
  EXPECT_EQ(FormatFromContent("{not json at all\n"), InputFormat::kTxt);
  EXPECT_EQ(FormatFromContent("Headline\n\nBody."), InputFormat::kTxt);
}

TEST(GzipTest, DecompressesOneOrManyMembers) {
  std::string out;
  ASSERT_TRUE(Gunzip(testing::Compress("hello "), 100, &out).ok());
  EXPECT_EQ(out, "hello ");
  ASSERT_TRUE(
      Gunzip(testing::Compress("one ") + testing::Compress("two"), 100, &out)
          .ok());
  EXPECT_EQ(out, "one two");
  EXPECT_TRUE(IsGzip(testing::Compress("x")));
  EXPECT_FALSE(IsGzip("plain"));
}

TEST(GzipTest, NamesTheOffsetOfABadMemberAndKeepsWhatCameBefore) {
  const std::string first = testing::Compress("kept ");
  std::string second = testing::Compress("lost");
  second.resize(second.size() - 6);  // truncated
  std::string out;
  Status s = Gunzip(first + second, 100, &out);
  EXPECT_EQ(s.message(),
            "byte " + std::to_string(first.size()) + ": truncated gzip member");
  EXPECT_EQ(out, "kept ");
  std::string corrupt =
      testing::Compress("some longer text to corrupt in the middle");
  corrupt[12] ^= 0x55;
  s = Gunzip(corrupt, 100, &out);
  EXPECT_EQ(s.code(), StatusCode::kBadInput);
  EXPECT_EQ(Gunzip(first + "junk", 100, &out).message(),
            "byte " + std::to_string(first.size()) + ": not a gzip member");
  EXPECT_EQ(
      Gunzip(testing::Compress(std::string(1000, 'a')), 10, &out).message(),
      "decompresses to more than 10 bytes");
}

}  // namespace
}  // namespace byline
