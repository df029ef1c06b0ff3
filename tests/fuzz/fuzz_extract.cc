// libFuzzer target: one input file of a given format (BYLINE_FUZZ_FORMAT,
// a byline::InputFormat; gzip is told by the bytes) through everything
// byline-index --extract does with it: framing, decoding (charsets, HTML,
// JSON, WARC/ARC records, gzip), splitting into passages, dates and
// entities. The entity model is loaded once.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

#include "byline/index/indexer.h"
#include "byline/ner/tagger.h"

namespace {

// Discards what the extractor writes.
class NullBuffer : public std::streambuf {
 protected:
  int overflow(int c) override { return c; }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

class QuietReporter : public byline::Reporter {
 public:
  void Skipped(std::string_view, const byline::Status&) override {}
  void Warning(std::string_view, std::string_view) override {}
};

const byline::NerTagger* Tagger() {
  static const std::unique_ptr<byline::NerTagger> tagger = [] {
    std::unique_ptr<byline::NerTagger> t;
    const byline::Status s =
        byline::NerTagger::Load(byline::DefaultNerModelPath(), &t);
    if (!s.ok()) {
      std::fprintf(stderr, "fuzz_extract: %s\n", s.message().c_str());
      std::abort();
    }
    return t;
  }();
  return tagger.get();
}

// The file each input is written to, removed when the process exits.
struct InputFile {
  std::string path = "/tmp/byline-fuzz-" + std::to_string(::getpid()) + ".input";
  ~InputFile() { std::remove(path.c_str()); }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const InputFile input;
  const std::string& path = input.path;
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data),
              static_cast<std::streamsize>(size));
  }
  byline::IndexOptions options;
  options.inputs = {path};
  options.format = byline::InputFormat::BYLINE_FUZZ_FORMAT;
  options.tagger = Tagger();
  options.jobs = 1;
  QuietReporter reporter;
  NullBuffer null;
  std::ostream sink(&null);
  byline::IndexSummary summary;
  (void)byline::RunExtract(options, reporter, sink, &summary);
  return 0;
}
