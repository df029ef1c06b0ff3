// WARC records and HTTP payloads, with broken inputs built in the test.
#include "byline/index/warc_reader.h"

#include <brotli/encode.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <string>
#include <vector>

#include "support/test_support.h"

namespace byline {
namespace {

std::string Record(std::string_view type, std::string_view id,
                   std::string_view block) {
  return "WARC/1.1\r\nWARC-Type: " + std::string(type) +
         "\r\nWARC-Record-ID: <urn:uuid:" + std::string(id) +
         ">\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" +
         std::string(block) + "\r\n\r\n";
}

struct Read {
  std::vector<std::string> records;   // "offset type id"
  std::vector<std::string> problems;  // "offset: message"
};

Read ReadAll(std::string_view file) {
  Read r;
  ReadWarc(
      file, 1 << 20,
      [&](WarcRecord&& rec) {
        r.records.push_back(std::to_string(rec.offset) + " " +
                            rec.Header("warc-type") + " " +
                            rec.Header("WARC-Record-ID"));
      },
      [&](size_t offset, const Status& s) {
        r.problems.push_back(std::to_string(offset) + ": " + s.message());
      });
  return r;
}

using Lines = std::vector<std::string>;

TEST(ReadWarcTest, PlainRecordsWithOffsets) {
  const std::string a = Record("warcinfo", "a", "software: test");
  const std::string b = Record("response", "b", "HTTP/1.1 200 OK\r\n\r\nhi");
  const Read r = ReadAll(a + b);
  EXPECT_EQ(r.records,
            (Lines{"0 warcinfo <urn:uuid:a>",
                   std::to_string(a.size()) + " response <urn:uuid:b>"}));
  EXPECT_TRUE(r.problems.empty());
}

TEST(ReadWarcTest, GarbageBetweenRecordsIsReportedAndSkipped) {
  const std::string a = Record("resource", "a", "one");
  const std::string junk = "this is not a record\n";
  const std::string b = Record("resource", "b", "two");
  const Read r = ReadAll(a + junk + b);
  EXPECT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.problems,
            (Lines{std::to_string(a.size()) + ": no WARC record starts here"}));
}

TEST(ReadWarcTest, TruncatedRecordKeepsTheOnesBefore) {
  const std::string a = Record("resource", "a", "one");
  std::string b = Record("resource", "b", std::string(100, 'x'));
  b.resize(b.size() - 50);
  const Read r = ReadAll(a + b);
  EXPECT_EQ(r.records, (Lines{"0 resource <urn:uuid:a>"}));
  EXPECT_EQ(r.problems, (Lines{std::to_string(a.size()) +
                               ": truncated WARC record (54 of 100 bytes)"}));
}

TEST(ReadWarcTest, BadGzipMemberIsReportedAndReadingGoesOn) {
  const std::string a = testing::Compress(Record("resource", "a", "first"));
  std::string b = testing::Compress(
      Record("resource", "b", "second, to be corrupted here"));
  b[b.size() / 2] ^= 0x5A;
  const std::string c = testing::Compress(Record("resource", "c", "third"));
  const Read r = ReadAll(a + b + c);
  EXPECT_EQ(r.records, (Lines{"0 resource <urn:uuid:a>",
                              std::to_string(a.size() + b.size()) +
                                  " resource <urn:uuid:c>"}));
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].rfind(std::to_string(a.size()) + ": ", 0), 0u)
      << r.problems[0];
}

TEST(ReadWarcTest, ArcRecordsBecomeResponses) {
  const std::string desc =
      "1 0 Test\nURL IP-address Archive-date "
      "Content-type Archive-length\n";
  const std::string http =
      "HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n"
      "\r\n<p>hi</p>";
  const std::string header =
      "filedesc://t.arc 127.0.0.1 20240716093000 "
      "text/plain " +
      std::to_string(desc.size()) + "\n";
  const std::string first = header + desc + "\n";
  const std::string file =
      first + "http://example.org/a page 10.0.0.1 20240716093005 text/html " +
      std::to_string(http.size()) + "\n" + http + "\n";
  std::vector<WarcRecord> records;
  std::vector<std::string> problems;
  ReadWarc(
      file, 1 << 20, [&](WarcRecord&& r) { records.push_back(std::move(r)); },
      [&](size_t, const Status& s) { problems.push_back(s.message()); });
  EXPECT_TRUE(problems.empty());
  ASSERT_EQ(records.size(), 1u);
  const WarcRecord& r = records[0];
  EXPECT_EQ(r.offset, first.size());
  EXPECT_EQ(r.Header("WARC-Type"), "response");
  EXPECT_EQ(r.Header("WARC-Target-URI"), "http://example.org/a page");
  EXPECT_EQ(r.Header("WARC-Date"), "2024-07-16T09:30:05Z");
  EXPECT_EQ(r.Header("WARC-Record-ID"),
            "<urn:arc-offset:" + std::to_string(first.size()) + ">");
  EXPECT_EQ(r.block, http);
}

TEST(HttpResponseTest, ChunkedAndContentCodings) {
  HttpResponse h;
  ASSERT_TRUE(ParseHttpResponse(
                  "HTTP/1.1 200 OK\r\nContent-Type: text/html; "
                  "charset=\"ISO-8859-2\"\r\nTransfer-Encoding: chunked\r\n\r\n"
                  "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n",
                  1 << 20, &h)
                  .ok());
  EXPECT_EQ(h.status, 200);
  EXPECT_EQ(h.content_type, "text/html");
  EXPECT_EQ(h.charset, "iso-8859-2");
  EXPECT_EQ(h.body, "hello, world");

  const std::string page = "<p>Compressed page body</p>";
  ASSERT_TRUE(ParseHttpResponse("HTTP/1.1 200 OK\r\nContent-Encoding: gzip"
                                "\r\n\r\n" +
                                    testing::Compress(page),
                                1 << 20, &h)
                  .ok());
  EXPECT_EQ(h.body, page);
  ASSERT_TRUE(ParseHttpResponse("HTTP/1.1 200 OK\r\nContent-Encoding: deflate"
                                "\r\n\r\n" +
                                    testing::Compress(page, -MAX_WBITS),
                                1 << 20, &h)
                  .ok());
  EXPECT_EQ(h.body, page);
  std::string br(page.size() + 64, '\0');
  size_t br_size = br.size();
  ASSERT_TRUE(BrotliEncoderCompress(
      5, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, page.size(),
      reinterpret_cast<const uint8_t*>(page.data()), &br_size,
      reinterpret_cast<uint8_t*>(br.data())));
  br.resize(br_size);
  ASSERT_TRUE(
      ParseHttpResponse("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n" + br,
                        1 << 20, &h)
          .ok());
  EXPECT_EQ(h.body, page);
}

TEST(HttpResponseTest, DefectsAreNamed) {
  HttpResponse h;
  EXPECT_EQ(ParseHttpResponse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked"
                              "\r\n\r\n5\r\nhello world\r\n0\r\n\r\n",
                              1 << 20, &h)
                .message(),
            "wrong chunk size at byte 8 of the body");
  EXPECT_EQ(ParseHttpResponse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked"
                              "\r\n\r\nzz\r\nhello\r\n",
                              1 << 20, &h)
                .message(),
            "wrong chunk size at byte 0 of the body");
  EXPECT_EQ(ParseHttpResponse("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n"
                              "\r\nnot gzip",
                              1 << 20, &h)
                .message(),
            "gzip body: byte 0: not a gzip member");
  EXPECT_EQ(ParseHttpResponse("GET / HTTP/1.1\r\n\r\n", 1 << 20, &h).message(),
            "not an HTTP response");
}

}  // namespace
}  // namespace byline
