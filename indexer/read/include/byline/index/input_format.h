// Input formats and how Byline tells them apart: by the file's name
// (ignoring a .gz suffix), else by its first bytes. Plain C++; thread-safe.
#ifndef BYLINE_INDEX_INPUT_FORMAT_H_
#define BYLINE_INDEX_INPUT_FORMAT_H_

#include <optional>
#include <string_view>

namespace byline {

enum class InputFormat { kAuto, kTxt, kHtml, kJsonl, kWarc };

// "auto", "txt", "html", "jsonl", "warc".
std::string_view InputFormatName(InputFormat format);
std::optional<InputFormat> ParseInputFormat(std::string_view name);

// The format a file name says: .txt .text -> txt; .html .htm .xhtml ->
// html; .jsonl .ndjson -> jsonl; .warc .arc -> warc; each also with .gz.
// kAuto when the name says nothing.
InputFormat FormatFromName(std::string_view path);

// The format of (decompressed) content: "WARC/" -> warc; markup starting
// with <!doctype html>, <html or <head -> html; a first line that is a JSON
// object -> jsonl; anything else -> txt.
InputFormat FormatFromContent(std::string_view head);

// True for a .gz name.
bool IsGzipName(std::string_view path);

}  // namespace byline

#endif  // BYLINE_INDEX_INPUT_FORMAT_H_
