// Finds the character encoding of an HTML page and converts it to UTF-8.
// Follows the HTML5 "encoding sniffing" order, simplified: byte order mark,
// then the transport (HTTP Content-Type) hint, then a <meta charset> or
// <meta http-equiv=content-type> in the first 8 KiB, then UTF-8 when the
// bytes are valid UTF-8 and windows-1252 when they are not. Plain C++ over
// bytes plus ICU ucnv; stateless and thread-safe; never throws.
#ifndef BYLINE_INDEX_HTML_CHARSET_H_
#define BYLINE_INDEX_HTML_CHARSET_H_

#include <string>
#include <string_view>

#include "byline/status.h"

namespace byline {

struct HtmlCharset {
  std::string name;      // canonical lower-case label, e.g. "utf-8",
                         // "windows-1252", "iso-8859-2"
  size_t bom_bytes = 0;  // length of a byte order mark to skip
};

// The charset in a Content-Type value ("text/html; charset=ISO-8859-2" ->
// "iso-8859-2"), or "" if it names none.
std::string CharsetFromContentType(std::string_view content_type);

// Decides the encoding of `bytes`. `hint` is a charset label from the
// transport ("" if none). Labels are normalised as the WHATWG Encoding
// standard does for the common cases: iso-8859-1, latin1 and us-ascii mean
// windows-1252; a utf-16 label inside <meta> means utf-8. Unknown labels
// are ignored.
HtmlCharset DetectHtmlCharset(std::string_view bytes, std::string_view hint);

// Converts `bytes` in `charset` to UTF-8 in `*out`. Sequences that cannot be
// converted become U+FFFD; UTF-8 input is repaired the same way. Fails with
// kInvalidArgument when ICU does not know the charset.
[[nodiscard]] Status ConvertToUtf8(std::string_view bytes,
                                   std::string_view charset, std::string* out);

}  // namespace byline

#endif  // BYLINE_INDEX_HTML_CHARSET_H_
