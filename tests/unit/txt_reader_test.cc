#include "byline/index/txt_reader.h"

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace byline {
namespace {

std::vector<std::string> ParagraphTexts(const Article& a) {
  std::vector<std::string> out;
  for (const TextRange& r : a.paragraphs) out.emplace_back(a.Slice(r));
  return out;
}

TEST(ParsePlainTextTest, TitleThenBlankLineSeparatedParagraphs) {
  const std::string content =
      "\n  Harbour bridge reopens  \n\nFirst line\nsecond line.\n\n\n"
      "  Second paragraph.  \n";
  Article a;
  ASSERT_TRUE(ParsePlainText(content, {}, &a).ok());
  EXPECT_EQ(a.text, content);  // valid UTF-8 is kept byte for byte
  EXPECT_EQ(a.title, "Harbour bridge reopens");
  EXPECT_EQ(a.title_range, (TextRange{3, 25}));
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_EQ(a.paragraphs[0], (TextRange{29, 52}));
  EXPECT_EQ(a.paragraphs[1], (TextRange{57, 74}));
  EXPECT_EQ(ParagraphTexts(a),
            (std::vector<std::string>{"First line\nsecond line.",
                                      "Second paragraph."}));
}

TEST(ParsePlainTextTest, HandlesCrlfAndByteOrderMark) {
  Article a;
  ASSERT_TRUE(
      ParsePlainText("\xEF\xBB\xBFTitle\r\n\r\nBody one\r\n \r\nBody two\r\n",
                     {}, &a)
          .ok());
  EXPECT_EQ(a.title, "Title");
  EXPECT_EQ(a.title_range.start, 3u);
  EXPECT_EQ(ParagraphTexts(a),
            (std::vector<std::string>{"Body one", "Body two"}));
}

TEST(ParsePlainTextTest, KeepsUnicodeAndCountsBytes) {
  Article a;
  ASSERT_TRUE(
      ParsePlainText("Łódź café\n\nRadosław Sikorski spoke.\n", {}, &a).ok());
  EXPECT_EQ(a.title, "Łódź café");
  ASSERT_EQ(a.paragraphs.size(), 1u);
  // "Łódź café\n\n" is 15 bytes (Ł, ó, ź, é take two each).
  EXPECT_EQ(a.paragraphs[0], (TextRange{15, 40}));
  EXPECT_EQ(a.Slice(a.paragraphs[0]), "Radosław Sikorski spoke.");
}

TEST(ParsePlainTextTest, TitleOnlyArticleBecomesOnePassage) {
  Article a;
  ASSERT_TRUE(ParsePlainText("Just a headline\n", {}, &a).ok());
  EXPECT_EQ(ParagraphTexts(a), (std::vector<std::string>{"Just a headline"}));
}

TEST(ParsePlainTextTest, RejectsEmptyBlankAndBinaryFiles) {
  Article a;
  Status s = ParsePlainText("", {}, &a);
  EXPECT_EQ(s.code(), StatusCode::kBadInput);
  EXPECT_EQ(s.message(), "empty file");
  s = ParsePlainText(" \n\t\n", {}, &a);
  EXPECT_EQ(s.message(), "no text (only whitespace)");
  s = ParsePlainText(std::string("PK\x03\x04\0\0", 6), {}, &a);
  EXPECT_EQ(s.message(), "binary file (NUL byte at byte 4)");
}

TEST(ParsePlainTextTest, RepairsAFewInvalidBytes) {
  std::string content = "Title\n\n" + std::string(200, 'a') + " \xFF end\n";
  Article a;
  ASSERT_TRUE(ParsePlainText(content, {}, &a).ok());
  EXPECT_EQ(a.repaired_utf8, 1u);
  EXPECT_EQ(a.first_repaired, 208u);
  EXPECT_EQ(a.Slice(a.paragraphs[0]).substr(200), " \uFFFD end");
}

TEST(ParsePlainTextTest, SkipsTextThatIsMostlyNotUtf8) {
  Article a;
  const Status s = ParsePlainText("Caf\xE9 \xE0 S\xE3o Paulo\n", {}, &a);
  EXPECT_EQ(s.code(), StatusCode::kBadInput);
  EXPECT_EQ(s.message(),
            "not UTF-8 text (3 invalid sequences, the first at byte 3)");
}

TEST(ReadFileBytesTest, ReadsFilesAndNamesTheProblem) {
  testing::TempDir dir;
  testing::WriteFile(dir / "a.txt", "hello");
  std::string bytes;
  ASSERT_TRUE(ReadFileBytes(dir / "a.txt", 100, &bytes).ok());
  EXPECT_EQ(bytes, "hello");
  Status s = ReadFileBytes(dir / "missing.txt", 100, &bytes);
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_EQ(s.message(), "No such file or directory");
  EXPECT_EQ(ReadFileBytes(dir.path(), 100, &bytes).message(),
            "is a directory");
  EXPECT_EQ(ReadFileBytes(dir / "a.txt", 3, &bytes).message(),
            "file too large (5 bytes; the limit is 3)");
}

}  // namespace
}  // namespace byline
