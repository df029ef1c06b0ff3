#include "byline/text.h"

#include <gtest/gtest.h>

namespace byline {
namespace {

TEST(AsciiCaseTest, OnlyAsciiLettersChangeCase) {
  EXPECT_EQ(AsciiUpper("Leeds United 2"), "LEEDS UNITED 2");
  EXPECT_EQ(AsciiLower("LEEDS United"), "leeds united");
  // UTF-8 bytes stay as they are.
  EXPECT_EQ(AsciiUpper("Malm\xc3\xb6"), "MALM\xc3\xb6");
}

TEST(CheckUtf8Test, AcceptsAsciiAndMultibyteText) {
  const Utf8Check c = CheckUtf8("Radosław Sikorski in Zürich — 😀");
  EXPECT_TRUE(c.valid());
  EXPECT_EQ(c.first_invalid, std::string_view::npos);
  EXPECT_EQ(c.first_nul, std::string_view::npos);
}

TEST(CheckUtf8Test, FindsFirstInvalidByteAndCountsSequences) {
  // Latin-1 'é' (0xE9) followed by ASCII is a truncated 3-byte lead.
  const Utf8Check c = CheckUtf8("caf\xE9 ol\xE9!");
  EXPECT_EQ(c.invalid_sequences, 2u);
  EXPECT_EQ(c.first_invalid, 3u);
}

TEST(CheckUtf8Test, RejectsOverlongSurrogateAndOutOfRangeForms) {
  EXPECT_EQ(CheckUtf8("\xC0\xAF").invalid_sequences, 2u);      // overlong '/'
  EXPECT_EQ(CheckUtf8("\xED\xA0\x80").invalid_sequences, 3u);  // U+D800
  EXPECT_EQ(CheckUtf8("\xF4\x90\x80\x80").invalid_sequences, 4u);
  EXPECT_EQ(CheckUtf8("\xE2\x82").invalid_sequences, 1u);  // truncated €
}

TEST(CheckUtf8Test, ReportsNulByteOffset) {
  const std::string s("ab\0cd", 5);
  EXPECT_EQ(CheckUtf8(s).first_nul, 2u);
  EXPECT_TRUE(CheckUtf8(s).valid());
}

TEST(RepairUtf8Test, ReplacesEachMaximalInvalidSubsequence) {
  EXPECT_EQ(RepairUtf8("caf\xE9!"), "caf\uFFFD!");
  EXPECT_EQ(RepairUtf8("\xE2\x82 euro"), "\uFFFD euro");  // one, not two
  EXPECT_EQ(RepairUtf8("ok ł"), "ok ł");
}

TEST(TextHelpersTest, TrimCollapseAndCount) {
  EXPECT_EQ(Trim(" \t a b \r\n"), "a b");
  EXPECT_EQ(CollapseWhitespace("  one\n two\t\tthree  "), "one two three");
  EXPECT_EQ(CountWords("  one\n two\t\tthree  "), 3u);
  EXPECT_EQ(CountWords(""), 0u);
}

TEST(SplitTest, PiecesBetweenSeparators) {
  using V = std::vector<std::string_view>;
  EXPECT_EQ(Split("person,org", ','), (V{"person", "org"}));
  EXPECT_EQ(Split("a||b", '|'), (V{"a", "", "b"}));
  EXPECT_EQ(Split("a,", ','), (V{"a"}));
  EXPECT_EQ(Split("", ','), V{});
}

}  // namespace
}  // namespace byline
