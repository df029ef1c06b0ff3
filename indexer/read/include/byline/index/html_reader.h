// Reads one HTML page (bytes in any charset) into an article: title,
// publication date, author, canonical URL and the body paragraphs, without
// the navigation, share bars, related links, comments and footers around it.
//
// The body is found by a readability-style scorer over the DOM (gumbo):
// paragraph-like blocks score by length and commas, the score flows to their
// ancestors, class/id names and link density adjust it, the best container
// wins and its siblings that read like the same article join it. Inside the
// result, boilerplate blocks (link lists, share bars, forms) are cleaned out
// again. Metadata come from <meta>, JSON-LD (schema.org, @graph included),
// <link rel=canonical>, <time datetime> and itemprop attributes.
//
// Plain C++ over bytes: no I/O, no exceptions escape, stateless and
// thread-safe.
#ifndef BYLINE_INDEX_HTML_READER_H_
#define BYLINE_INDEX_HTML_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "byline/status.h"

namespace byline {

struct HtmlOptions {
  // Charset label from an HTTP Content-Type header, "" if none. Takes
  // precedence over <meta charset> (a byte order mark beats both).
  std::string charset_hint;
  // Keep every visible text block of the page instead of extracting the
  // article body: the "raw html-to-text" baseline for bench/html_eval.
  bool whole_page = false;
  // Keep <figcaption> text in the body.
  bool keep_captions = false;
};

struct HtmlArticle {
  std::string title;          // one line, site name suffix removed
  std::string published;      // ISO 8601 date ("2024-07-16") or date-time
                              // ("2024-07-16T09:30:00Z"), "" if none
  std::string author;         // "" if none; several are joined with ", "
  std::string canonical_url;  // <link rel=canonical> or og:url, "" if none
  std::string site_name;      // og:site_name, "" if none
  std::string charset;        // the charset the page was decoded from
  // The article body, one entry per block (<p>, heading, list item,
  // blockquote, <pre>, text separated by <br><br>), whitespace collapsed,
  // valid UTF-8. A heading equal to the title is left out.
  std::vector<std::string> paragraphs;
};

// How deep a page's elements nest and how many attributes its busiest tag
// has, from one linear scan of its tags (comments, doctype and the text of
// script, style, textarea and title skipped). Elements that HTML closes by
// itself (p, li, td, tr, option, ...) and void ones (br, img, ...) do not
// count towards the depth; an end tag of any other element closes one
// level. A bound on the work the HTML parser will do: gumbo, like the
// HTML5 parsing algorithm, checks the stack of open elements for each tag,
// so its time grows with depth x tags (40,000 nested <div> took 7 s), and
// with the square of one tag's attributes (100,000 took 17 s).
struct HtmlShape {
  size_t depth = 0;       // deepest nesting of counted elements
  size_t attributes = 0;  // most attributes on one tag
};
HtmlShape ScanHtmlShape(std::string_view html);

// Parses `bytes` into `*out` (overwritten). Fails with kBadInput only when
// the page has no text at all (title and body both empty); a page with
// metadata but no recognisable article still succeeds, with whatever text
// blocks it has.
[[nodiscard]] Status ParseHtml(std::string_view bytes,
                               const HtmlOptions& options, HtmlArticle* out);

// Normalises a date or date-time written in a page ("2024-07-16T09:30:00Z",
// "2024-07-16 09:30:00+0200", "2024/07/16", "Tue, 16 Jul 2024 09:30:00
// GMT", "July 16, 2024") to ISO 8601: "2024-07-16T09:30:00Z",
// "2024-07-16T09:30:00+02:00", "2024-07-16". "" when it finds no full date.
std::string NormaliseHtmlDate(std::string_view text);

// `title` without a trailing site name: " | Site", " - Site", " – Site",
// " — Site", " :: Site", " « Site". `site_name` ("" if unknown) is removed
// wherever it ends the title; otherwise only a short tail (at most four
// words) after a long enough head is taken for a site name.
std::string StripSiteName(std::string_view title, std::string_view site_name);

}  // namespace byline

#endif  // BYLINE_INDEX_HTML_READER_H_
