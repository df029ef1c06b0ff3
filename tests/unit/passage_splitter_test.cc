#include "byline/index/passage_splitter.h"

#include <gtest/gtest.h>

#include <string>

#include "byline/text.h"

namespace byline {
namespace {

// `n` sentences of ten words each: "Sentence 0 has ten words and ends right
// here now." and so on.
std::string TenWordSentences(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    if (i) s += ' ';
    s += "Sentence " + std::to_string(i) +
         " has ten words and ends right here now.";
  }
  return s;
}

std::vector<std::string> Texts(std::string_view text,
                               const std::vector<Passage>& ps) {
  std::vector<std::string> out;
  for (const Passage& p : ps) {
    out.emplace_back(text.substr(p.range.start, p.range.size()));
  }
  return out;
}

TEST(SplitPassagesTest, OnePassagePerParagraphWithOffsets) {
  const std::string text = "Title\n\nFirst para.\n\nSecond para here.\n";
  SplitOptions one_per_paragraph;
  one_per_paragraph.min_words = 0;
  const std::vector<Passage> ps =
      SplitPassages(text, {{7, 18}, {20, 37}}, one_per_paragraph);
  EXPECT_EQ(ps, (std::vector<Passage>{{0, {7, 18}}, {1, {20, 37}}}));
  EXPECT_EQ(Texts(text, ps),
            (std::vector<std::string>{"First para.", "Second para here."}));
}

// Paragraph ranges of `paras` joined with blank lines, and the text.
std::pair<std::string, std::vector<TextRange>> Paragraphs(
    const std::vector<std::string>& paras) {
  std::string text;
  std::vector<TextRange> ranges;
  for (const std::string& p : paras) {
    if (!text.empty()) text += "\n\n";
    ranges.push_back({text.size(), text.size() + p.size()});
    text += p;
  }
  return {text, ranges};
}

TEST(SplitPassagesTest, ShortParagraphsJoinUpToTheMinimum) {
  // Sentences of ten words: paragraphs of 10, 10, 10 and 40 words, then 10.
  const auto [text, ranges] = Paragraphs(
      {TenWordSentences(1), TenWordSentences(1), TenWordSentences(1),
       TenWordSentences(4), TenWordSentences(1)});
  const std::vector<Passage> ps = SplitPassages(text, ranges);  // min 30
  ASSERT_EQ(ps.size(), 2u);
  // The first three make 30; the 40 stands alone, and the short last one
  // goes with it. Each passage is one range of the text, blank lines kept.
  EXPECT_EQ(ps[0].range, (TextRange{ranges[0].start, ranges[2].end}));
  EXPECT_EQ(ps[1].range, (TextRange{ranges[3].start, ranges[4].end}));
  EXPECT_EQ(ps[1].index, 1u);
  EXPECT_EQ(CountWords(Texts(text, ps)[0]), 30u);
  // The paragraphs (for entities) and the passage that holds each.
  const SplitResult split = SplitIntoPassages(text, ranges);
  EXPECT_EQ(split.passages, ps);
  ASSERT_EQ(split.pieces.size(), 5u);
  EXPECT_EQ(split.pieces[3].range, ranges[3]);
  EXPECT_EQ(split.passage_of_piece, (std::vector<size_t>{0, 0, 0, 1, 1}));
  // Never past max_words: a 10-word paragraph stays apart from a 245-word
  // one.
  const auto [text2, ranges2] =
      Paragraphs({TenWordSentences(1), TenWordSentences(24) + " One two "
                                        "three four five."});
  EXPECT_EQ(SplitPassages(text2, ranges2).size(), 2u);
}

TEST(SplitPassagesTest, HardWrappedLinesMakePassagesOfNormalSize) {
  // A text of 20 sentences of ten words, written as lines of seven words
  // with a blank line after each, as some copy comes: every "paragraph" is
  // a line, most ending inside a sentence.
  std::string prose = TenWordSentences(20);
  std::vector<std::string> words, lines;
  for (size_t i = 0, j; i < prose.size(); i = j + 1) {
    j = prose.find(' ', i);
    if (j == std::string::npos) j = prose.size();
    words.push_back(prose.substr(i, j - i));
  }
  for (size_t i = 0; i < words.size(); i += 7) {
    std::string line;
    for (size_t k = i; k < std::min(words.size(), i + 7); ++k) {
      line += (k > i ? " " : "") + words[k];
    }
    lines.push_back(line);
  }
  const auto [text, ranges] = Paragraphs(lines);
  const std::vector<Passage> ps = SplitPassages(text, ranges);
  // 200 words in 29 lines; passages of at least 30 words that end where a
  // sentence does (a line ending in one), the last one aside.
  ASSERT_GE(ps.size(), 3u);
  ASSERT_LE(ps.size(), 6u);
  size_t total = 0;
  for (size_t i = 0; i < ps.size(); ++i) {
    const std::string piece = Texts(text, ps)[i];
    total += CountWords(piece);
    EXPECT_GE(CountWords(piece), 30u) << piece;
    if (i + 1 < ps.size()) EXPECT_EQ(piece.back(), '.') << piece;
  }
  EXPECT_EQ(total, 200u);
  // With joining off, a passage a line.
  SplitOptions off;
  off.min_words = 0;
  EXPECT_EQ(SplitPassages(text, ranges, off).size(), lines.size());
}

TEST(SplitPassagesTest, PiecesOfACutParagraphAreNotJoined) {
  // 300 words cut in two, between two 5-word paragraphs: the short ones
  // join neither piece.
  const std::string para = TenWordSentences(30);
  const auto [text, ranges] =
      Paragraphs({"One two three four five.", para, "Six seven eight nine ten."});
  const std::vector<Passage> ps = SplitPassages(text, ranges);
  ASSERT_EQ(ps.size(), 4u);
  EXPECT_EQ(Texts(text, ps)[0], "One two three four five.");
  EXPECT_EQ(Texts(text, ps)[3], "Six seven eight nine ten.");
}

TEST(SplitPassagesTest, CutsLongParagraphAtSentenceEndsIntoEqualPieces) {
  const std::string para = TenWordSentences(60);  // 600 words
  const std::vector<Passage> ps = SplitPassages(para, {{0, para.size()}});
  ASSERT_EQ(ps.size(), 3u);  // ceil(600 / 250) pieces of 200 words
  for (size_t i = 0; i < ps.size(); ++i) {
    const std::string_view piece =
        std::string_view(para).substr(ps[i].range.start, ps[i].range.size());
    EXPECT_EQ(ps[i].index, i);
    EXPECT_EQ(CountWords(piece), 200u) << piece;
    EXPECT_EQ(piece.substr(0, 9), "Sentence ");
    EXPECT_EQ(piece.back(), '.');
  }
  EXPECT_EQ(ps[1].range.start, ps[0].range.end + 1);  // nothing lost
  EXPECT_EQ(ps[2].range.end, para.size());
}

TEST(SplitPassagesTest, NeverExceedsMaxWordsWhenSentencesAreUneven) {
  // Sentences of 10 and 90 words alternate; max 100.
  std::string para;
  for (int i = 0; i < 6; ++i) {
    para += "Short sentence with exactly ten words in it right here. ";
    para += "Long";
    for (int w = 0; w < 88; ++w) para += " word";
    para += " end. ";
  }
  SplitOptions options;
  options.max_words = 100;
  const std::vector<Passage> ps =
      SplitPassages(para, {{0, Trim(para).size()}}, options);
  size_t total = 0;
  for (const std::string& piece : Texts(para, ps)) {
    EXPECT_LE(CountWords(piece), 100u);
    EXPECT_EQ(piece.back(), '.');
    total += CountWords(piece);
  }
  EXPECT_EQ(total, 600u);
}

TEST(SplitPassagesTest, CutsOneOverlongSentenceBetweenWords) {
  std::string para = "word";
  for (int i = 1; i < 600; ++i) para += " word";
  const std::vector<Passage> ps = SplitPassages(para, {{0, para.size()}});
  ASSERT_EQ(ps.size(), 3u);
  for (const std::string& piece : Texts(para, ps)) {
    EXPECT_EQ(CountWords(piece), 200u);
  }
}

TEST(SplitPassagesTest, NumbersPassagesAcrossParagraphs) {
  const std::string para = TenWordSentences(30);  // 300 words: two pieces
  const std::string text = "Intro.\n\n" + para + "\n\nOutro.";
  const size_t p = 8, q = p + para.size() + 2;
  const std::vector<Passage> ps =
      SplitPassages(text, {{0, 6}, {p, p + para.size()}, {q, q + 6}});
  ASSERT_EQ(ps.size(), 4u);
  EXPECT_EQ(ps[0].index, 0u);
  EXPECT_EQ(ps[3].index, 3u);
  EXPECT_EQ(Texts(text, ps)[3], "Outro.");
  EXPECT_EQ(CountWords(Texts(text, ps)[1]), 150u);
}

TEST(SentenceEndsTest, SkipsAbbreviationsAndInitials) {
  const std::string s =
      "Mr. Smith met Dr. J. Jones in the U.S. capital. They talked. "
      "\"We will not,\" he said. \"Never.\" Then he left at 5 p.m. today.";
  std::vector<std::string> before;
  for (size_t end : SentenceEnds(s, {0, s.size()})) {
    before.push_back(s.substr(end - 8, 8));
  }
  EXPECT_EQ(before, (std::vector<std::string>{"capital.", " talked.",
                                              "he said.", "\"Never.\""}));
}

TEST(SentenceEndsTest, UnicodeTextAndQuotes) {
  const std::string s =
      "Radosław Sikorski spoke in Łódź. Żaneta replied: «Tak.» Then “Yes!” "
      "Everyone left.";
  std::vector<std::string> pieces;
  size_t from = 0;
  for (size_t end : SentenceEnds(s, {0, s.size()})) {
    pieces.push_back(std::string(Trim(s.substr(from, end - from))));
    from = end;
  }
  EXPECT_EQ(pieces,
            (std::vector<std::string>{"Radosław Sikorski spoke in Łódź.",
                                      "Żaneta replied: «Tak.»",
                                      "Then “Yes!”"}));
}

}  // namespace
}  // namespace byline
