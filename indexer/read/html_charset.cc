#include "byline/index/html_charset.h"

#include <unicode/ucnv.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <cstdint>
#include <memory>

#include "byline/text.h"

namespace byline {
namespace {

constexpr size_t kPrescanBytes = 8192;


std::string LowerTrim(std::string_view s) {
  std::string out;
  for (char c : Trim(s)) out.push_back(AsciiLower(c));
  return out;
}

// Position of `needle` (lower-case) in `hay`, ignoring ASCII case.
size_t FindNoCase(std::string_view hay, std::string_view needle,
                  size_t from = 0) {
  if (needle.size() > hay.size()) return std::string_view::npos;
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && AsciiLower(hay[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

// The WHATWG label table, reduced to the labels seen on news sites. Returns
// "" for a label ICU cannot open.
std::string NormaliseLabel(std::string_view label, bool from_meta) {
  std::string l = LowerTrim(label);
  while (!l.empty() && (l.back() == '"' || l.back() == '\'')) l.pop_back();
  while (!l.empty() && (l.front() == '"' || l.front() == '\'')) l.erase(0, 1);
  if (l.empty()) return "";
  if (l == "utf8" || l == "unicode-1-1-utf-8") l = "utf-8";
  if (l == "iso-8859-1" || l == "iso8859-1" || l == "latin1" ||
      l == "latin-1" || l == "us-ascii" || l == "ascii" || l == "l1" ||
      l == "cp1252" || l == "x-cp1252" || l == "iso_8859-1") {
    l = "windows-1252";
  }
  if (l == "iso-8859-9" || l == "latin5") l = "windows-1254";
  if (l == "tis-620" || l == "iso-8859-11") l = "windows-874";
  if (l == "gb2312" || l == "x-gbk") l = "gbk";
  if (l == "x-sjis" || l == "sjis" || l == "ms_kanji") l = "shift_jis";
  if (from_meta && l.rfind("utf-16", 0) == 0) l = "utf-8";
  if (l == "utf-8") return l;
  UErrorCode err = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(l.c_str(), &err);
  if (U_FAILURE(err) || conv == nullptr) return "";
  ucnv_close(conv);
  return l;
}

// The value of charset=... in `text` (an attribute list or Content-Type).
std::string CharsetParameter(std::string_view text) {
  size_t pos = FindNoCase(text, "charset");
  while (pos != std::string_view::npos) {
    size_t i = pos + 7;
    while (i < text.size() && IsAsciiSpace(text[i])) ++i;
    if (i < text.size() && text[i] == '=') {
      ++i;
      while (i < text.size() && IsAsciiSpace(text[i])) ++i;
      char quote = 0;
      if (i < text.size() && (text[i] == '"' || text[i] == '\'')) {
        quote = text[i++];
      }
      size_t end = i;
      while (end < text.size() && text[end] != quote && text[end] != ';' &&
             text[end] != '>' && text[end] != '"' && text[end] != '\'' &&
             !IsAsciiSpace(text[end]) && !(quote == 0 && text[end] == '/')) {
        ++end;
      }
      if (end > i) return std::string(text.substr(i, end - i));
    }
    pos = FindNoCase(text, "charset", pos + 7);
  }
  return "";
}

// The charset declared by the first <meta> that declares one.
std::string MetaCharset(std::string_view bytes) {
  std::string_view head = bytes.substr(0, kPrescanBytes);
  size_t pos = 0;
  while ((pos = FindNoCase(head, "<meta", pos)) != std::string_view::npos) {
    size_t end = head.find('>', pos);
    if (end == std::string_view::npos) end = head.size();
    std::string_view tag = head.substr(pos + 5, end - pos - 5);
    std::string value = CharsetParameter(tag);
    if (!value.empty()) {
      std::string label = NormaliseLabel(value, /*from_meta=*/true);
      if (!label.empty()) return label;
    }
    pos = end;
  }
  return "";
}

}  // namespace

std::string CharsetFromContentType(std::string_view content_type) {
  return LowerTrim(CharsetParameter(content_type));
}

HtmlCharset DetectHtmlCharset(std::string_view bytes, std::string_view hint) {
  HtmlCharset result;
  const auto b = [&](size_t i) { return static_cast<uint8_t>(bytes[i]); };
  if (bytes.size() >= 3 && b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) {
    return {"utf-8", 3};
  }
  if (bytes.size() >= 2 && b(0) == 0xFF && b(1) == 0xFE) return {"utf-16le", 2};
  if (bytes.size() >= 2 && b(0) == 0xFE && b(1) == 0xFF) return {"utf-16be", 2};
  std::string label = NormaliseLabel(hint, /*from_meta=*/false);
  if (label.empty()) label = MetaCharset(bytes);
  if (label.empty()) {
    label = CheckUtf8(bytes).valid() ? "utf-8" : "windows-1252";
  }
  result.name = label;
  return result;
}

Status ConvertToUtf8(std::string_view bytes, std::string_view charset,
                     std::string* out) {
  std::string name(charset);
  if (name == "utf-8") {
    if (CheckUtf8(bytes).valid()) {
      out->assign(bytes);
    } else {
      *out = RepairUtf8(bytes);
    }
    return Status::Ok();
  }
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> from(
      ucnv_open(name.c_str(), &err), ucnv_close);
  if (U_FAILURE(err) || from == nullptr) {
    return InvalidArgument("unknown charset \"" + name + "\"");
  }
  std::unique_ptr<UConverter, void (*)(UConverter*)> to(
      ucnv_open("UTF-8", &err), ucnv_close);
  if (U_FAILURE(err) || to == nullptr) {
    return InvalidArgument("ICU has no UTF-8 converter");
  }
  // Single-byte input grows at most 3x; multi-byte input at most 2x.
  out->resize(bytes.size() * 3 + 16);
  char* target = out->data();
  const char* source = bytes.data();
  err = U_ZERO_ERROR;
  ucnv_convertEx(to.get(), from.get(), &target, out->data() + out->size(),
                 &source, bytes.data() + bytes.size(), nullptr, nullptr,
                 nullptr, nullptr, /*reset=*/true, /*flush=*/true, &err);
  if (U_FAILURE(err)) {
    return InvalidArgument(std::string("cannot convert from ") + name + ": " +
                           u_errorName(err));
  }
  out->resize(target - out->data());
  return Status::Ok();
}

}  // namespace byline
