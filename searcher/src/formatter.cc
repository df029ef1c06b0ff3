#include "byline/search/formatter.h"

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

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
          << "\n";
      if (hit.explanation) WriteExplanation(hit, out);
      out << "\n";
    }
    if (r.hits.empty()) {
      if (r.matches_upper_bound == 0) {
        out << "No passages match \"" << r.query << "\".\n";
        WriteSuggestion(r, out);
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
    WriteSuggestion(r, out);
    WriteFacets(r, out);
  }

 private:
  // "   score 6.393 = words 5.210 (missil 2.310, stoltenberg 2.900)
  //    + headline 0.183 + entities 1.000 (person jens stoltenberg 1.000)"
  static void WriteExplanation(const Hit& hit, std::ostream& out) {
    const Explanation& e = *hit.explanation;
    const auto num = [](double w) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.3f", w);
      return std::string(buf);
    };
    const auto list = [&](const std::vector<Explanation::Part>& parts) {
      std::string s;
      for (const auto& p : parts) {
        s += (s.empty() ? " (" : ", ") + ReadableTerm(p.term) + " " +
             num(p.weight);
      }
      return s.empty() ? s : s + ")";
    };
    out << "   score " << num(hit.score) << " = words " << num(e.words)
        << list(e.word_terms);
    if (e.headline > 0) out << " + headline " << num(e.headline);
    if (e.entities > 0) {
      out << " + entities " << num(e.entities) << list(e.entity_terms);
    }
    if (e.article > 0) out << " + article " << num(e.article);
    if (e.proximity > 0) out << " + proximity " << num(e.proximity);
    out << "\n";
  }

  // "Zmissil" -> "missil"; "XPERjens stoltenberg" -> "person jens
  // stoltenberg".
  static std::string ReadableTerm(const std::string& term) {
    static constexpr std::pair<std::string_view, std::string_view> kPrefixes[] =
        {{"XPER", "person "}, {"XORG", "org "}, {"XPLACE", "place "},
         {"XMDATE", "date "}, {"ZS", "title:"}, {"Z", ""}};
    for (const auto& [prefix, shown] : kPrefixes) {
      if (term.starts_with(prefix)) {
        std::string rest = term.substr(prefix.size());
        if (!rest.empty() && rest[0] == ':') rest.erase(0, 1);
        return std::string(shown) + rest;
      }
    }
    return term;
  }

  static void WriteSuggestion(const SearchResults& r, std::ostream& out) {
    if (!r.suggestion.empty()) {
      out << "Did you mean \"" << r.suggestion << "\"?\n";
    }
  }

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

nlohmann::ordered_json ProvenanceJson(const Hit::Provenance& p) {
  return {{"warc", p.warc},
          {"offset", p.offset},
          {"record_id", p.record_id},
          {"captured", p.captured}};
}

// [[start, end], ...]
nlohmann::ordered_json SpansJson(const std::vector<Span>& spans) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Span& s : spans) list.push_back({s.start, s.end});
  return list;
}

nlohmann::ordered_json EntitiesJson(const std::vector<EntityRef>& entities) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const EntityRef& e : entities) {
    list.push_back({{"type", EntityTypeName(e.type)},
                    {"name", e.name},
                    {"spans", SpansJson(e.spans)}});
  }
  return list;
}

// The JSON object of a hit (docs/cli/byline-search.md, "JSON output").
nlohmann::ordered_json HitJson(const Hit& hit) {
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
  if (hit.provenance) h["provenance"] = ProvenanceJson(*hit.provenance);
  if (!hit.replay_url.empty()) h["replay_url"] = hit.replay_url;
  h["passage"] = hit.passage;
  h["start"] = hit.start;
  h["end"] = hit.end;
  h["text"] = hit.text;
  h["snippet"] = hit.snippet;
  h["highlights"] = SpansJson(hit.highlights);
  if (hit.collapsed > 0) h["collapsed"] = hit.collapsed;
  h["copy_group"] = hit.copy_group;
  h["copies"] = hit.copies;
  h["entities"] = EntitiesJson(hit.entities);
  if (hit.explanation) {
    const Explanation& e = *hit.explanation;
    const auto terms = [](const std::vector<Explanation::Part>& parts) {
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      for (const auto& p : parts) {
        list.push_back({{"term", p.term}, {"weight", p.weight}});
      }
      return list;
    };
    h["explain"] = {{"words", e.words},
                    {"word_terms", terms(e.word_terms)},
                    {"headline", e.headline},
                    {"entities", e.entities},
                    {"entity_terms", terms(e.entity_terms)},
                    {"article", e.article},
                    {"proximity", e.proximity}};
  }
  return h;
}

// The facets members of the JSON output, added to `doc` (none without
// facets).
void AddFacets(const SearchResults& r, nlohmann::ordered_json* doc_ptr) {
  nlohmann::ordered_json& doc = *doc_ptr;
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
}

std::string Dump(const nlohmann::ordered_json& j, int indent) {
  // Invalid UTF-8 cannot reach here (the indexer repairs it), but a
  // replacement character beats an exception if a foreign database has it.
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The version of the JSON and JSON Lines output's shape: raised when a
// member changes meaning or goes; new members do not raise it.
constexpr int kJsonVersion = 1;

class JsonFormatter : public Formatter {
 public:
  void Write(const SearchResults& r, std::ostream& out) override {
    nlohmann::ordered_json doc;
    doc["version"] = kJsonVersion;
    doc["query"] = r.query;
    doc["matches_estimated"] = r.matches_estimated;
    if (!r.suggestion.empty()) doc["suggestion"] = r.suggestion;
    doc["hits"] = nlohmann::ordered_json::array();
    for (const Hit& hit : r.hits) doc["hits"].push_back(HitJson(hit));
    AddFacets(r, &doc);
    out << Dump(doc, 2) << "\n";
  }
};

// JSON Lines: a line per hit ({"hit": {...}}), then one line with the
// query, the match count and the facets, so a tool can stream the hits.
class JsonLinesFormatter : public Formatter {
 public:
  void Write(const SearchResults& r, std::ostream& out) override {
    for (const Hit& hit : r.hits) {
      nlohmann::ordered_json line;
      line["version"] = kJsonVersion;
      line["hit"] = HitJson(hit);
      out << Dump(line, -1) << "\n";
    }
    nlohmann::ordered_json last;
    last["version"] = kJsonVersion;
    last["query"] = r.query;
    last["matches_estimated"] = r.matches_estimated;
    if (!r.suggestion.empty()) last["suggestion"] = r.suggestion;
    last["hits"] = r.hits.size();
    AddFacets(r, &last);
    out << Dump(last, -1) << "\n";
  }
};

// A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line
// break, quotes doubled.
std::string CsvField(std::string_view v) {
  if (v.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(v);
  }
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// CSV: a header row, then a row per hit; the snippet as plain text, the
// entities as "type:name" joined by "; ". No facets (they are not rows).
class CsvFormatter : public Formatter {
 public:
  void Write(const SearchResults& r, std::ostream& out) override {
    out << "rank,score,article_id,source,record,title,url,published,"
           "passage,start,end,snippet,entities\r\n";
    for (const Hit& hit : r.hits) {
      char score[32];
      std::snprintf(score, sizeof score, "%.6f", hit.score);
      std::string entities;
      for (const EntityRef& e : hit.entities) {
        if (!entities.empty()) entities += "; ";
        entities += std::string(EntityTypeName(e.type)) + ":" + e.name;
      }
      const std::vector<std::string> fields = {
          std::to_string(hit.rank), score, hit.article_id, hit.source,
          hit.record, hit.title, hit.url, hit.published,
          std::to_string(hit.passage), std::to_string(hit.start),
          std::to_string(hit.end),
          CollapseWhitespace(SnippetToText(hit.snippet, "", "")), entities};
      for (size_t i = 0; i < fields.size(); ++i) {
        out << (i ? "," : "") << CsvField(fields[i]);
      }
      out << "\r\n";
    }
  }
};

}  // namespace

std::unique_ptr<Formatter> MakeFormatter(std::string_view name,
                                         const FormatOptions& options) {
  if (name == "text") return std::make_unique<TextFormatter>(options);
  if (name == "json") return std::make_unique<JsonFormatter>();
  if (name == "jsonl") return std::make_unique<JsonLinesFormatter>();
  if (name == "csv") return std::make_unique<CsvFormatter>();
  return nullptr;
}

std::string ArticleToJson(const ArticleResult& a) {
  const auto or_null = [](const std::string& v) {
    return v.empty() ? nlohmann::ordered_json(nullptr)
                     : nlohmann::ordered_json(v);
  };
  nlohmann::ordered_json doc;
  doc["version"] = kJsonVersion;
  doc["article_id"] = a.article_id;
  doc["source"] = a.source;
  if (!a.record.empty()) doc["record"] = a.record;
  doc["title"] = a.title;
  doc["url"] = or_null(a.url);
  doc["published"] = or_null(a.published);
  if (!a.author.empty()) doc["author"] = a.author;
  if (a.provenance) doc["provenance"] = ProvenanceJson(*a.provenance);
  doc["copy_group"] = a.copy_group;
  doc["copies"] = a.copies;
  doc["passages"] = nlohmann::ordered_json::array();
  for (const ArticlePassage& p : a.passages) {
    nlohmann::ordered_json j;
    j["passage"] = p.passage;
    j["start"] = p.start;
    j["end"] = p.end;
    j["text"] = p.text;
    j["entities"] = EntitiesJson(p.entities);
    doc["passages"].push_back(std::move(j));
  }
  return Dump(doc, 2) + "\n";
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
