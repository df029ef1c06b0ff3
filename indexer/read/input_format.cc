#include "byline/index/input_format.h"

#include <array>
#include <cctype>
#include <nlohmann/json.hpp>
#include <string>

#include "byline/text.h"

namespace byline {
namespace {


bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

constexpr std::array<std::string_view, 5> kNames = {"auto", "txt", "html",
                                                     "jsonl", "warc"};

}  // namespace

std::string_view InputFormatName(InputFormat format) {
  return kNames[static_cast<int>(format)];
}

std::optional<InputFormat> ParseInputFormat(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<InputFormat>(i);
  }
  return std::nullopt;
}

bool IsGzipName(std::string_view path) { return EndsWith(AsciiLower(path), ".gz"); }

InputFormat FormatFromName(std::string_view path) {
  std::string name = AsciiLower(path);
  if (EndsWith(name, ".gz")) name.resize(name.size() - 3);
  const size_t slash = name.find_last_of('/');
  const size_t dot = name.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) {
    return InputFormat::kAuto;
  }
  const std::string ext = name.substr(dot + 1);
  if (ext == "txt" || ext == "text") return InputFormat::kTxt;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return InputFormat::kHtml;
  if (ext == "jsonl" || ext == "ndjson") return InputFormat::kJsonl;
  if (ext == "warc" || ext == "arc") return InputFormat::kWarc;
  return InputFormat::kAuto;
}

InputFormat FormatFromContent(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  if (head.substr(0, 5) == "WARC/") return InputFormat::kWarc;
  size_t i = 0;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) {
    ++i;
  }
  const std::string start = AsciiLower(head.substr(i, 512));
  if (start.rfind("<!doctype html", 0) == 0 || start.rfind("<html", 0) == 0 ||
      start.rfind("<head", 0) == 0 ||
      (start.rfind("<!--", 0) == 0 && start.find("<html") != std::string::npos)) {
    return InputFormat::kHtml;
  }
  if (i < head.size() && head[i] == '{') {
    const size_t nl = head.find('\n', i);
    const std::string_view line = head.substr(i, nl == std::string_view::npos
                                                     ? std::string_view::npos
                                                     : nl - i);
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object()) return InputFormat::kJsonl;
  }
  return InputFormat::kTxt;
}

}  // namespace byline
