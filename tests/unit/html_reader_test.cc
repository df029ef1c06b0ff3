#include "byline/index/html_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "byline/index/html_charset.h"
#include "byline/text.h"
#include "support/test_support.h"

namespace byline {
namespace {

using Paragraphs = std::vector<std::string>;

HtmlArticle ParseFile(std::string_view name, const HtmlOptions& options = {}) {
  const std::string bytes =
      testing::ReadFile(testing::TestData("html/" + std::string(name)));
  EXPECT_FALSE(bytes.empty()) << name;
  HtmlArticle article;
  const Status s = ParseHtml(bytes, options, &article);
  EXPECT_TRUE(s.ok()) << name << ": " << s.message();
  return article;
}

HtmlArticle ParseString(std::string_view html,
                        const HtmlOptions& options = {}) {
  HtmlArticle article;
  const Status s = ParseHtml(html, options, &article);
  EXPECT_TRUE(s.ok()) << s.message();
  return article;
}

TEST(ParseHtmlTest, NewsPageBodyWithoutBoilerplate) {
  const HtmlArticle a = ParseFile("news_page.html");
  EXPECT_EQ(a.paragraphs,
            (Paragraphs{
                "The old harbour bridge opened to traffic again on Tuesday "
                "morning, two years after engineers closed it when they found "
                "cracks in three of its steel girders.",
                "Cyclists were first across, followed by a slow line of "
                "delivery vans, buses and taxis, while a small crowd of "
                "residents watched from the quay and cheered as the barriers "
                "went up.",
                "What changed",
                "The repair replaced every girder on the northern span, added "
                "a separate lane for bicycles and raised the weight limit from "
                "18 to 32 tonnes, the city\u2019s transport office said in a "
                "statement.",
                "New girders on the northern span",
                "A protected two-way cycle lane",
                "We kept the old rivets where we could, because people here "
                "love this bridge.",
                "The work cost 41 million euros, about a fifth more than "
                "planned, mostly because steel prices rose during the first "
                "winter of the project.",
                "Ferries that carried commuters during the closure will run "
                "until the end of August, and then return to their summer "
                "timetable.",
            }));
}

TEST(ParseHtmlTest, NewsPageMetadataFromMetaTags) {
  const HtmlArticle a = ParseFile("news_page.html");
  EXPECT_EQ(a.title, "Harbour bridge reopens after two-year repair");
  EXPECT_EQ(a.published, "2024-07-16T09:30:00Z");
  EXPECT_EQ(a.author, "Mara Lindqvist");
  // <link rel=canonical> wins over og:url.
  EXPECT_EQ(a.canonical_url,
            "https://gazette.example/news/2024/07/harbour-bridge-reopens");
  EXPECT_EQ(a.site_name, "The Harbour Gazette");
  EXPECT_EQ(a.charset, "utf-8");
}

TEST(ParseHtmlTest, CaptionsOnlyWhenAsked) {
  HtmlOptions options;
  options.keep_captions = true;
  const HtmlArticle a = ParseFile("news_page.html", options);
  ASSERT_FALSE(a.paragraphs.empty());
  EXPECT_EQ(a.paragraphs[0],
            "The bridge at dawn on its first morning back in service.");
  EXPECT_EQ(a.paragraphs.size(), 10u);
}

TEST(ParseHtmlTest, WholePageKeepsBoilerplateButNotScripts) {
  HtmlOptions options;
  options.whole_page = true;
  const HtmlArticle a = ParseFile("news_page.html", options);
  ASSERT_GE(a.paragraphs.size(), 3u);
  EXPECT_EQ(a.paragraphs[0],
            "We use cookies to improve your experience. By continuing to "
            "browse, you agree to our use of cookies, as described in our "
            "policy.");
  EXPECT_EQ(a.paragraphs[1], "The Harbour Gazette");  // no <button> text
  EXPECT_EQ(a.paragraphs[2], "News");
  EXPECT_EQ(a.paragraphs.back(), "About us Contact");
  for (const std::string& p : a.paragraphs) {
    EXPECT_EQ(p.find("dataLayer"), std::string::npos) << p;
    EXPECT_EQ(p.find("position: fixed"), std::string::npos) << p;
  }
}

TEST(ParseHtmlTest, JsonLdGraphWithAuthorReference) {
  const HtmlArticle a = ParseFile("jsonld_graph.html");
  // No og:title: the <title> loses its " - Rail Weekly" suffix.
  EXPECT_EQ(a.title, "Night trains return to the northern line");
  EXPECT_EQ(a.published, "2023-11-02T18:05:00+01:00");
  EXPECT_EQ(a.author, "Ilse Varga");
  EXPECT_EQ(a.canonical_url, "");
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_EQ(a.paragraphs[1].substr(0, 27), "Tickets go on sale next wee");
}

TEST(ParseHtmlTest, TimeElementRelAuthorAndOgUrl) {
  const HtmlArticle a = ParseFile("time_only.html");
  EXPECT_EQ(a.title, "Allotment notes: the first frost");
  EXPECT_EQ(a.published, "2022-10-28");
  EXPECT_EQ(a.author, "Tomas Reyes");
  EXPECT_EQ(a.canonical_url, "https://blog.example/posts/allotment-notes");
  // The h1 repeats the title and the "Posted ... by" line is a byline.
  EXPECT_EQ(
      a.paragraphs,
      (Paragraphs{"The first frost came early this year, a full two weeks "
                  "before the old calendar in the shed said it would, and it "
                  "caught the last of the beans.",
                  "The leeks, the kale and the parsnips did not mind at all; "
                  "parsnips, in fact, taste sweeter after a cold night, or so "
                  "my neighbour insists every autumn."}));
}

TEST(ParseHtmlTest, Windows1252WithoutDeclarationIsConverted) {
  const HtmlArticle a = ParseFile("windows1252.html");
  EXPECT_EQ(a.charset, "windows-1252");
  EXPECT_EQ(a.title, "Caf\u00e9 prices rise");
  EXPECT_EQ(a.paragraphs,
            (Paragraphs{"\u201cA coffee now costs \u20ac3.20,\u201d said the "
                        "caf\u00e9\u2019s owner \u2014 up from \u20ac2.80 "
                        "last year.",
                        "Na\u00efve hopes of a cheaper winter are fading, she "
                        "added."}));
}

TEST(ParseHtmlTest, MetaCharsetIso88592IsConverted) {
  const HtmlArticle a = ParseFile("latin2.html");
  EXPECT_EQ(a.charset, "iso-8859-2");
  EXPECT_EQ(a.title, "\u0141\u00f3d\u017a: nowy most");
  EXPECT_EQ(a.paragraphs,
            (Paragraphs{"Za\u017c\u00f3\u0142\u0107 g\u0119\u015bl\u0105 "
                        "ja\u017a\u0144 - pisz\u0105 mieszka\u0144cy "
                        "\u0141odzi.",
                        "Most na rzece b\u0119dzie gotowy w "
                        "\u015brod\u0119."}));
  for (const std::string& p : a.paragraphs) EXPECT_TRUE(CheckUtf8(p).valid());
}

TEST(ParseHtmlTest, HttpHintBeatsMetaCharset) {
  // The same bytes read as the transport says: ISO-8859-2 0xA3 is
  // U+0141, windows-1252 0xA3 is the pound sign.
  const std::string html =
      "<html><head><meta charset=\"iso-8859-2\"><title>t</title></head>"
      "<body><p>\xA3</p></body></html>";
  HtmlOptions options;
  options.charset_hint = "windows-1252";
  EXPECT_EQ(ParseString(html, options).paragraphs, (Paragraphs{"\u00a3"}));
  EXPECT_EQ(ParseString(html).paragraphs, (Paragraphs{"\u0141"}));
}

TEST(ParseHtmlTest, NavigationOnlyPageHasNoBody) {
  const HtmlArticle a = ParseFile("nav_only.html");
  EXPECT_EQ(a.title, "Site map");
  EXPECT_EQ(a.paragraphs, Paragraphs{});
}

TEST(ParseHtmlTest, BrokenHtmlIsRepairedByTheParser) {
  const HtmlArticle a = ParseFile("broken.html");
  EXPECT_EQ(a.title, "Unclosed tags everywhere");
  EXPECT_EQ(a.paragraphs,
            (Paragraphs{"First paragraph, with bold text that is never "
                        "closed and an italic run",
                        "Second paragraph & an entity, \u00e9t\u00e9 and a "
                        "stray end tag.",
                        "Third paragraph inside a div that never ends"}));
}

TEST(ParseHtmlTest, NoTextAtAllIsBadInput) {
  HtmlArticle a;
  EXPECT_EQ(ParseHtml("", {}, &a).code(), StatusCode::kBadInput);
  EXPECT_EQ(ParseHtml("<html><body><script>x()</script></body></html>", {}, &a)
                .code(),
            StatusCode::kBadInput);
  EXPECT_EQ(ParseHtml(" \n\t<!-- nothing --> ", {}, &a).code(),
            StatusCode::kBadInput);
}

TEST(ParseHtmlTest, DoubleBreakSplitsParagraphsSingleBreakDoesNot) {
  const HtmlArticle a = ParseString(
      "<body><div>One line<br>continues here.<br><br>"
      "A new paragraph after two breaks.<br/>\n<br/>And a third.</div>"
      "</body>");
  EXPECT_EQ(a.paragraphs,
            (Paragraphs{"One line continues here.",
                        "A new paragraph after two breaks.", "And a third."}));
}

TEST(ParseHtmlTest, HiddenElementsAreDropped) {
  const HtmlArticle a = ParseString(
      "<body><div><p>Visible text stays in the article.</p>"
      "<p style=\"display: none\">Hidden by style.</p>"
      "<p hidden>Hidden by attribute.</p>"
      "<p aria-hidden=\"true\">Hidden from readers.</p></div></body>");
  EXPECT_EQ(a.paragraphs, (Paragraphs{"Visible text stays in the article."}));
}

TEST(ParseHtmlTest, Utf8ByteOrderMarkAndEntities) {
  const HtmlArticle a = ParseString(
      "\xEF\xBB\xBF<title>A&nbsp;&amp;&#160;B</title><p>x&lt;y &#x263A;</p>");
  EXPECT_EQ(a.charset, "utf-8");
  EXPECT_EQ(a.title, "A & B");
  EXPECT_EQ(a.paragraphs, (Paragraphs{"x<y \u263a"}));
}

TEST(NormaliseHtmlDateTest, IsoAndWrittenForms) {
  EXPECT_EQ(NormaliseHtmlDate("2024-07-16T09:30:00Z"), "2024-07-16T09:30:00Z");
  EXPECT_EQ(NormaliseHtmlDate(" 2024-07-16T09:30:00.123+0200"),
            "2024-07-16T09:30:00+02:00");
  EXPECT_EQ(NormaliseHtmlDate("2024-07-16 09:30"), "2024-07-16T09:30:00");
  EXPECT_EQ(NormaliseHtmlDate("2024-07-16T09:30:00+00:00"),
            "2024-07-16T09:30:00Z");
  EXPECT_EQ(NormaliseHtmlDate("2024/07/16"), "2024-07-16");
  EXPECT_EQ(NormaliseHtmlDate("20240716"), "2024-07-16");
  EXPECT_EQ(NormaliseHtmlDate("Tue, 16 Jul 2024 09:30:00 GMT"), "2024-07-16");
  EXPECT_EQ(NormaliseHtmlDate("July 16, 2024"), "2024-07-16");
  EXPECT_EQ(NormaliseHtmlDate("2024-13-01"), "");
  EXPECT_EQ(NormaliseHtmlDate("yesterday"), "");
  EXPECT_EQ(NormaliseHtmlDate(""), "");
}

TEST(StripSiteNameTest, RemovesKnownOrShortSuffix) {
  EXPECT_EQ(StripSiteName("Bridge reopens | Gazette", "Gazette"),
            "Bridge reopens");
  EXPECT_EQ(StripSiteName("Gazette - Bridge reopens", "Gazette"),
            "Bridge reopens");
  EXPECT_EQ(StripSiteName("Harbour bridge reopens - The Daily Gazette", ""),
            "Harbour bridge reopens");
  EXPECT_EQ(StripSiteName("Harbour bridge reopens \xE2\x80\x94 Gazette", ""),
            "Harbour bridge reopens");
  // A head too short to be a title on its own: keep everything.
  EXPECT_EQ(StripSiteName("Review - A long journey through the north", ""),
            "Review - A long journey through the north");
  EXPECT_EQ(StripSiteName("  Plain\n title  ", ""), "Plain title");
}

TEST(HtmlCharsetTest, DetectionOrder) {
  EXPECT_EQ(DetectHtmlCharset("\xEF\xBB\xBFx", "iso-8859-2").name, "utf-8");
  EXPECT_EQ(DetectHtmlCharset("\xEF\xBB\xBFx", "").bom_bytes, 3u);
  EXPECT_EQ(DetectHtmlCharset("<meta charset=utf-8>", "ISO-8859-2").name,
            "iso-8859-2");
  EXPECT_EQ(DetectHtmlCharset("<meta http-equiv=\"Content-Type\" "
                              "content=\"text/html; charset=Shift_JIS\">",
                              "")
                .name,
            "shift_jis");
  // Latin-1 labels mean windows-1252, as browsers read them.
  EXPECT_EQ(DetectHtmlCharset("<meta charset='ISO-8859-1'>", "").name,
            "windows-1252");
  EXPECT_EQ(DetectHtmlCharset("plain \xC3\xA9", "").name, "utf-8");
  EXPECT_EQ(DetectHtmlCharset("plain \xE9", "").name, "windows-1252");
  EXPECT_EQ(DetectHtmlCharset("<meta charset=no-such-charset>x", "").name,
            "utf-8");
  EXPECT_EQ(CharsetFromContentType("text/html; Charset=\"UTF-8\""), "utf-8");
  EXPECT_EQ(CharsetFromContentType("text/html"), "");
}

TEST(HtmlCharsetTest, ConvertsAndRepairs) {
  std::string out;
  ASSERT_TRUE(ConvertToUtf8("\x80 \xE9", "windows-1252", &out).ok());
  EXPECT_EQ(out, "\u20ac \u00e9");
  ASSERT_TRUE(ConvertToUtf8("ok \xFF", "utf-8", &out).ok());
  EXPECT_EQ(out, "ok \uFFFD");
  EXPECT_EQ(ConvertToUtf8("x", "no-such-charset", &out).code(),
            StatusCode::kInvalidArgument);
}

std::string Repeat(std::string_view s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

TEST(ScanHtmlShapeTest, CountsNestingOfElementsThatNeedClosing) {
  EXPECT_EQ(ScanHtmlShape("<html><body><div><div><span>x</span></div>"
                          "</div></body></html>").depth,
            3u);
  EXPECT_EQ(ScanHtmlShape(Repeat("<div>", 40) + "x" + Repeat("</div>", 40))
                .depth,
            40u);
  // Unclosed paragraphs, list items and cells and void elements add
  // nothing; siblings do not add up.
  EXPECT_EQ(ScanHtmlShape("<div>" + Repeat("<p>para <br><img src=a.png>", 500) +
                          "<ul>" + Repeat("<li>item", 300) + "</ul></div>")
                .depth,
            2u);
  EXPECT_EQ(ScanHtmlShape(Repeat("<div>a</div>", 1000)).depth, 1u);
  EXPECT_EQ(ScanHtmlShape("<DIV><Section><br/><x-widget/></SECTION></div>")
                .depth,
            2u);
  // Comments, doctypes and the text of script and style are not tags.
  EXPECT_EQ(ScanHtmlShape("<!DOCTYPE html><!-- <div><div><div> -->"
                          "<script>if (a<b) document.write('<div><div>');"
                          "</script><style>a<b{}</style><div>x</div>")
                .depth,
            1u);
}

TEST(ScanHtmlShapeTest, CountsTheAttributesOfTheBusiestTag) {
  EXPECT_EQ(ScanHtmlShape("<a href=x title='a > b' data-x=\"1\" hidden>"
                          "</a><img src=y>")
                .attributes,
            4u);
  std::string many = "<div";
  for (int i = 0; i < 2500; ++i) many += " a" + std::to_string(i) + "=v";
  many += ">x</div>";
  EXPECT_EQ(ScanHtmlShape(many).attributes, 2500u);
  EXPECT_EQ(ScanHtmlShape("plain text, no tags < at all").depth, 0u);
}

}  // namespace
}  // namespace byline
