// byline-html-extract: runs the HTML reader on files and prints one JSON
// object per file (JSON Lines): {file, title, published, author,
// canonical_url, charset, text}, text being the paragraphs joined by "\n".
// Files ending in .gz are gunzipped. For bench/html_eval; not installed.
//
// Usage: byline-html-extract [--raw] [--captions] [--charset LABEL]
//                            [--repeat N] FILE...
//   --raw       all visible text of the page (the baseline), no extraction
//   --captions  keep <figcaption> text
//   --repeat N  parse everything N times and report the speed on stderr
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "byline/index/html_reader.h"

namespace {

bool ReadMaybeGzipped(const std::string& path, std::string* out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  int n;
  out->clear();
  while ((n = gzread(f, buf, sizeof buf)) > 0) out->append(buf, n);
  const bool ok = n == 0;
  gzclose(f);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  byline::HtmlOptions options;
  int repeat = 0;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--raw") {
      options.whole_page = true;
    } else if (a == "--captions") {
      options.keep_captions = true;
    } else if (a == "--charset" && i + 1 < argc) {
      options.charset_hint = argv[++i];
    } else if (a == "--repeat" && i + 1 < argc) {
      repeat = std::atoi(argv[++i]);
    } else if (a == "--help" || a == "-h") {
      std::cout << "byline-html-extract - print the article the HTML reader "
                   "finds in each file\n"
                   "usage: byline-html-extract [--raw] [--captions] "
                   "[--charset LABEL] [--repeat N] FILE...\n";
      return 0;
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) {
    std::cerr << "byline-html-extract: no input files (see --help)\n";
    return 2;
  }
  std::vector<std::string> pages(files.size());
  int exit_code = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    if (!ReadMaybeGzipped(files[i], &pages[i])) {
      std::cerr << "byline-html-extract: " << files[i] << ": cannot read\n";
      exit_code = 2;
    }
  }
  if (repeat > 0) {
    size_t bytes = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < repeat; ++r) {
      for (const std::string& page : pages) {
        byline::HtmlArticle article;
        (void)byline::ParseHtml(page, options, &article);
        bytes += page.size();
      }
    }
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    std::fprintf(stderr,
                 "byline-html-extract: %zu bytes in %.3f s: %.1f MB/s\n", bytes,
                 secs, bytes / secs / 1e6);
    return exit_code;
  }
  for (size_t i = 0; i < files.size(); ++i) {
    byline::HtmlArticle article;
    const byline::Status s = byline::ParseHtml(pages[i], options, &article);
    std::string text;
    for (const std::string& p : article.paragraphs) {
      if (!text.empty()) text += '\n';
      text += p;
    }
    nlohmann::json j = {{"file", files[i]},
                        {"title", article.title},
                        {"published", article.published},
                        {"author", article.author},
                        {"canonical_url", article.canonical_url},
                        {"charset", article.charset},
                        {"text", text}};
    if (!s.ok()) j["error"] = s.message();
    std::cout << j.dump(-1, ' ', false,
                        nlohmann::json::error_handler_t::replace)
              << '\n';
  }
  return exit_code;
}
