#include "byline/index/jsonl_reader.h"

#include <nlohmann/json.hpp>

#include "byline/index/date_extractor.h"
#include "byline/text.h"

namespace byline {
namespace {

using Json = nlohmann::json;

// The first of `names` present in `obj`, as text: strings as they are,
// numbers printed, arrays of strings (or of {"name": ...}) joined by ", ".
std::string Field(const Json& obj, const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    const auto it = obj.find(name);
    if (it == obj.end() || it->is_null()) continue;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number()) return it->dump();
    if (it->is_object() && it->contains("name") && (*it)["name"].is_string()) {
      return (*it)["name"].get<std::string>();
    }
    if (it->is_array()) {
      std::string joined;
      for (const Json& v : *it) {
        const std::string one =
            v.is_string() ? v.get<std::string>()
            : v.is_object() && v.contains("name") && v["name"].is_string()
                ? v["name"].get<std::string>()
                : std::string();
        if (one.empty()) continue;
        if (!joined.empty()) joined += ", ";
        joined += one;
      }
      return joined;
    }
  }
  return "";
}

// An ISO date from a date field: "2024-07-16T09:30:00Z" kept as is,
// "16 July 2024" -> "2024-07-16"; unreadable text kept as given.
std::string NormaliseDate(const std::string& date) {
  if (date.size() >= 10 && date[4] == '-' && date[7] == '-') return date;
  const auto found = FindDates(date, {0, date.size()});
  return found.empty() ? date : found.front().iso;
}

}  // namespace

Status ParseJsonLine(std::string_view line, const JsonlFields& fields,
                     size_t line_no, Article* article, std::string* id,
                     size_t max_depth) {
  line = Trim(line);
  // The parser tells the depth of each value it begins; past the limit the
  // parse stops at once, before the rest of the line is read into memory.
  struct TooDeep {};
  const Json::parser_callback_t depth_limit =
      [max_depth](int depth, Json::parse_event_t event, Json&) {
        if ((event == Json::parse_event_t::object_start ||
             event == Json::parse_event_t::array_start) &&
            static_cast<size_t>(depth) >= max_depth) {
          throw TooDeep{};
        }
        return true;
      };
  Json obj;
  try {
    obj = Json::parse(line, depth_limit, /*allow_exceptions=*/false);
  } catch (const TooDeep&) {
    return BadInput("JSON nested deeper than " + std::to_string(max_depth) +
                    " levels (--max-json-depth)");
  }
  if (obj.is_discarded()) {
    const Utf8Check utf8 = CheckUtf8(line);
    return BadInput(utf8.valid() ? "not valid JSON" : "invalid UTF-8 in JSON");
  }
  if (!obj.is_object()) return BadInput("not a JSON object");
  const std::string body = Field(obj, fields.text);
  const std::string title = Field(obj, fields.title);
  if (Trim(body).empty() && Trim(title).empty()) {
    return BadInput("no text (none of the fields " + fields.text.front() +
                    ", " + fields.title.front() + ", ... has any)");
  }
  *article = Article();
  ArticleFromParagraphs(title, SplitBody(body), article);
  article->record = "line " + std::to_string(line_no);
  article->url = Field(obj, fields.url);
  article->published = NormaliseDate(Field(obj, fields.date));
  article->author = Field(obj, fields.author);
  *id = Field(obj, fields.id);
  return Status::Ok();
}

void ParseJsonl(
    std::string_view content, const JsonlFields& fields,
    const std::function<void(Article&&, std::string)>& article,
    const std::function<void(size_t, const Status&)>& problem,
    size_t first_line) {
  size_t line_no = first_line - 1, pos = 0;
  while (pos < content.size()) {
    ++line_no;
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    const std::string_view line = Trim(content.substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty()) continue;
    Article a;
    std::string id;
    if (Status s = ParseJsonLine(line, fields, line_no, &a, &id); !s.ok()) {
      problem(line_no, s);
      continue;
    }
    article(std::move(a), std::move(id));
  }
}

}  // namespace byline
