#include "byline/index/jsonl_reader.h"

#include <gtest/gtest.h>

namespace byline {
namespace {

struct Parsed {
  std::vector<Article> articles;
  std::vector<std::string> ids;
  std::vector<std::string> problems;  // "line N: message"
};

Parsed Parse(std::string_view content, const JsonlFields& fields = {}) {
  Parsed p;
  ParseJsonl(
      content, fields,
      [&](Article&& a, std::string id) {
        p.articles.push_back(std::move(a));
        p.ids.push_back(std::move(id));
      },
      [&](size_t line, const Status& s) {
        p.problems.push_back("line " + std::to_string(line) + ": " +
                             s.message());
      });
  return p;
}

std::vector<std::string> Paragraphs(const Article& a) {
  std::vector<std::string> out;
  for (const TextRange& r : a.paragraphs) out.emplace_back(a.Slice(r));
  return out;
}

TEST(ParseJsonlTest, ReadsFieldsAndParagraphs) {
  const Parsed p = Parse(
      R"({"id": 42, "headline": "Ferry strike ends", "body": "First para.\n\nSecond\npara.", "published": "16 July 2024", "link": "https://example.org/a", "authors": [{"name": "A. Writer"}, "B. Reporter"]})"
      "\n");
  ASSERT_EQ(p.articles.size(), 1u);
  const Article& a = p.articles[0];
  EXPECT_EQ(p.ids[0], "42");
  EXPECT_EQ(a.title, "Ferry strike ends");
  EXPECT_EQ(a.text, "Ferry strike ends\n\nFirst para.\n\nSecond para.");
  EXPECT_EQ(Paragraphs(a),
            (std::vector<std::string>{"First para.", "Second para."}));
  EXPECT_EQ(a.published, "2024-07-16");
  EXPECT_EQ(a.url, "https://example.org/a");
  EXPECT_EQ(a.author, "A. Writer, B. Reporter");
  EXPECT_EQ(a.record, "line 1");
  EXPECT_TRUE(p.problems.empty());
}

TEST(ParseJsonlTest, SingleLineBreaksSeparateParagraphsWhenNoBlankLine) {
  const Parsed p = Parse(R"({"title": "T", "text": "One.\nTwo.\nThree."})");
  ASSERT_EQ(p.articles.size(), 1u);
  EXPECT_EQ(Paragraphs(p.articles[0]),
            (std::vector<std::string>{"One.", "Two.", "Three."}));
}

TEST(ParseJsonlTest, BadLinesAreReportedWithTheirNumberAndTheRestRead) {
  const Parsed p = Parse(
      "{\"title\": \"Good one\", \"text\": \"Body.\"}\n"
      "{not json\n"
      "\n"
      "[1, 2]\n"
      "{\"id\": \"x\"}\n"
      "{\"title\": \"Caf\xE9\", \"text\": \"x\"}\n"
      "{\"title\": \"Good two\", \"content\": \"More.\"}");
  EXPECT_EQ(p.problems,
            (std::vector<std::string>{
                "line 2: not valid JSON", "line 4: not a JSON object",
                "line 5: no text (none of the fields text, title, ... has any)",
                "line 6: invalid UTF-8 in JSON"}));
  ASSERT_EQ(p.articles.size(), 2u);
  EXPECT_EQ(p.articles[1].title, "Good two");
  EXPECT_EQ(p.articles[1].record, "line 7");
}

TEST(ParseJsonlTest, FieldNamesAreConfigurable) {
  JsonlFields fields;
  fields.text = {"story"};
  fields.title = {"hed"};
  const Parsed p = Parse(R"({"hed": "Custom", "story": "It works.", "text": "ignored"})",
                         fields);
  ASSERT_EQ(p.articles.size(), 1u);
  EXPECT_EQ(p.articles[0].text, "Custom\n\nIt works.");
}

}  // namespace
}  // namespace byline
