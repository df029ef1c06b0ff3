#include "byline/doc_data.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace byline {

std::string EncodeArticleData(const StoredPassage& p) {
  nlohmann::ordered_json j;
  j["article_id"] = p.article_id;
  j["source"] = p.source;
  j["title"] = p.title;
  // Optional fields are written only when known.
  if (!p.record.empty()) j["record"] = p.record;
  if (!p.url.empty()) j["url"] = p.url;
  if (!p.published.empty()) j["published"] = p.published;
  if (!p.author.empty()) j["author"] = p.author;
  if (p.has_capture) {
    j["capture"] = {{"offset", p.capture_offset},
                    {"record_id", p.record_id},
                    {"captured", p.captured},
                    {"digest", p.payload_digest}};
  }
  return j.dump();
}

bool DecodeArticleData(std::string_view data, StoredPassage* out) {
  const auto j = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return false;
  try {
    out->article_id = j.at("article_id").get<std::string>();
    out->source = j.at("source").get<std::string>();
    out->title = j.at("title").get<std::string>();
    out->record = j.value("record", "");
    out->url = j.value("url", "");
    out->published = j.value("published", "");
    out->author = j.value("author", "");
    out->has_capture = j.contains("capture");
    if (out->has_capture) {
      const auto& c = j.at("capture");
      out->capture_offset = c.at("offset").get<size_t>();
      out->record_id = c.at("record_id").get<std::string>();
      out->captured = c.at("captured").get<std::string>();
      out->payload_digest = c.at("digest").get<std::string>();
    }
  } catch (const nlohmann::json::exception&) {
    return false;
  }
  return true;
}

std::string EncodePassageValue(const StoredPassage& p) {
  return std::to_string(p.start) + " " + std::to_string(p.end) + "\n" + p.text;
}

bool DecodePassageValue(std::string_view value, StoredPassage* out) {
  const size_t nl = value.find('\n');
  if (nl == std::string_view::npos) return false;
  unsigned long long start = 0, end = 0;
  const std::string head(value.substr(0, nl));
  char extra;
  if (std::sscanf(head.c_str(), "%llu %llu%c", &start, &end, &extra) != 2 ||
      start > end) {
    return false;
  }
  out->start = static_cast<size_t>(start);
  out->end = static_cast<size_t>(end);
  out->text = std::string(value.substr(nl + 1));
  return true;
}

}  // namespace byline
