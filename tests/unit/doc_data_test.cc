#include "byline/doc_data.h"

#include <gtest/gtest.h>

namespace byline {
namespace {

TEST(DocDataTest, EncodesAsJsonAndRoundTrips) {
  StoredPassage p{"0123456789abcdef", "/n/a.txt", "Zürich \"café\"", 2, 10,
                  25, "Line one\nline two"};
  const std::string data = EncodeDocData(p);
  EXPECT_EQ(data,
            "{\"article_id\":\"0123456789abcdef\",\"source\":\"/n/a.txt\","
            "\"title\":\"Zürich \\\"café\\\"\",\"passage\":2,\"start\":10,"
            "\"end\":25,\"text\":\"Line one\\nline two\"}");
  StoredPassage back;
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
