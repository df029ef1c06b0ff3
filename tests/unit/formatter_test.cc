#include "byline/search/formatter.h"

#include <gtest/gtest.h>

#include <sstream>

namespace byline {
namespace {

SearchResults Sample() {
  SearchResults r;
  r.query = "harbour bridge";
  r.matches_estimated = 2;
  r.matches_lower_bound = 2;
  r.matches_upper_bound = 2;
  Hit h;
  h.rank = 1;
  h.score = 1.5;
  h.article_id = "0123456789abcdef";
  h.source = "/news/bridge.txt";
  h.title = "Bridge reopens";
  h.passage = 3;
  h.start = 16;
  h.end = 40;
  h.text = "The <Kestrel>\nbridge & co.";
  h.snippet = "The &lt;Kestrel&gt;\n<b>bridge</b> &amp; co.";
  h.highlights = {{14, 20}};
  h.entities = {{EntityType::kPlace, "Kestrel", {{5, 12}}}};
  h.copy_group = "00000000000000aa";
  h.copies = 2;
  r.hits.push_back(h);
  r.facets[EntityType::kPerson] = {};
  r.facets[EntityType::kPlace] = {{"Kestrel", 1}};
  return r;
}

std::string Format(std::string_view name, const SearchResults& r,
                   FormatOptions options = {}) {
  std::ostringstream out;
  MakeFormatter(name, options)->Write(r, out);
  return out.str();
}

TEST(FormatterTest, JsonHasTheDocumentedShape) {
  EXPECT_EQ(Format("json", Sample()), R"({
  "version": 1,
  "query": "harbour bridge",
  "matches_estimated": 2,
  "hits": [
    {
      "rank": 1,
      "score": 1.5,
      "article_id": "0123456789abcdef",
      "source": "/news/bridge.txt",
      "title": "Bridge reopens",
      "url": null,
      "published": null,
      "passage": 3,
      "start": 16,
      "end": 40,
      "text": "The <Kestrel>\nbridge & co.",
      "snippet": "The &lt;Kestrel&gt;\n<b>bridge</b> &amp; co.",
      "highlights": [
        [
          14,
          20
        ]
      ],
      "copy_group": "00000000000000aa",
      "copies": 2,
      "entities": [
        {
          "type": "place",
          "name": "Kestrel",
          "spans": [
            [
              5,
              12
            ]
          ]
        }
      ]
    }
  ],
  "facets": {
    "person": [],
    "place": [
      {
        "name": "Kestrel",
        "count": 1
      }
    ]
  },
  "facet_counts": "passages",
  "facets_exact": true
}
)");
}

TEST(FormatterTest, TextShowsRankTitleSourcePassageAndSnippet) {
  EXPECT_EQ(Format("text", Sample()),
            "1. **Bridge reopens**\n"
            "   /news/bridge.txt  passage 3  score 1.500  (2 copies "
            "elsewhere)\n"
            "   The <Kestrel> **bridge** & co.\n\n"
            "Passages 1-1 of 2 for \"harbour bridge\".\n"
            "\n"
            "Entities in the matching passages:\n"
            "  place   Kestrel (1)\n");
  FormatOptions color;
  color.color = true;
  EXPECT_NE(Format("text", Sample(), color).find("\x1b[1mbridge\x1b[0m"),
            std::string::npos);
}

TEST(FormatterTest, TextSaysWhenNothingMatchesAndWhenCountsAreEstimates) {
  SearchResults none;
  none.query = "zebra";
  EXPECT_EQ(Format("text", none), "No passages match \"zebra\".\n");
  SearchResults r = Sample();
  r.matches_upper_bound = 5;
  r.matches_estimated = 3;
  EXPECT_NE(Format("text", r).find("Passages 1-1 of about 3 for"),
            std::string::npos);
}

TEST(FormatterTest, UnknownFormatIsRejected) {
  EXPECT_EQ(MakeFormatter("xml"), nullptr);
}

TEST(SnippetToTextTest, UnescapesAndMarksMatches) {
  EXPECT_EQ(SnippetToText("a &lt;b&gt; <b>c</b> &amp; &quot;d&#39;", "[", "]"),
            "a <b> [c] & \"d'");
}

TEST(FormatterTest, CsvQuotesFieldsWithCommasQuotesAndLineBreaks) {
  SearchResults r = Sample();
  r.hits[0].title = "Bridge \"reopens\", at last";
  r.hits[0].entities.push_back({EntityType::kOrg, "Smith, Jones & Co"});
  const std::string out = Format("csv", r);
  EXPECT_EQ(out,
            "rank,score,article_id,source,record,title,url,published,passage,"
            "start,end,snippet,entities\r\n"
            "1,1.500000,0123456789abcdef,/news/bridge.txt,,"
            "\"Bridge \"\"reopens\"\", at last\",,,3,16,40,"
            "The <Kestrel> bridge & co.,"
            "\"place:Kestrel; org:Smith, Jones & Co\"\r\n");
}

TEST(FormatterTest, JsonLinesEndWithTheCountsAndFacets) {
  const std::string out = Format("jsonl", Sample());
  const size_t nl = out.find('\n');
  ASSERT_NE(nl, std::string::npos);
  EXPECT_EQ(out.substr(0, 29), "{\"version\":1,\"hit\":{\"rank\":1,");
  EXPECT_EQ(out.substr(nl + 1),
            "{\"version\":1,\"query\":\"harbour bridge\","
            "\"matches_estimated\":2,\"hits\":1,\"facets\":{\"person\":[],"
            "\"place\":[{\"name\":\"Kestrel\",\"count\":1}]},"
            "\"facet_counts\":\"passages\",\"facets_exact\":true}\n");
}

}  // namespace
}  // namespace byline
