#include "byline/index/html_reader.h"

#include <gumbo.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <exception>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "byline/index/date_extractor.h"
#include "byline/index/html_charset.h"
#include "byline/text.h"

namespace byline {
namespace {

using Json = nlohmann::json;

// ---------------------------------------------------------------------------
// Small string helpers.



bool Contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

bool ContainsAny(std::string_view hay,
                 std::initializer_list<std::string_view> needles) {
  if (hay.empty()) return false;
  for (std::string_view n : needles) {
    if (Contains(hay, n)) return true;
  }
  return false;
}

// True if `word` occurs in `hay` delimited by non-alphanumerics (as the
// regex (\b|_)word(\b|_) would find it).
bool ContainsWord(std::string_view hay, std::string_view word) {
  size_t pos = 0;
  const auto is_alnum = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  };
  while ((pos = hay.find(word, pos)) != std::string_view::npos) {
    const size_t end = pos + word.size();
    if ((pos == 0 || !is_alnum(hay[pos - 1])) &&
        (end == hay.size() || !is_alnum(hay[end]))) {
      return true;
    }
    ++pos;
  }
  return false;
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<uint8_t>(c) & 0xC0) != 0x80;
  return n;
}

// Appends `text` to `*out`, turning every run of whitespace (ASCII and
// U+00A0) into one space; `*pending_space` carries a run across calls.
void AppendCollapsed(std::string_view text, std::string* out,
                     bool* pending_space) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    bool space = IsAsciiSpace(c);
    size_t skip = 0;
    if (!space && static_cast<uint8_t>(c) == 0xC2 && i + 1 < text.size() &&
        static_cast<uint8_t>(text[i + 1]) == 0xA0) {
      space = true;
      skip = 1;
    }
    if (space) {
      *pending_space = true;
      i += skip;
      continue;
    }
    if (*pending_space && !out->empty()) out->push_back(' ');
    *pending_space = false;
    out->push_back(c);
  }
}

std::string CollapseText(std::string_view text) {
  std::string out;
  bool pending = false;
  AppendCollapsed(text, &out, &pending);
  return out;
}

// Lower-case letters and digits only, for comparing titles with headings.
std::string Fingerprint(std::string_view s) {
  std::string out;
  for (char c : s) {
    const char l = AsciiLower(c);
    if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') ||
        (static_cast<uint8_t>(c) & 0x80)) {
      out.push_back(l);
    }
  }
  return out;
}

bool LooksLikeUrl(std::string_view s) {
  return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0 ||
         s.rfind("//", 0) == 0 || s.rfind("www.", 0) == 0;
}

const char* Attr(const GumboElement* e, const char* name) {
  if (e == nullptr) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&e->attributes, name);
  return a ? a->value : nullptr;
}

std::string_view AttrView(const GumboElement* e, const char* name) {
  const char* v = Attr(e, name);
  return v ? std::string_view(v) : std::string_view();
}

// ---------------------------------------------------------------------------
// A flat copy of the DOM in document (pre-)order, with the statistics the
// scorer needs. Text nodes are kept with their whitespace collapsed.

bool IsBlockTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_HTML:
      return true;
    default:
      return false;
  }
}

bool IsHeadingTag(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 ||
         t == GUMBO_TAG_H4 || t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
}

// Never visible text, whatever the mode.
bool IsInvisibleTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_META:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_AREA:
      return true;
    default:
      return false;
  }
}

struct Node {
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  bool is_text = false;
  int parent = -1;
  int end = 0;  // one past the last node of the subtree
  std::vector<int> children;
  std::string text;  // text nodes: collapsed, may start/end with one space
  const GumboElement* element = nullptr;
  std::string cls;      // lower-case class attribute
  std::string id;       // lower-case id attribute
  bool hidden = false;  // invisible tag or hidden by attribute or style

  // Filled per extraction attempt.
  bool removed = false;
  size_t chars = 0;       // text length in code points
  size_t link_chars = 0;  // ... inside <a>
  size_t commas = 0;
  size_t inline_chars = 0;  // text not inside a block-level child
  size_t inline_commas = 0;
  bool has_block_child = false;
  int p_count = 0, img_count = 0, li_count = 0, input_count = 0;
  int embed_count = 0, heading_chars = 0;
  double score = 0;
  bool candidate = false;
};

struct Dom {
  std::vector<Node> nodes;
  int body = -1;
};

void BuildDom(const GumboNode* root, Dom* dom) {
  std::vector<std::pair<const GumboNode*, int>> stack;
  stack.emplace_back(root, -1);
  dom->nodes.reserve(4096);
  while (!stack.empty()) {
    auto [g, parent] = stack.back();
    stack.pop_back();
    const int index = static_cast<int>(dom->nodes.size());
    if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE ||
        g->type == GUMBO_NODE_CDATA) {
      Node n;
      n.is_text = true;
      n.parent = parent;
      std::string_view raw(g->v.text.text);
      bool pending = false;
      if (!raw.empty() &&
          (IsAsciiSpace(raw.front()) || raw.rfind("\xC2\xA0", 0) == 0)) {
        n.text.push_back(' ');
      }
      AppendCollapsed(raw, &n.text, &pending);
      if (pending && n.text != " ") n.text.push_back(' ');
      if (n.text.empty()) continue;
      dom->nodes.push_back(std::move(n));
      if (parent >= 0) dom->nodes[parent].children.push_back(index);
      continue;
    }
    if (g->type != GUMBO_NODE_ELEMENT && g->type != GUMBO_NODE_TEMPLATE &&
        g->type != GUMBO_NODE_DOCUMENT) {
      continue;
    }
    Node n;
    n.parent = parent;
    const GumboVector* children;
    if (g->type == GUMBO_NODE_DOCUMENT) {
      n.tag = GUMBO_TAG_UNKNOWN;
      children = &g->v.document.children;
    } else {
      const GumboElement* e = &g->v.element;
      n.element = e;
      n.tag = g->type == GUMBO_NODE_TEMPLATE ? GUMBO_TAG_TEMPLATE : e->tag;
      children = &e->children;
      n.cls = AsciiLower(AttrView(e, "class"));
      n.id = AsciiLower(AttrView(e, "id"));
      n.hidden = IsInvisibleTag(n.tag) ||
                 gumbo_get_attribute(&e->attributes, "hidden") != nullptr;
      if (!n.hidden) {
        std::string_view aria = AttrView(e, "aria-hidden");
        if (aria == "true" && !Contains(n.cls, "fallback-image")) {
          n.hidden = true;
        }
      }
      if (!n.hidden) {
        std::string_view style = AttrView(e, "style");
        if (!style.empty()) {
          std::string s;
          for (char c : style) {
            if (!IsAsciiSpace(c)) s.push_back(AsciiLower(c));
          }
          n.hidden =
              Contains(s, "display:none") || Contains(s, "visibility:hidden");
        }
      }
      if (n.tag == GUMBO_TAG_BODY && dom->body < 0) dom->body = index;
    }
    dom->nodes.push_back(std::move(n));
    if (parent >= 0) dom->nodes[parent].children.push_back(index);
    for (size_t i = children->length; i-- > 0;) {
      stack.emplace_back(static_cast<const GumboNode*>(children->data[i]),
                         index);
    }
  }
  std::vector<Node>& nodes = dom->nodes;
  for (size_t i = 0; i < nodes.size(); ++i) nodes[i].end = i + 1;
  for (size_t i = nodes.size(); i-- > 0;) {
    const int p = nodes[i].parent;
    if (p >= 0) nodes[p].end = std::max(nodes[p].end, nodes[i].end);
  }
}

// The text of a subtree, collapsed to one line, hidden parts left out.
std::string SubtreeText(const Dom& dom, int index) {
  std::string out;
  bool pending = false;
  const Node& root = dom.nodes[index];
  for (int i = index; i < root.end; ++i) {
    const Node& n = dom.nodes[i];
    if (!n.is_text && n.hidden && i != index) {
      i = n.end - 1;
      continue;
    }
    if (n.is_text) AppendCollapsed(n.text, &out, &pending);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Class and id hints, after Mozilla Readability's regular expressions.

bool IsUnlikely(std::string_view s) {
  return ContainsAny(
      s,
      {"-ad-",       "ai2html",    "banner",     "breadcrumbs", "combx",
       "comment",    "community",  "cover-wrap", "disqus",      "extra",
       "footer",     "gdpr",       "header",     "legends",     "menu",
       "related",    "remark",     "replies",    "rss",         "shoutbox",
       "sidebar",    "skyscraper", "social",     "sponsor",     "supplemental",
       "ad-break",   "agegate",    "pagination", "pager",       "popup",
       "yom-remote", "cookie",     "newsletter", "subscribe"});
}

bool MaybeCandidate(std::string_view s) {
  return ContainsAny(
      s, {"and", "article", "body", "column", "content", "main", "shadow"});
}

bool IsNegative(std::string_view s) {
  return ContainsAny(
             s, {"-ad-",      "hidden",     "banner",  "combx",    "comment",
                 "com-",      "contact",    "foot",    "footer",   "footnote",
                 "gdpr",      "masthead",   "media",   "meta",     "outbrain",
                 "promo",     "related",    "scroll",  "share",    "shoutbox",
                 "sidebar",   "skyscraper", "sponsor", "shopping", "tags",
                 "tool",      "widget",     "taboola", "cookie",   "newsletter",
                 "subscribe", "byline",     "caption"}) ||
         ContainsWord(s, "hid") || ContainsWord(s, "ad") ||
         ContainsWord(s, "ads");
}

bool IsPositive(std::string_view s) {
  return ContainsAny(
      s, {"article", "body", "content", "entry", "hentry", "h-entry", "main",
          "page", "pagination", "post", "text", "blog", "story"});
}

bool IsBylineHint(std::string_view s) {
  return ContainsAny(s,
                     {"byline", "author", "dateline", "writtenby", "p-author"});
}

bool IsUnlikelyRole(std::string_view role) {
  return role == "menu" || role == "menubar" || role == "complementary" ||
         role == "navigation" || role == "alert" || role == "alertdialog" ||
         role == "dialog";
}

int ClassWeight(const Node& n) {
  int w = 0;
  if (!n.cls.empty()) {
    if (IsNegative(n.cls)) w -= 25;
    if (IsPositive(n.cls)) w += 25;
  }
  if (!n.id.empty()) {
    if (IsNegative(n.id)) w -= 25;
    if (IsPositive(n.id)) w += 25;
  }
  return w;
}

// ---------------------------------------------------------------------------
// Body extraction.

struct Flags {
  bool strip_unlikely = true;
  bool weight_classes = true;
  bool clean_conditionally = true;
};

class Extractor {
 public:
  Extractor(Dom* dom, const HtmlOptions& options)
      : dom_(*dom), nodes_(dom->nodes), options_(options) {}

  // Marks what never belongs to an article, then computes the statistics.
  void Prepare(const Flags& flags, bool whole_page) {
    flags_ = flags;
    MarkBylineBlocks();
    for (size_t i = 0; i < nodes_.size(); ++i) {
      Node& n = nodes_[i];
      n.removed = false;
      n.chars = n.link_chars = n.commas = 0;
      n.inline_chars = n.inline_commas = 0;
      n.has_block_child = false;
      n.p_count = n.img_count = n.li_count = n.input_count = 0;
      n.embed_count = n.heading_chars = 0;
      n.score = 0;
      n.candidate = false;
      if (n.parent >= 0 && nodes_[n.parent].removed) {
        n.removed = true;
        continue;
      }
      if (n.is_text) continue;
      if (n.hidden) {
        n.removed = true;
        continue;
      }
      if (whole_page) continue;
      n.removed = ShouldRemove(i);
    }
    ComputeStats();
  }

  // Returns the nodes whose text forms the article, in document order.
  std::vector<int> SelectContent() {
    const int body = dom_.body >= 0 ? dom_.body : 0;
    ScoreParagraphs();
    int top = -1;
    std::vector<int> candidates;
    for (size_t i = 0; i < nodes_.size(); ++i) {
      Node& n = nodes_[i];
      if (!n.candidate || n.removed) continue;
      n.score *= 1.0 - LinkDensity(n);
      candidates.push_back(static_cast<int>(i));
      if (top < 0 || n.score > nodes_[top].score) top = static_cast<int>(i);
    }
    if (top < 0 || top == body) return {body};
    top = RefineTop(top, candidates, body);
    if (top == body) return {body};

    // Siblings that read like part of the same article.
    const Node& t = nodes_[top];
    const int parent = t.parent;
    if (parent < 0) return {top};
    std::vector<int> selected;
    const double threshold = std::max(10.0, t.score * 0.2);
    for (int c : nodes_[parent].children) {
      const Node& s = nodes_[c];
      if (c == top) {
        selected.push_back(c);
        continue;
      }
      if (s.removed) continue;
      if (s.is_text) continue;
      double bonus = 0;
      if (!t.cls.empty() && s.cls == t.cls) bonus = t.score * 0.2;
      if (s.candidate && s.score + bonus >= threshold) {
        selected.push_back(c);
        continue;
      }
      if (s.tag == GUMBO_TAG_P) {
        const double ld = LinkDensity(s);
        if (s.chars > 80 && ld < 0.25) {
          selected.push_back(c);
        } else if (s.chars > 0 && s.chars < 80 && ld == 0) {
          std::string text = SubtreeText(dom_, c);
          if (Contains(text, ". ") || (!text.empty() && text.back() == '.')) {
            selected.push_back(c);
          }
        }
      }
    }
    return selected;
  }

  // Appends the block texts under `roots` to `*out`.
  void Emit(const std::vector<int>& roots, bool clean,
            std::vector<std::pair<std::string, bool>>* out) {
    for (int r : roots) EmitSubtree(r, clean, out);
  }

  size_t TextChars(const std::vector<int>& roots) const {
    size_t n = 0;
    for (int r : roots) n += nodes_[r].chars;
    return n;
  }

 private:
  bool ShouldRemove(size_t i) const {
    const Node& n = nodes_[i];
    switch (n.tag) {
      case GUMBO_TAG_NAV:
      case GUMBO_TAG_ASIDE:
      case GUMBO_TAG_FOOTER:
      case GUMBO_TAG_MENU:
        return true;
      case GUMBO_TAG_FIGCAPTION:
        return !options_.keep_captions;
      default:
        break;
    }
    if (n.element == nullptr) return false;
    if (byline_block_[i]) return true;
    if (IsUnlikelyRole(AttrView(n.element, "role"))) return true;
    // A byline block ("By Jane Doe | 16 July 2024") is metadata, not body.
    std::string_view rel = AttrView(n.element, "rel");
    std::string_view itemprop = AttrView(n.element, "itemprop");
    const std::string hint = n.cls + " " + n.id;
    if ((rel == "author" || Contains(itemprop, "author") ||
         IsBylineHint(hint)) &&
        n.tag != GUMBO_TAG_BODY && n.tag != GUMBO_TAG_ARTICLE &&
        n.tag != GUMBO_TAG_MAIN && SubtreeChars(i) < kBylineChars) {
      return true;
    }
    if (flags_.strip_unlikely && n.tag != GUMBO_TAG_BODY &&
        n.tag != GUMBO_TAG_A && n.tag != GUMBO_TAG_ARTICLE &&
        n.tag != GUMBO_TAG_MAIN && IsUnlikely(hint) && !MaybeCandidate(hint) &&
        !HasAncestor(i, GUMBO_TAG_TABLE) && !HasAncestor(i, GUMBO_TAG_CODE)) {
      return true;
    }
    return false;
  }

  // A short block around an author link or a publication time ("Posted
  // 28 October by Jane") is a byline, not body text.
  void MarkBylineBlocks() {
    byline_block_.assign(nodes_.size(), 0);
    for (size_t i = 0; i < nodes_.size(); ++i) {
      const Node& n = nodes_[i];
      if (n.element == nullptr || n.is_text) continue;
      const bool marker =
          ContainsWord(AsciiLower(AttrView(n.element, "rel")), "author") ||
          Contains(AttrView(n.element, "itemprop"), "author") ||
          n.tag == GUMBO_TAG_TIME;
      if (!marker) continue;
      int b = n.parent;
      while (b >= 0 && !IsBlockTag(nodes_[b].tag)) b = nodes_[b].parent;
      if (b < 0 || nodes_[b].tag == GUMBO_TAG_BODY ||
          nodes_[b].tag == GUMBO_TAG_ARTICLE ||
          nodes_[b].tag == GUMBO_TAG_MAIN) {
        continue;
      }
      if (SubtreeChars(b) < kBylineChars) byline_block_[b] = 1;
    }
  }

  size_t SubtreeChars(size_t index) const {
    size_t n = 0;
    for (int i = index; i < nodes_[index].end; ++i) {
      if (nodes_[i].is_text) n += CountCodePoints(nodes_[i].text);
    }
    return n;
  }

  bool HasAncestor(size_t i, GumboTag tag) const {
    for (int p = nodes_[i].parent; p >= 0; p = nodes_[p].parent) {
      if (nodes_[p].tag == tag) return true;
    }
    return false;
  }

  void ComputeStats() {
    for (size_t i = nodes_.size(); i-- > 0;) {
      Node& n = nodes_[i];
      const int p = n.parent;
      if (n.removed) {
        // Controls and embeds count against their container even though
        // their own text is gone.
        if (p >= 0 && !nodes_[p].removed && !n.is_text) {
          if (n.tag == GUMBO_TAG_INPUT) nodes_[p].input_count++;
          if (n.tag == GUMBO_TAG_IFRAME || n.tag == GUMBO_TAG_EMBED ||
              n.tag == GUMBO_TAG_OBJECT || n.tag == GUMBO_TAG_VIDEO) {
            nodes_[p].embed_count++;
          }
        }
        continue;
      }
      if (n.is_text) {
        std::string_view t = Trim(n.text);
        n.chars = CountCodePoints(t);
        n.commas = std::count(t.begin(), t.end(), ',');
        if (p >= 0) {
          Node& pn = nodes_[p];
          pn.chars += n.chars;
          pn.commas += n.commas;
          pn.inline_chars += n.chars;
          pn.inline_commas += n.commas;
          if (pn.tag == GUMBO_TAG_A) pn.link_chars += n.chars;
        }
        continue;
      }
      if (n.tag == GUMBO_TAG_A) n.link_chars = n.chars;
      if (IsHeadingTag(n.tag)) n.heading_chars = n.chars;
      if (n.tag == GUMBO_TAG_P) n.p_count++;
      if (n.tag == GUMBO_TAG_IMG) n.img_count++;
      if (n.tag == GUMBO_TAG_LI) n.li_count++;
      if (p < 0) continue;
      Node& pn = nodes_[p];
      pn.chars += n.chars;
      pn.link_chars += n.link_chars;
      pn.commas += n.commas;
      pn.p_count += n.p_count;
      pn.img_count += n.img_count;
      pn.li_count += n.li_count;
      pn.input_count += n.input_count;
      pn.embed_count += n.embed_count;
      pn.heading_chars += n.heading_chars;
      if (IsBlockTag(n.tag)) {
        pn.has_block_child = true;
      } else {
        pn.inline_chars += n.chars;
        pn.inline_commas += n.commas;
      }
    }
  }

  static double LinkDensity(const Node& n) {
    return n.chars == 0 ? 0.0 : static_cast<double>(n.link_chars) / n.chars;
  }

  void Initialize(int i) {
    Node& n = nodes_[i];
    if (n.candidate) return;
    n.candidate = true;
    double s = 0;
    switch (n.tag) {
      case GUMBO_TAG_DIV:
        s = 5;
        break;
      case GUMBO_TAG_PRE:
      case GUMBO_TAG_TD:
      case GUMBO_TAG_BLOCKQUOTE:
        s = 3;
        break;
      case GUMBO_TAG_ADDRESS:
      case GUMBO_TAG_OL:
      case GUMBO_TAG_UL:
      case GUMBO_TAG_DL:
      case GUMBO_TAG_DD:
      case GUMBO_TAG_DT:
      case GUMBO_TAG_LI:
      case GUMBO_TAG_FORM:
        s = -3;
        break;
      case GUMBO_TAG_H1:
      case GUMBO_TAG_H2:
      case GUMBO_TAG_H3:
      case GUMBO_TAG_H4:
      case GUMBO_TAG_H5:
      case GUMBO_TAG_H6:
      case GUMBO_TAG_TH:
        s = -5;
        break;
      case GUMBO_TAG_ARTICLE:
      case GUMBO_TAG_MAIN:
        s = 10;
        break;
      default:
        break;
    }
    if (flags_.weight_classes) s += ClassWeight(n);
    n.score = s;
  }

  void AddToAncestors(int first, double score) {
    int level = 0;
    for (int a = first; a >= 0 && level < 5; a = nodes_[a].parent, ++level) {
      Node& n = nodes_[a];
      if (n.element == nullptr || n.tag == GUMBO_TAG_HTML) break;
      Initialize(a);
      const double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      n.score += score / divider;
    }
  }

  void ScoreParagraphs() {
    for (size_t i = 0; i < nodes_.size(); ++i) {
      const Node& n = nodes_[i];
      if (n.is_text || n.removed || n.element == nullptr) continue;
      const bool paragraph_tag =
          n.tag == GUMBO_TAG_P || n.tag == GUMBO_TAG_PRE ||
          n.tag == GUMBO_TAG_TD || n.tag == GUMBO_TAG_H2 ||
          n.tag == GUMBO_TAG_H3 || n.tag == GUMBO_TAG_H4 ||
          n.tag == GUMBO_TAG_H5 || n.tag == GUMBO_TAG_H6;
      const bool container_tag =
          n.tag == GUMBO_TAG_DIV || n.tag == GUMBO_TAG_SECTION ||
          n.tag == GUMBO_TAG_ARTICLE || n.tag == GUMBO_TAG_MAIN ||
          n.tag == GUMBO_TAG_CENTER || n.tag == GUMBO_TAG_BLOCKQUOTE;
      if (paragraph_tag || (container_tag && !n.has_block_child)) {
        if (n.chars < 25) continue;
        // A paragraph inside a paragraph (p in td) is scored once.
        if (n.tag == GUMBO_TAG_TD && n.has_block_child) continue;
        const double score =
            1 + (n.commas + 1) + std::min<double>(n.chars / 100, 3);
        AddToAncestors(n.parent, score);
      } else if (container_tag && n.inline_chars >= 25) {
        // Text directly in a container that also has blocks: the
        // container is its paragraph's parent.
        const double score = 1 + (n.inline_commas + 1) +
                             std::min<double>(n.inline_chars / 100, 3);
        AddToAncestors(static_cast<int>(i), score);
      }
    }
  }

  bool IsAncestor(int a, int d) const { return a <= d && d < nodes_[a].end; }

  int RefineTop(int top, const std::vector<int>& candidates, int body) {
    // Several strong candidates under one ancestor: the article is split
    // into sections, take the ancestor.
    const double top_score = nodes_[top].score;
    std::vector<int> alternatives;
    for (int c : candidates) {
      if (c != top && nodes_[c].score >= 0.75 * top_score) {
        alternatives.push_back(c);
      }
    }
    if (alternatives.size() >= 3) {
      for (int p = nodes_[top].parent; p >= 0 && p != body;
           p = nodes_[p].parent) {
        int inside = 0;
        for (int a : alternatives) inside += IsAncestor(p, a);
        if (inside >= 3) {
          top = p;
          break;
        }
      }
    }
    Initialize(top);
    // Climb while the parent scores higher: the paragraphs may be spread
    // over wrappers.
    double last = nodes_[top].score;
    const double threshold = last / 3;
    for (int p = nodes_[top].parent; p >= 0 && p != body;
         p = nodes_[p].parent) {
      if (!nodes_[p].candidate) continue;
      if (nodes_[p].score < threshold) break;
      if (nodes_[p].score > last) {
        top = p;
        break;
      }
      last = nodes_[p].score;
    }
    // An only child says nothing its parent does not.
    for (int p = nodes_[top].parent; p >= 0 && p != body;
         p = nodes_[p].parent) {
      int element_children = 0;
      for (int c : nodes_[p].children) {
        if (!nodes_[c].is_text && !nodes_[c].removed) ++element_children;
      }
      if (element_children != 1) break;
      top = p;
    }
    Initialize(top);
    return top;
  }

  // Readability's _cleanConditionally: containers that look like link
  // lists, share bars, forms or image strips are dropped from the body.
  bool ShouldClean(int i) const {
    const Node& n = nodes_[i];
    const bool list = n.tag == GUMBO_TAG_UL || n.tag == GUMBO_TAG_OL;
    if (IsHeadingTag(n.tag)) {
      return flags_.weight_classes && ClassWeight(n) < 0;
    }
    const std::string hint = n.cls + " " + n.id;
    if (n.chars < 500 &&
        (ContainsWord(hint, "share") || ContainsWord(hint, "sharedaddy"))) {
      return true;
    }
    if (!flags_.clean_conditionally) return false;
    if (!(list || n.tag == GUMBO_TAG_DIV || n.tag == GUMBO_TAG_SECTION ||
          n.tag == GUMBO_TAG_TABLE || n.tag == GUMBO_TAG_FORM ||
          n.tag == GUMBO_TAG_FIELDSET)) {
      return false;
    }
    const int weight = flags_.weight_classes ? ClassWeight(n) : 0;
    const double content_score = n.candidate ? n.score : 0;
    if (weight + content_score < 0) return true;
    if (n.commas >= 10) return false;
    const bool in_figure = HasAncestor(i, GUMBO_TAG_FIGURE);
    const int p = n.p_count, img = n.img_count, li = n.li_count - 100;
    const int input = n.input_count;
    const double heading_density =
        n.chars == 0 ? 0 : static_cast<double>(n.heading_chars) / n.chars;
    const double ld = LinkDensity(n);
    const size_t len = n.chars;
    bool remove =
        (img > 1 && static_cast<double>(p) / img < 0.5 && !in_figure) ||
        (!list && li > p) || (input > p / 3) ||
        (!list && heading_density < 0.9 && len < 25 && (img == 0 || img > 2) &&
         !in_figure) ||
        (!list && weight < 25 && ld > 0.2) || (weight >= 25 && ld > 0.5) ||
        (n.embed_count == 1 && len < 75) || n.embed_count > 1;
    return remove;
  }

  // A paragraph or list item that is all link text ("Read more: ...",
  // a related headline) points elsewhere; it is not part of this article.
  static bool IsLinkBlock(const Node& n) {
    if (n.tag != GUMBO_TAG_P && n.tag != GUMBO_TAG_LI &&
        n.tag != GUMBO_TAG_DD && n.tag != GUMBO_TAG_DT) {
      return false;
    }
    return n.chars > 0 && n.link_chars >= kLinkBlockDensity * n.chars;
  }

  void EmitSubtree(int root, bool clean,
                   std::vector<std::pair<std::string, bool>>* out) {
    std::string buffer;
    bool pending_space = false;
    bool heading = false;
    int brs = 0;
    const auto flush = [&] {
      std::string_view t = Trim(buffer);
      if (!t.empty()) out->emplace_back(std::string(t), heading);
      buffer.clear();
      pending_space = false;
      heading = false;
      brs = 0;
    };
    std::vector<int> open_blocks;  // end indices
    std::vector<bool> open_heading;
    int heading_depth = 0;
    const int end = nodes_[root].end;
    for (int i = root; i < end; ++i) {
      while (!open_blocks.empty() && open_blocks.back() <= i) {
        open_blocks.pop_back();
        if (open_heading.back()) --heading_depth;
        open_heading.pop_back();
        flush();
      }
      const Node& n = nodes_[i];
      if (n.is_text) {
        if (n.removed) continue;
        if (Trim(n.text).empty()) {
          if (!buffer.empty()) pending_space = true;
          continue;
        }
        brs = 0;
        if (heading_depth > 0) heading = true;
        AppendCollapsed(n.text, &buffer, &pending_space);
        continue;
      }
      if (n.removed || (clean && i != root && ShouldClean(i)) ||
          (clean && IsLinkBlock(n))) {
        i = n.end - 1;
        continue;
      }
      if (n.tag == GUMBO_TAG_BR) {
        if (++brs >= 2) {
          flush();
        } else {
          pending_space = true;
        }
        continue;
      }
      if (IsBlockTag(n.tag) || n.tag == GUMBO_TAG_UNKNOWN) {
        flush();
        open_blocks.push_back(n.end);
        const bool h = IsHeadingTag(n.tag);
        open_heading.push_back(h);
        if (h) ++heading_depth;
      }
    }
    flush();
  }

  Dom& dom_;
  std::vector<Node>& nodes_;
  const HtmlOptions& options_;
  static constexpr size_t kBylineChars = 100;
  static constexpr double kLinkBlockDensity = 0.8;

  Flags flags_;
  std::vector<char> byline_block_;
};

// ---------------------------------------------------------------------------
// Metadata.

struct LdInfo {
  std::string article_date, other_date;
  std::vector<std::string> authors;
  std::vector<std::string> author_ids;
  std::unordered_map<std::string, std::string> names_by_id;
  std::string headline;
};

bool HasArticleType(const Json& j) {
  auto check = [](const std::string& t) {
    return Contains(t, "Article") || Contains(t, "BlogPosting") ||
           t == "Report" || Contains(t, "Posting");
  };
  auto it = j.find("@type");
  if (it == j.end()) return false;
  if (it->is_string()) return check(it->get_ref<const std::string&>());
  if (it->is_array()) {
    for (const Json& t : *it) {
      if (t.is_string() && check(t.get_ref<const std::string&>())) return true;
    }
  }
  return false;
}

void CollectAuthors(const Json& a, LdInfo* info) {
  if (a.is_string()) {
    info->authors.push_back(a.get<std::string>());
  } else if (a.is_array()) {
    for (const Json& x : a) CollectAuthors(x, info);
  } else if (a.is_object()) {
    auto name = a.find("name");
    if (name != a.end() && name->is_string()) {
      info->authors.push_back(name->get<std::string>());
    } else {
      auto id = a.find("@id");
      if (id != a.end() && id->is_string()) {
        info->author_ids.push_back(id->get<std::string>());
      }
    }
  }
}

void WalkJsonLd(const Json& j, LdInfo* info, int depth) {
  if (depth > 8) return;
  if (j.is_array()) {
    for (const Json& x : j) WalkJsonLd(x, info, depth + 1);
    return;
  }
  if (!j.is_object()) return;
  auto id = j.find("@id");
  auto name = j.find("name");
  if (id != j.end() && id->is_string() && name != j.end() &&
      name->is_string()) {
    info->names_by_id.emplace(id->get<std::string>(), name->get<std::string>());
  }
  const bool article = HasArticleType(j);
  auto date = j.find("datePublished");
  if (date != j.end() && date->is_string()) {
    std::string& slot = article ? info->article_date : info->other_date;
    if (slot.empty()) slot = date->get<std::string>();
  }
  if (article) {
    auto author = j.find("author");
    if (author != j.end() && info->authors.empty() &&
        info->author_ids.empty()) {
      CollectAuthors(*author, info);
    }
    auto headline = j.find("headline");
    if (headline != j.end() && headline->is_string() &&
        info->headline.empty()) {
      info->headline = headline->get<std::string>();
    }
  }
  for (const char* key : {"@graph", "mainEntity", "mainEntityOfPage"}) {
    auto it = j.find(key);
    if (it != j.end() && (it->is_array() || it->is_object())) {
      WalkJsonLd(*it, info, depth + 1);
    }
  }
}

struct PageMeta {
  std::unordered_map<std::string, std::string> meta;  // first value per key
  std::string title_tag;
  std::string canonical;
  std::string rel_author;
  std::string itemprop_date;
  std::string itemprop_author;
  std::vector<std::pair<int, std::string>> times;  // node, datetime
  std::vector<std::pair<int, std::string>> h1s;    // node, text
  LdInfo ld;
};

std::string RawText(const GumboElement* e) {
  std::string out;
  for (size_t i = 0; i < e->children.length; ++i) {
    const GumboNode* c = static_cast<const GumboNode*>(e->children.data[i]);
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA ||
        c->type == GUMBO_NODE_WHITESPACE) {
      out += c->v.text.text;
    }
  }
  return out;
}

void CollectMeta(const Dom& dom, PageMeta* pm) {
  static const char* const kMetaKeys[] = {"og:title",
                                          "twitter:title",
                                          "og:url",
                                          "og:site_name",
                                          "article:published_time",
                                          "og:article:published_time",
                                          "datepublished",
                                          "date",
                                          "pubdate",
                                          "publishdate",
                                          "publish-date",
                                          "dc.date",
                                          "dc.date.issued",
                                          "dcterms.created",
                                          "dcterms.date",
                                          "sailthru.date",
                                          "parsely-pub-date",
                                          "article.published",
                                          "publish_date",
                                          "author",
                                          "article:author",
                                          "dc.creator",
                                          "parsely-author",
                                          "sailthru.author",
                                          "byl",
                                          "twitter:creator",
                                          "citation_publication_date",
                                          "citation_author"};
  for (size_t i = 0; i < dom.nodes.size(); ++i) {
    const Node& n = dom.nodes[i];
    if (n.is_text || n.element == nullptr) continue;
    const GumboElement* e = n.element;
    switch (n.tag) {
      case GUMBO_TAG_META: {
        std::string_view content = AttrView(e, "content");
        if (content.empty()) break;
        for (const char* attr : {"property", "name", "itemprop"}) {
          std::string key = AsciiLower(Trim(AttrView(e, attr)));
          if (key.empty()) continue;
          for (const char* k : kMetaKeys) {
            if (key == k) {
              pm->meta.emplace(key, CollapseText(content));
              break;
            }
          }
        }
        break;
      }
      case GUMBO_TAG_TITLE:
        if (pm->title_tag.empty()) pm->title_tag = CollapseText(RawText(e));
        break;
      case GUMBO_TAG_LINK: {
        std::string rel = AsciiLower(AttrView(e, "rel"));
        if (ContainsWord(rel, "canonical") && pm->canonical.empty()) {
          pm->canonical = std::string(Trim(AttrView(e, "href")));
        }
        break;
      }
      case GUMBO_TAG_SCRIPT: {
        std::string type = AsciiLower(Trim(AttrView(e, "type")));
        if (type == "application/ld+json") {
          Json j = Json::parse(RawText(e), nullptr, /*allow_exceptions=*/false);
          if (!j.is_discarded()) WalkJsonLd(j, &pm->ld, 0);
        }
        break;
      }
      case GUMBO_TAG_TIME: {
        std::string_view dt = AttrView(e, "datetime");
        if (!dt.empty()) pm->times.emplace_back(i, std::string(dt));
        break;
      }
      case GUMBO_TAG_H1:
        if (!n.hidden) pm->h1s.emplace_back(i, SubtreeText(dom, i));
        break;
      default:
        break;
    }
    std::string_view itemprop = AttrView(e, "itemprop");
    if (!itemprop.empty() && n.tag != GUMBO_TAG_META) {
      if (itemprop == "datePublished" && pm->itemprop_date.empty()) {
        std::string_view v = AttrView(e, "content");
        if (v.empty()) v = AttrView(e, "datetime");
        pm->itemprop_date = v.empty() ? SubtreeText(dom, i) : std::string(v);
      } else if (itemprop == "author" && pm->itemprop_author.empty()) {
        std::string name;
        for (int k = i + 1; k < n.end; ++k) {
          const Node& c = dom.nodes[k];
          if (c.element && AttrView(c.element, "itemprop") == "name") {
            std::string_view v = AttrView(c.element, "content");
            name = v.empty() ? SubtreeText(dom, k) : std::string(v);
            break;
          }
        }
        if (name.empty()) name = SubtreeText(dom, i);
        pm->itemprop_author = name;
      }
    }
    if (n.tag == GUMBO_TAG_A && pm->rel_author.empty() &&
        ContainsWord(AsciiLower(AttrView(e, "rel")), "author")) {
      pm->rel_author = SubtreeText(dom, i);
    }
  }
}

std::string MetaValue(const PageMeta& pm, std::string_view key) {
  auto it = pm.meta.find(std::string(key));
  return it == pm.meta.end() ? std::string() : it->second;
}

// A plausible person's name: not a URL, not too long.
std::string CleanAuthor(std::string_view s) {
  std::string a = CollapseText(s);
  if (a.empty() || LooksLikeUrl(a) || CountCodePoints(a) > 100) return "";
  std::string lower = AsciiLower(a);
  if (lower.rfind("by ", 0) == 0) a = a.substr(3);
  if (!a.empty() && a[0] == '@') return "";
  return std::string(Trim(a));
}

int Digits(std::string_view s, size_t pos, size_t count) {
  if (pos + count > s.size()) return -1;
  int v = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

// A short line that only says who wrote the article or when: "By Jane
// Doe", "Jane Doe", "Published: 10:48, Tue, Nov 19, 2019".
bool IsBylineLine(std::string_view text, std::string_view author) {
  if (CountCodePoints(text) > 100) return false;
  const std::string lower = AsciiLower(text);
  if (!author.empty() && Fingerprint(text) == Fingerprint(author)) return true;
  if (lower == "by" || lower == "by:") return true;
  for (std::string_view prefix :
       {"by ", "by: ", "published ", "published: ", "updated ", "updated: ",
        "posted ", "posted: ", "last updated", "posted on ", "published on "}) {
    if (lower.rfind(prefix, 0) == 0 && CountWords(text) <= 12) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string NormaliseHtmlDate(std::string_view text) {
  std::string_view s = Trim(text);
  char buf[40];
  // ISO-like: YYYY-MM-DD or YYYY/MM/DD or YYYYMMDD, then an optional time.
  const int year = Digits(s, 0, 4);
  if (year >= 1000) {
    int month = -1, day = -1;
    size_t pos = 0;
    if (s.size() >= 10 && (s[4] == '-' || s[4] == '/' || s[4] == '.') &&
        s[7] == s[4]) {
      month = Digits(s, 5, 2);
      day = Digits(s, 8, 2);
      pos = 10;
    } else if (s.size() >= 8 && Digits(s, 4, 4) >= 0 &&
               (s.size() == 8 || s[8] == 'T')) {
      month = Digits(s, 4, 2);
      day = Digits(s, 6, 2);
      pos = 8;
    }
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
      std::string out = buf;
      if (pos < s.size() && (s[pos] == 'T' || s[pos] == ' ')) {
        const int hh = Digits(s, pos + 1, 2);
        const int mm = pos + 3 < s.size() && s[pos + 3] == ':'
                           ? Digits(s, pos + 4, 2)
                           : -1;
        if (hh >= 0 && hh < 24 && mm >= 0 && mm < 60) {
          int ss = 0;
          size_t p = pos + 6;
          if (p < s.size() && s[p] == ':') {
            ss = Digits(s, p + 1, 2);
            if (ss < 0 || ss > 60) return out;
            p += 3;
          }
          if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
            ++p;
            while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
          }
          std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", hh, mm, ss);
          out += buf;
          while (p < s.size() && s[p] == ' ') ++p;
          if (p < s.size() && (s[p] == 'Z' || s[p] == 'z')) {
            out += 'Z';
          } else if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
            const int zh = Digits(s, p + 1, 2);
            int zm = 0;
            if (p + 3 < s.size() && s[p + 3] == ':') {
              zm = Digits(s, p + 4, 2);
            } else if (p + 3 < s.size()) {
              zm = Digits(s, p + 3, 2);
            }
            if (zh >= 0 && zh <= 14 && zm >= 0 && zm < 60) {
              std::snprintf(buf, sizeof buf, "%c%02d:%02d", s[p], zh, zm);
              out += (zh == 0 && zm == 0) ? std::string("Z") : buf;
            }
          } else if (s.size() >= p + 3 && AsciiLower(s.substr(p, 3)) == "gmt") {
            out += 'Z';
          }
        }
      }
      return out;
    }
  }
  // Written dates ("Tue, 16 Jul 2024 09:30:00 GMT", "July 16, 2024").
  for (const DateMention& d : FindDates(s, {0, s.size()})) {
    if (d.iso.size() == 10 && d.iso[4] == '-') return d.iso;
  }
  return "";
}

std::string StripSiteName(std::string_view title, std::string_view site_name) {
  std::string t = CollapseText(title);
  static const char* const kSeparators[] = {
      " | ",       " - ",        " \xE2\x80\x93 ", " \xE2\x80\x94 ",
      " :: ",      " \xC2\xAB ", " \xC2\xBB ",     " / ",
      " \xC2\xB7 "};
  std::string site = CollapseText(site_name);
  if (!site.empty() && t.size() > site.size()) {
    for (const char* sep : kSeparators) {
      const std::string tail = std::string(sep) + site;
      if (t.size() > tail.size() &&
          AsciiLower(t.substr(t.size() - tail.size())) == AsciiLower(tail)) {
        return t.substr(0, t.size() - tail.size());
      }
      const std::string head = site + sep;
      if (t.size() > head.size() &&
          AsciiLower(t.substr(0, head.size())) == AsciiLower(head)) {
        return t.substr(head.size());
      }
    }
  }
  // The last separator; the tail must be short and the head long enough.
  size_t best = std::string::npos, best_len = 0;
  for (const char* sep : kSeparators) {
    const size_t pos = t.rfind(sep);
    if (pos != std::string::npos && (best == std::string::npos || pos > best)) {
      best = pos;
      best_len = std::strlen(sep);
    }
  }
  if (best == std::string::npos) return t;
  const std::string head = t.substr(0, best);
  const std::string tail = t.substr(best + best_len);
  if (CountWords(tail) <= 4 && CountWords(head) >= 3) return head;
  return t;
}

namespace {

bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool IsHtmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Elements that do not add a level: void ones, and those whose end tag
// HTML lets a page leave out (a new one, or the parent's end, closes them).
bool AddsNoLevel(std::string_view tag) {
  static constexpr std::string_view kTags[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link",
      "meta", "param", "source", "track", "wbr", "keygen", "frame",
      "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb",
      "rt", "rtc", "rp", "thead", "tbody", "tfoot", "colgroup", "caption",
      "html", "head", "body"};
  return std::find(std::begin(kTags), std::end(kTags), tag) != std::end(kTags);
}

bool IsRawText(std::string_view tag) {
  return tag == "script" || tag == "style" || tag == "textarea" ||
         tag == "title" || tag == "xmp" || tag == "noembed" ||
         tag == "noframes" || tag == "iframe" || tag == "plaintext";
}

}  // namespace

HtmlShape ScanHtmlShape(std::string_view html) {
  HtmlShape shape;
  size_t depth = 0;
  size_t i = 0;
  const size_t n = html.size();
  const auto lower_name = [&](size_t at, std::string* name) {
    name->clear();
    while (at < n && !IsHtmlSpace(html[at]) && html[at] != '>' &&
           html[at] != '/') {
      if (name->size() < 16) {
        const char c = html[at];
        name->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
      }
      ++at;
    }
    return at;
  };
  std::string name;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      const size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? n : end + 3;
      continue;
    }
    if (i + 1 < n && (html[i + 1] == '!' || html[i + 1] == '?')) {
      const size_t end = html.find('>', i);
      i = end == std::string_view::npos ? n : end + 1;
      continue;
    }
    if (i + 2 < n && html[i + 1] == '/' && IsAsciiAlpha(html[i + 2])) {
      i = lower_name(i + 2, &name);
      if (!AddsNoLevel(name) && depth > 0) --depth;
      const size_t end = html.find('>', i);
      i = end == std::string_view::npos ? n : end + 1;
      continue;
    }
    if (i + 1 >= n || !IsAsciiAlpha(html[i + 1])) {
      ++i;
      continue;
    }
    // A start tag: its name, then its attributes up to '>'.
    i = lower_name(i + 1, &name);
    size_t attributes = 0;
    bool self_closing = false;
    while (i < n && html[i] != '>') {
      if (IsHtmlSpace(html[i])) {
        ++i;
        continue;
      }
      if (html[i] == '/') {
        self_closing = i + 1 < n && html[i + 1] == '>';
        ++i;
        continue;
      }
      ++attributes;  // a name, up to space, '=', '/' or '>'
      while (i < n && !IsHtmlSpace(html[i]) && html[i] != '=' &&
             html[i] != '>' && html[i] != '/') {
        ++i;
      }
      while (i < n && IsHtmlSpace(html[i])) ++i;
      if (i < n && html[i] == '=') {
        ++i;
        while (i < n && IsHtmlSpace(html[i])) ++i;
        if (i < n && (html[i] == '"' || html[i] == '\'')) {
          const size_t close = html.find(html[i], i + 1);
          i = close == std::string_view::npos ? n : close + 1;
        } else {
          while (i < n && !IsHtmlSpace(html[i]) && html[i] != '>') ++i;
        }
      }
    }
    if (i < n) ++i;  // '>'
    shape.attributes = std::max(shape.attributes, attributes);
    if (IsRawText(name)) {
      // Its text runs to its end tag, whatever it holds.
      const std::string close = "</" + name;
      size_t at = i;
      for (;;) {
        at = html.find("</", at);
        if (at == std::string_view::npos) break;
        bool same = at + close.size() <= n;
        for (size_t k = 2; same && k < close.size(); ++k) {
          const char c = html[at + k];
          same = (c >= 'A' && c <= 'Z' ? c + 32 : c) == close[k];
        }
        if (same) break;
        at += 2;
      }
      i = at == std::string_view::npos ? n : at;
      continue;
    }
    if (!self_closing && !AddsNoLevel(name)) {
      shape.depth = std::max(shape.depth, ++depth);
    }
  }
  return shape;
}

Status ParseHtml(std::string_view bytes, const HtmlOptions& options,
                 HtmlArticle* out) {
  *out = HtmlArticle();
  try {
    const HtmlCharset charset = DetectHtmlCharset(bytes, options.charset_hint);
    std::string html;
    Status s =
        ConvertToUtf8(bytes.substr(charset.bom_bytes), charset.name, &html);
    out->charset = charset.name;
    if (!s.ok()) {
      // A label ICU knows but cannot convert with is rare; read it as
      // windows-1252 rather than drop the page.
      s = ConvertToUtf8(bytes.substr(charset.bom_bytes), "windows-1252", &html);
      out->charset = "windows-1252";
      if (!s.ok()) return BadInput(s.message());
    }

    GumboOptions gumbo_options = kGumboDefaultOptions;
    gumbo_options.max_errors = 0;
    std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> parsed(
        gumbo_parse_with_options(&gumbo_options, html.data(), html.size()),
        [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
    if (parsed == nullptr) return BadInput("the HTML parser failed");

    Dom dom;
    BuildDom(parsed->document, &dom);

    PageMeta pm;
    CollectMeta(dom, &pm);

    // Body.
    Extractor extractor(&dom, options);
    std::vector<std::pair<std::string, bool>> blocks;
    std::vector<int> content;
    if (options.whole_page) {
      extractor.Prepare(Flags(), /*whole_page=*/true);
      content = {dom.body >= 0 ? dom.body : 0};
      extractor.Emit(content, /*clean=*/false, &blocks);
    } else {
      // As Readability does: when the result is short, try again with the
      // filters relaxed one at a time and keep the longest result.
      static constexpr size_t kMinChars = 500;
      Flags flags;
      size_t best_chars = 0;
      for (int attempt = 0; attempt < 4; ++attempt) {
        extractor.Prepare(flags, /*whole_page=*/false);
        std::vector<int> roots = extractor.SelectContent();
        std::vector<std::pair<std::string, bool>> attempt_blocks;
        extractor.Emit(roots, flags.clean_conditionally, &attempt_blocks);
        size_t chars = 0;
        for (const auto& b : attempt_blocks) chars += b.first.size();
        if (attempt == 0 || chars > best_chars) {
          best_chars = chars;
          blocks = std::move(attempt_blocks);
          content = roots;
        }
        if (best_chars >= kMinChars) break;
        if (attempt == 0) flags.strip_unlikely = false;
        if (attempt == 1) flags.weight_classes = false;
        if (attempt == 2) flags.clean_conditionally = false;
      }
    }

    // Metadata, most specific source first.
    const std::string site = MetaValue(pm, "og:site_name");
    out->site_name = site;
    std::string title = MetaValue(pm, "og:title");
    if (title.empty()) title = MetaValue(pm, "twitter:title");
    if (title.empty()) title = CollapseText(pm.ld.headline);
    const auto in_content = [&](int node) {
      for (int r : content) {
        if (r <= node && node < dom.nodes[r].end) return true;
      }
      return false;
    };
    std::string h1;
    for (const auto& [node, text] : pm.h1s) {
      if (!text.empty() && in_content(node)) {
        h1 = text;
        break;
      }
    }
    if (h1.empty() && pm.h1s.size() == 1) h1 = pm.h1s[0].second;
    if (title.empty()) title = h1;
    if (title.empty()) title = pm.title_tag;
    out->title = StripSiteName(title, site);

    for (const char* key :
         {"article:published_time", "og:article:published_time"}) {
      if (out->published.empty()) {
        out->published = NormaliseHtmlDate(MetaValue(pm, key));
      }
    }
    if (out->published.empty()) {
      out->published = NormaliseHtmlDate(pm.ld.article_date);
    }
    if (out->published.empty()) {
      out->published = NormaliseHtmlDate(pm.itemprop_date);
    }
    if (out->published.empty()) {
      out->published = NormaliseHtmlDate(pm.ld.other_date);
    }
    for (const char* key :
         {"datepublished", "date", "pubdate", "publishdate", "publish-date",
          "publish_date", "dc.date.issued", "dc.date", "dcterms.created",
          "dcterms.date", "article.published", "sailthru.date",
          "parsely-pub-date", "citation_publication_date"}) {
      if (!out->published.empty()) break;
      out->published = NormaliseHtmlDate(MetaValue(pm, key));
    }
    if (out->published.empty()) {
      for (const auto& [node, dt] : pm.times) {
        if (in_content(node)) {
          out->published = NormaliseHtmlDate(dt);
          if (!out->published.empty()) break;
        }
      }
    }
    if (out->published.empty()) {
      for (const auto& [node, dt] : pm.times) {
        const GumboElement* e = dom.nodes[node].element;
        if (gumbo_get_attribute(&e->attributes, "pubdate") != nullptr ||
            pm.times.size() == 1) {
          out->published = NormaliseHtmlDate(dt);
          if (!out->published.empty()) break;
        }
      }
    }

    out->author = CleanAuthor(MetaValue(pm, "author"));
    if (out->author.empty()) {
      std::vector<std::string> names;
      for (const std::string& a : pm.ld.authors) {
        std::string c = CleanAuthor(a);
        if (!c.empty()) names.push_back(c);
      }
      for (const std::string& id : pm.ld.author_ids) {
        auto it = pm.ld.names_by_id.find(id);
        if (it != pm.ld.names_by_id.end()) {
          std::string c = CleanAuthor(it->second);
          if (!c.empty()) names.push_back(c);
        }
      }
      for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out->author += ", ";
        out->author += names[i];
      }
    }
    for (const char* key : {"article:author", "dc.creator", "parsely-author",
                            "sailthru.author", "citation_author"}) {
      if (out->author.empty()) out->author = CleanAuthor(MetaValue(pm, key));
    }
    if (out->author.empty()) out->author = CleanAuthor(pm.rel_author);
    if (out->author.empty()) out->author = CleanAuthor(pm.itemprop_author);
    if (out->author.empty()) {
      std::string byl = CleanAuthor(MetaValue(pm, "byl"));
      out->author = byl;
    }

    out->canonical_url = pm.canonical;
    if (out->canonical_url.empty())
      out->canonical_url = MetaValue(pm, "og:url");

    // A heading that repeats the title is the title, not body text.
    std::vector<std::string> title_prints;
    for (const std::string& t : {out->title, h1, title, pm.title_tag}) {
      std::string f = Fingerprint(t);
      if (!f.empty()) title_prints.push_back(f);
    }
    for (auto& [text, heading] : blocks) {
      if (!options.whole_page) {
        if (heading && std::find(title_prints.begin(), title_prints.end(),
                                 Fingerprint(text)) != title_prints.end()) {
          continue;
        }
        if (IsBylineLine(text, out->author)) continue;
      }
      out->paragraphs.push_back(std::move(text));
    }
    if (out->paragraphs.empty() && out->title.empty()) {
      return BadInput("no text in the page");
    }
    return Status::Ok();
  } catch (const std::exception& e) {
    return BadInput(std::string("cannot parse the page: ") + e.what());
  }
}

}  // namespace byline
