#include "byline/index/article_source.h"

#include "byline/index/html_reader.h"
#include "byline/index/warc_reader.h"
#include "byline/text.h"

namespace byline {
namespace {

std::string Limit(uint64_t max) {
  return "the limit of " + std::to_string(max) + " bytes (--max-record-bytes)";
}

// A .txt or .html file: the whole file is one record.
class WholeFileSource : public ArticleSource {
 public:
  WholeFileSource(InputFormat format, std::unique_ptr<ByteStream> stream,
                  uint64_t max_record_bytes)
      : format_(format), s_(std::move(stream)), max_(max_record_bytes) {}

  const ByteStream& stream() const override { return *s_; }

  Next Read(RawRecord* r, ReadProblem* p) override {
    if (pending_) {  // the part before a broken gzip member
      pending_ = false;
      *r = std::move(record_);
      return Next::kRecord;
    }
    if (done_) return Next::kEnd;
    done_ = true;
    // Resumed past the start: the one record was read by an earlier run.
    if (s_->position() > 0) return Next::kEnd;
    const ByteStream::Fill f = s_->FillTo(max_ + 1);
    *p = ReadProblem();
    if (f == ByteStream::Fill::kError) {
      p->status = s_->error();
      return Next::kFailed;
    }
    if (f == ByteStream::Fill::kOk) {
      p->status = BadInput("larger than " + Limit(max_));
      return Next::kProblem;
    }
    record_ = RawRecord();
    record_.format = format_;
    record_.bytes = std::string(s_->Buffered());
    s_->Consume(record_.bytes.size());
    record_.next = s_->Here();
    if (f == ByteStream::Fill::kGap) {
      // Keep what came before it, as a reader of the whole file would.
      p->offset = s_->gap_offset();
      p->where = "byte " + std::to_string(p->offset);
      p->status = s_->gap();
      s_->PassGap();
      pending_ = !record_.bytes.empty();
      return Next::kProblem;
    }
    *r = std::move(record_);
    return Next::kRecord;
  }

 private:
  const InputFormat format_;
  std::unique_ptr<ByteStream> s_;
  const uint64_t max_;
  bool done_ = false;
  bool pending_ = false;
  RawRecord record_;
};

// JSON Lines: a record a line; blank lines are passed over.
class JsonlSource : public ArticleSource {
 public:
  JsonlSource(std::unique_ptr<ByteStream> stream, uint64_t max_record_bytes,
              uint64_t lines_before)
      : s_(std::move(stream)), max_(max_record_bytes), line_(lines_before) {}

  const ByteStream& stream() const override { return *s_; }
  ResumePoint Here() const override {
    ResumePoint at = s_->Here();
    at.line = line_;
    return at;
  }

  Next Read(RawRecord* r, ReadProblem* p) override {
    for (;;) {
      size_t nl;
      const ByteStream::Fill f = s_->FillUntil("\n", max_ + 1, &nl);
      const std::string_view b = s_->Buffered();
      if (b.empty() && f == ByteStream::Fill::kEnd) return Next::kEnd;
      const uint64_t offset = s_->RawOffsetOf(s_->position());
      ++line_;
      *p = ReadProblem();
      p->offset = offset;
      p->where = "line " + std::to_string(line_);
      if (f == ByteStream::Fill::kError) {
        p->status = s_->error();
        return Next::kFailed;
      }
      if ((nl == std::string_view::npos && f == ByteStream::Fill::kOk) ||
          (nl != std::string_view::npos && nl > max_)) {
        p->status = BadInput("starts at byte " + std::to_string(offset) +
                             " and is longer than " + Limit(max_));
        SkipLine();
        return Next::kProblem;
      }
      if (nl == std::string_view::npos && f == ByteStream::Fill::kGap) {
        // The line runs into a broken gzip member: it is lost with it.
        p->where = "byte " + std::to_string(s_->gap_offset());
        p->status = BadInput(s_->gap().message() + " (in line " +
                             std::to_string(line_) + ")");
        s_->PassGap();
        return Next::kProblem;
      }
      const size_t len = nl == std::string_view::npos ? b.size() : nl;
      if (Trim(b.substr(0, len)).empty()) {
        s_->Consume(len + (nl != std::string_view::npos));
        continue;
      }
      *r = RawRecord();
      r->format = InputFormat::kJsonl;
      r->offset = offset;
      r->line = line_;
      r->bytes = std::string(b.substr(0, len));
      s_->Consume(len + (nl != std::string_view::npos));
      r->next = Here();
      return Next::kRecord;
    }
  }

 private:
  // Drops the rest of an over-long line, up to and with its newline.
  void SkipLine() {
    for (;;) {
      const size_t nl = s_->Buffered().find('\n');
      if (nl != std::string_view::npos) {
        s_->Consume(nl + 1);
        return;
      }
      s_->Consume(s_->Buffered().size());
      if (s_->FillTo(1) != ByteStream::Fill::kOk) return;
    }
  }

  std::unique_ptr<ByteStream> s_;
  const uint64_t max_;
  uint64_t line_;
};

// Whether the page is within the HTML limits of `options`.
Status CheckHtmlShape(std::string_view bytes, const ReadOptions& options) {
  const HtmlShape shape = ScanHtmlShape(bytes);
  if (shape.depth > options.max_html_depth) {
    return BadInput("HTML elements nested " + std::to_string(shape.depth) +
                    " deep, more than the limit of " +
                    std::to_string(options.max_html_depth) +
                    " (--max-html-depth)");
  }
  if (shape.attributes > options.max_html_attributes) {
    return BadInput("an HTML tag with " + std::to_string(shape.attributes) +
                    " attributes, more than the limit of " +
                    std::to_string(options.max_html_attributes) +
                    " (--max-html-attributes)");
  }
  return Status::Ok();
}

// An article from an HTML page; `charset` from an HTTP header, "" if none.
// Callers check the page against the HTML limits first (CheckHtmlShape).
Status ArticleFromHtml(std::string_view bytes, const std::string& charset,
                       Article* a) {
  HtmlOptions html_options;
  html_options.charset_hint = charset;
  HtmlArticle html;
  if (Status s = ParseHtml(bytes, html_options, &html); !s.ok()) return s;
  ArticleFromParagraphs(html.title, html.paragraphs, a);
  a->url = html.canonical_url;
  a->published = html.published;
  a->author = html.author;
  return Status::Ok();
}

// A WARC record that holds an HTML or text page becomes an article;
// revisits are counted; requests, metadata, images, errors and empty pages
// give nothing. Fails only on a defect (a broken HTTP message). Header
// values are repaired to UTF-8: they become terms and JSON.
Status DecodeWarcRecord(RawRecord& r, const ReadOptions& options,
                        DecodedRecord* out) {
  const std::string type = r.Header("WARC-Type");
  if (type == "revisit") {
    out->use = DecodedRecord::Use::kRevisit;
    return Status::Ok();
  }
  if (type != "response" && type != "resource") return Status::Ok();
  // Crawlers store their own logs and settings as resources under
  // metadata:// or dns: URIs; only captured web pages are articles.
  // Header values become terms and JSON: each is made valid UTF-8, and a
  // repair is reported.
  const auto header = [&](std::string_view name) {
    std::string value = r.Header(name);
    if (CheckUtf8(value).valid()) return value;
    out->warnings.push_back("invalid UTF-8 in " + std::string(name) +
                            " replaced with U+FFFD");
    return RepairUtf8(value);
  };
  std::string uri = header("WARC-Target-URI");
  if (uri.find("http://") == std::string::npos &&
      uri.find("https://") == std::string::npos) {
    return Status::Ok();
  }
  // A site's robots.txt is captured as text/plain and is no article.
  if (uri.ends_with("/robots.txt")) return Status::Ok();
  std::string media, charset;
  ParseContentType(r.Header("Content-Type"), &media, &charset);
  std::string payload;
  if (type == "response") {
    if (media != "application/http") return Status::Ok();
    HttpResponse http;
    if (Status s = ParseHttpResponse(r.bytes, options.max_record_bytes, &http);
        !s.ok()) {
      return s;
    }
    if (http.status < 200 || http.status >= 300) return Status::Ok();
    media = http.content_type;
    charset = http.charset;
    payload = std::move(http.body);
  } else {
    payload = std::move(r.bytes);
  }
  const bool html = media == "text/html" || media == "application/xhtml+xml";
  if (!html && media != "text/plain") return Status::Ok();
  if (Trim(payload).empty()) return Status::Ok();
  Article& a = out->article;
  // A page past the HTML limits is named; an empty one is no article.
  if (html) {
    if (Status s = CheckHtmlShape(payload, options); !s.ok()) return s;
  }
  const Status s = html ? ArticleFromHtml(payload, charset, &a)
                        : ParsePlainText(RepairUtf8(payload), options.text, &a);
  if (!s.ok()) return Status::Ok();
  Article::Capture capture;
  capture.offset = r.offset;
  capture.record_id = header("WARC-Record-ID");
  capture.captured = header("WARC-Date");
  capture.payload_digest = header("WARC-Payload-Digest");
  if (capture.payload_digest.empty()) {
    capture.payload_digest = "fnv1a64:" + ArticleIdForSource(payload);
  }
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') {
    uri = uri.substr(1, uri.size() - 2);  // WARC 1.0 style
  }
  a.url = std::move(uri);
  out->key = capture.record_id;
  a.capture = std::move(capture);
  out->use = DecodedRecord::Use::kArticle;
  return Status::Ok();
}

}  // namespace

std::string RawRecord::Where() const {
  switch (format) {
    case InputFormat::kJsonl:
      return "line " + std::to_string(line);
    case InputFormat::kWarc:
      return "record at byte " + std::to_string(offset);
    default:
      return "";
  }
}

std::string RawRecord::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (AsciiLower(k) == AsciiLower(name)) return v;
  }
  return "";
}

std::string ReadProblem::Message() const {
  return where.empty() ? status.message() : where + ": " + status.message();
}

namespace {

Status DecodeJsonLine(RawRecord& r, const ReadOptions& options,
                      DecodedRecord* out) {
  std::string id;
  if (Status s =
          ParseJsonLine(r.bytes, options.jsonl, r.line, &out->article, &id,
                        options.max_json_depth);
      !s.ok()) {
    return s;
  }
  // An id keeps the article's identity when lines move.
  out->key = id.empty() ? out->article.record : "id:" + id;
  out->use = DecodedRecord::Use::kArticle;
  return Status::Ok();
}

Status DecodeHtmlFile(RawRecord& r, const ReadOptions& options,
                      DecodedRecord* out) {
  if (Status s = CheckHtmlShape(r.bytes, options); !s.ok()) return s;
  if (Status s = ArticleFromHtml(r.bytes, "", &out->article); !s.ok()) {
    return s;
  }
  out->use = DecodedRecord::Use::kArticle;
  return Status::Ok();
}

Status DecodeTextFile(RawRecord& r, const ReadOptions& options,
                      DecodedRecord* out) {
  Article& a = out->article;
  if (Status s = ParsePlainText(std::move(r.bytes), options.text, &a);
      !s.ok()) {
    return s;
  }
  if (a.repaired_utf8 > 0) {
    out->warnings.push_back(
        "byte " + std::to_string(a.first_repaired) + ": invalid UTF-8 (" +
        std::to_string(a.repaired_utf8) + " sequences) replaced with U+FFFD");
  }
  out->use = DecodedRecord::Use::kArticle;
  return Status::Ok();
}

// The table of sources: how each format is framed and decoded.
struct SourceKind {
  InputFormat format;
  std::unique_ptr<ArticleSource> (*open)(std::unique_ptr<ByteStream> stream,
                                         const ReadOptions& options,
                                         uint64_t lines_before);
  Status (*decode)(RawRecord& record, const ReadOptions& options,
                   DecodedRecord* out);
};

const SourceKind kSources[] = {
    {InputFormat::kTxt,
     [](std::unique_ptr<ByteStream> s, const ReadOptions& o,
        uint64_t) -> std::unique_ptr<ArticleSource> {
       return std::make_unique<WholeFileSource>(InputFormat::kTxt, std::move(s),
                                                o.max_record_bytes);
     },
     DecodeTextFile},
    {InputFormat::kHtml,
     [](std::unique_ptr<ByteStream> s, const ReadOptions& o,
        uint64_t) -> std::unique_ptr<ArticleSource> {
       return std::make_unique<WholeFileSource>(
           InputFormat::kHtml, std::move(s), o.max_record_bytes);
     },
     DecodeHtmlFile},
    {InputFormat::kJsonl,
     [](std::unique_ptr<ByteStream> s, const ReadOptions& o,
        uint64_t lines) -> std::unique_ptr<ArticleSource> {
       return std::make_unique<JsonlSource>(std::move(s), o.max_record_bytes,
                                            lines);
     },
     DecodeJsonLine},
    {InputFormat::kWarc,
     [](std::unique_ptr<ByteStream> s, const ReadOptions& o, uint64_t) {
       return NewWarcSource(std::move(s), o.max_record_bytes);
     },
     DecodeWarcRecord},
};

// The row of `format`; plain text for kAuto.
const SourceKind& KindOf(InputFormat format) {
  for (const SourceKind& k : kSources) {
    if (k.format == format) return k;
  }
  return kSources[0];
}

}  // namespace

std::unique_ptr<ArticleSource> NewArticleSource(
    InputFormat format, std::unique_ptr<ByteStream> stream,
    const ReadOptions& options, uint64_t lines_before) {
  return KindOf(format).open(std::move(stream), options, lines_before);
}

Status OpenArticleSource(const std::string& path, const ReadOptions& options,
                         const ResumePoint& at,
                         std::unique_ptr<ArticleSource>* out,
                         InputFormat* format) {
  std::unique_ptr<ByteStream> stream;
  if (Status s = ByteStream::Open(path, &stream, at); !s.ok()) return s;
  *format = options.format;
  if (*format == InputFormat::kAuto) *format = FormatFromName(path);
  if (*format == InputFormat::kAuto) {
    stream->FillTo(4096);
    *format = FormatFromContent(stream->Buffered());
  }
  if (*format == InputFormat::kAuto) *format = InputFormat::kTxt;
  *out = NewArticleSource(*format, std::move(stream), options, at.line);
  return Status::Ok();
}

Status DecodeRecord(RawRecord& r, const ReadOptions& options,
                    DecodedRecord* out) {
  *out = DecodedRecord();
  return KindOf(r.format).decode(r, options, out);
}

void SetArticleIdentity(const std::string& source, const std::string& key,
                        Article* article) {
  article->source = source;
  article->article_id =
      ArticleIdForSource(key.empty() ? source : source + "#" + key);
}

}  // namespace byline
