#include "byline/search/formatter.h"

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <utility>

#include "byline/text.h"

namespace byline {
namespace {

class TextFormatter : public Formatter {
 public:
  explicit TextFormatter(const FormatOptions& options) : options_(options) {}

  void Write(const SearchResults& r, std::ostream& out) override {
    const std::string_view on = options_.color ? "\x1b[1m" : "**";
    const std::string_view off = options_.color ? "\x1b[0m" : "**";
    for (const Hit& hit : r.hits) {
      char score[32];
      std::snprintf(score, sizeof score, "%.3f", hit.score);
      out << hit.rank << ". " << on << hit.title << off << "\n"
          << "   " << hit.source << (hit.record.empty() ? "" : " ")
          << hit.record << "  passage " << hit.passage << "  score " << score;
      if (!hit.published.empty()) out << "  " << hit.published;
      if (!hit.url.empty()) out << "\n   " << hit.url;
      if (hit.provenance) {
        out << "\n   captured " << hit.provenance->captured << ", record at byte "
            << hit.provenance->offset;
      }
      if (!hit.replay_url.empty()) out << "\n   replay: " << hit.replay_url;
      if (hit.collapsed > 0) {
        out << "  (+" << hit.collapsed << " more in this article"
            << (hit.copies > 0 ? " and its copies)" : ")");
      }
      if (hit.copies > 0) {
        out << "  (" << hit.copies << (hit.copies == 1 ? " copy" : " copies")
            << " elsewhere)";
      }
      out << "\n   " << CollapseWhitespace(SnippetToText(hit.snippet, on, off))
          << "\n\n";
    }
    if (r.hits.empty()) {
      if (r.matches_upper_bound == 0) {
        out << "No passages match \"" << r.query << "\".\n";
        return;
      }
      // --limit 0 (counts only) or an offset past the last hit.
      out << (r.matches_lower_bound == r.matches_upper_bound ? "" : "About ")
          << r.matches_estimated
          << (r.matches_estimated == 1 ? " passage matches" : " passages match")
          << " \"" << r.query << "\" (none shown).\n";
      WriteFacets(r, out);
      return;
    }
    out << "Passages " << r.offset + 1 << "-" << r.offset + r.hits.size()
        << " of "
        << (r.matches_lower_bound == r.matches_upper_bound ? "" : "about ")
        << r.matches_estimated << " for \"" << r.query << "\".\n";
    WriteFacets(r, out);
  }

 private:
  // One line per entity type: "  person  Jens Stoltenberg (5), ...".
  static void WriteFacets(const SearchResults& r, std::ostream& out) {
    bool any = false;
    for (const auto& [type, counts] : r.facets) any |= !counts.empty();
    if (!any) return;
    out << "\n" << (r.facets_exact ? "" : "Estimated: ")
        << "Entities in the matching "
        << (r.facets_count_articles ? "articles" : "passages") << ":\n";
    for (const auto& [type, counts] : r.facets) {
      if (counts.empty()) continue;
      std::string line = "  " + std::string(EntityTypeName(type));
      line.resize(10, ' ');
      for (size_t i = 0; i < counts.size(); ++i) {
        line += (i ? ", " : "") + counts[i].name + " (" +
                std::to_string(counts[i].count) + ")";
      }
      out << line << "\n";
    }
  }

  FormatOptions options_;
};

class JsonFormatter : public Formatter {
 public:
  void Write(const SearchResults& r, std::ostream& out) override {
    nlohmann::ordered_json doc;
    doc["query"] = r.query;
    doc["matches_estimated"] = r.matches_estimated;
    doc["hits"] = nlohmann::ordered_json::array();
    for (const Hit& hit : r.hits) {
      nlohmann::ordered_json h;
      h["rank"] = hit.rank;
      h["score"] = hit.score;
      h["article_id"] = hit.article_id;
      h["source"] = hit.source;
      h["title"] = hit.title;
      h["url"] = hit.url.empty() ? nlohmann::ordered_json(nullptr)
                                 : nlohmann::ordered_json(hit.url);
      h["published"] = hit.published.empty()
                           ? nlohmann::ordered_json(nullptr)
                           : nlohmann::ordered_json(hit.published);
      if (!hit.record.empty()) h["record"] = hit.record;
      if (!hit.author.empty()) h["author"] = hit.author;
      if (hit.provenance) {
        h["provenance"] = {{"warc", hit.provenance->warc},
                           {"offset", hit.provenance->offset},
                           {"record_id", hit.provenance->record_id},
                           {"captured", hit.provenance->captured}};
      }
      if (!hit.replay_url.empty()) h["replay_url"] = hit.replay_url;
      h["passage"] = hit.passage;
      h["start"] = hit.start;
      h["end"] = hit.end;
      h["text"] = hit.text;
      h["snippet"] = hit.snippet;
      if (hit.collapsed > 0) h["collapsed"] = hit.collapsed;
      h["copy_group"] = hit.copy_group;
      h["copies"] = hit.copies;
      h["entities"] = nlohmann::ordered_json::array();
      for (const EntityRef& e : hit.entities) {
        h["entities"].push_back(
            {{"type", EntityTypeName(e.type)}, {"name", e.name}});
      }
      doc["hits"].push_back(std::move(h));
    }
    if (!r.facets.empty()) {
      nlohmann::ordered_json facets = nlohmann::ordered_json::object();
      for (const auto& [type, counts] : r.facets) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const FacetCount& c : counts) {
          list.push_back({{"name", c.name}, {"count", c.count}});
        }
        facets[std::string(EntityTypeName(type))] = std::move(list);
      }
      doc["facets"] = std::move(facets);
      doc["facet_counts"] = r.facets_count_articles ? "articles" : "passages";
      doc["facets_exact"] = r.facets_exact;
    }
    // Invalid UTF-8 cannot reach here (the indexer repairs it), but a
    // replacement character beats an exception if a foreign database has it.
    out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
        << "\n";
  }
};

}  // namespace

std::unique_ptr<Formatter> MakeFormatter(std::string_view name,
                                         const FormatOptions& options) {
  if (name == "text") return std::make_unique<TextFormatter>(options);
  if (name == "json") return std::make_unique<JsonFormatter>();
  return nullptr;
}

std::string SnippetToText(std::string_view html, std::string_view hi_start,
                          std::string_view hi_end) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 7>
      kReplacements = {{{"<b>", ""},
                        {"</b>", ""},
                        {"&amp;", "&"},
                        {"&lt;", "<"},
                        {"&gt;", ">"},
                        {"&quot;", "\""},
                        {"&#39;", "'"}}};
  std::string out;
  out.reserve(html.size());
  size_t i = 0;
  while (i < html.size()) {
    bool replaced = false;
    if (html[i] == '<' || html[i] == '&') {
      for (const auto& [from, to] : kReplacements) {
        if (html.substr(i, from.size()) != from) continue;
        out.append(from == "<b>" ? hi_start : from == "</b>" ? hi_end : to);
        i += from.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out.push_back(html[i++]);
  }
  return out;
}

}  // namespace byline
