#include "byline/doc_data.h"

#include <gtest/gtest.h>

namespace byline {
namespace {

TEST(DocDataTest, EncodesAsJsonAndRoundTrips) {
  StoredPassage p;
  p.article_id = "0123456789abcdef";
  p.source = "/n/a.txt";
  p.title = "Zürich \"café\"";
  p.passage = 2;
  p.start = 10;
  p.end = 25;
  p.text = "Line one\nline two";
  std::string data = EncodeDocData(p);
  EXPECT_EQ(data,
            "{\"article_id\":\"0123456789abcdef\",\"source\":\"/n/a.txt\","
            "\"title\":\"Zürich \\\"café\\\"\",\"passage\":2,\"start\":10,"
            "\"end\":25,\"text\":\"Line one\\nline two\"}");
  StoredPassage back;
  ASSERT_TRUE(DecodeDocData(data, &back));
  EXPECT_EQ(back, p);

  // Optional fields appear only when known.
  p.record = "line 3";
  p.url = "https://example.org/a";
  p.published = "2024-07-16";
  p.author = "A. Writer";
  data = EncodeDocData(p);
  EXPECT_NE(data.find(",\"record\":\"line 3\",\"url\":\"https://example.org/a\","
                      "\"published\":\"2024-07-16\",\"author\":\"A. Writer\"}"),
            std::string::npos)
      << data;
  ASSERT_TRUE(DecodeDocData(data, &back));
  EXPECT_EQ(back, p);
}

TEST(DocDataTest, RejectsForeignData) {
  StoredPassage out;
  EXPECT_FALSE(DecodeDocData("url=http://example.org/\nsample=hi", &out));
  EXPECT_FALSE(DecodeDocData("{\"source\":\"x\"}", &out));
  EXPECT_FALSE(DecodeDocData("", &out));
}

}  // namespace
}  // namespace byline
