#include "byline/article.h"

#include <cstdint>
#include <cstdio>

#include "byline/text.h"

namespace byline {

uint64_t Fnv1a64(std::string_view bytes, uint64_t hash) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ULL;  // FNV-1a prime
  }
  return hash;
}

std::string Hex64(uint64_t value) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(value));
  return hex;
}

std::string ArticleIdForSource(std::string_view source) {
  return Hex64(Fnv1a64(source));
}

void ArticleFromParagraphs(std::string_view title,
                           const std::vector<std::string>& paragraphs,
                           Article* out) {
  out->title = CollapseWhitespace(title);
  out->text = out->title;
  out->title_range = {0, out->title.size()};
  out->paragraphs.clear();
  for (const std::string& p : paragraphs) {
    const std::string_view t = Trim(p);
    if (t.empty()) continue;
    if (!out->text.empty()) out->text += "\n\n";
    const size_t start = out->text.size();
    out->text.append(t);
    out->paragraphs.push_back({start, out->text.size()});
  }
  if (out->paragraphs.empty() && !out->title.empty()) {
    out->paragraphs.push_back(out->title_range);
  }
}

std::vector<std::string> SplitBody(std::string_view body) {
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos <= body.size();) {
    size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) nl = body.size();
    lines.push_back(body.substr(pos, nl - pos));
    pos = nl + 1;
  }
  bool blank_lines = false;  // a blank line between two lines of text
  for (size_t i = 1; i + 1 < lines.size(); ++i) {
    blank_lines |= Trim(lines[i]).empty();
  }
  std::vector<std::string> out;
  std::string current;
  const auto flush = [&] {
    if (!Trim(current).empty()) out.push_back(CollapseWhitespace(current));
    current.clear();
  };
  for (std::string_view line : lines) {
    if (Trim(line).empty()) {
      flush();
      continue;
    }
    current.append(line).push_back(' ');
    if (!blank_lines) flush();
  }
  flush();
  return out;
}

}  // namespace byline
