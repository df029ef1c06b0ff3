#include "byline/doc_data.h"

#include <gtest/gtest.h>

namespace byline {
namespace {

TEST(DocDataTest, ArticleEncodesAsJsonAndRoundTrips) {
  StoredPassage p;
  p.article_id = "0123456789abcdef";
  p.source = "/n/a.txt";
  p.title = "Zürich \"café\"";
  std::string data = EncodeArticleData(p);
  EXPECT_EQ(data,
            "{\"article_id\":\"0123456789abcdef\",\"source\":\"/n/a.txt\","
            "\"title\":\"Zürich \\\"café\\\"\"}");
  StoredPassage back;
  ASSERT_TRUE(DecodeArticleData(data, &back));
  EXPECT_EQ(back, p);

  // Optional fields appear only when known.
  p.record = "line 3";
  p.url = "https://example.org/a";
  p.published = "2024-07-16";
  p.author = "A. Writer";
  data = EncodeArticleData(p);
  EXPECT_NE(data.find(",\"record\":\"line 3\",\"url\":\"https://example.org/a\","
                      "\"published\":\"2024-07-16\",\"author\":\"A. Writer\"}"),
            std::string::npos)
      << data;
  ASSERT_TRUE(DecodeArticleData(data, &back));
  EXPECT_EQ(back, p);
}

TEST(DocDataTest, PassageValueRoundTrips) {
  StoredPassage p;
  p.start = 10;
  p.end = 25;
  p.text = "Line one\nline two";
  EXPECT_EQ(EncodePassageValue(p), "10 25\nLine one\nline two");
  StoredPassage back;
  ASSERT_TRUE(DecodePassageValue(EncodePassageValue(p), &back));
  EXPECT_EQ(back, p);
  EXPECT_FALSE(DecodePassageValue("", &back));
  EXPECT_FALSE(DecodePassageValue("10\ntext", &back));
  EXPECT_FALSE(DecodePassageValue("25 10\ntext", &back));
  EXPECT_FALSE(DecodePassageValue("1 2 3\ntext", &back));
}

TEST(DocDataTest, RejectsForeignData) {
  StoredPassage out;
  EXPECT_FALSE(DecodeArticleData("url=http://example.org/\nsample=hi", &out));
  EXPECT_FALSE(DecodeArticleData("{\"source\":\"x\"}", &out));
  EXPECT_FALSE(DecodeArticleData("", &out));
}

}  // namespace
}  // namespace byline
