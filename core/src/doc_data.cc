#include "byline/doc_data.h"

#include <nlohmann/json.hpp>

namespace byline {

std::string EncodeDocData(const StoredPassage& p) {
  nlohmann::ordered_json j;
  j["article_id"] = p.article_id;
  j["source"] = p.source;
  j["title"] = p.title;
  j["passage"] = p.passage;
  j["start"] = p.start;
  j["end"] = p.end;
  j["text"] = p.text;
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

bool DecodeDocData(std::string_view data, StoredPassage* out) {
  const auto j = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return false;
  try {
    out->article_id = j.at("article_id").get<std::string>();
    out->source = j.at("source").get<std::string>();
    out->title = j.at("title").get<std::string>();
    out->passage = j.at("passage").get<size_t>();
    out->start = j.at("start").get<size_t>();
    out->end = j.at("end").get<size_t>();
    out->text = j.at("text").get<std::string>();
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

}  // namespace byline
