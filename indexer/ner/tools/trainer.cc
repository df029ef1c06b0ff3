#include "trainer.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <optional>
#include <ostream>
#include <random>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <iostream>

#include <nlohmann/json.hpp>

#include "decoder.h"
#include "doc_features.h"
#include "feature_extractor.h"
#include "model.h"
#include "text_utf8.h"
#include "tokenizer.h"

namespace byline::ner {

bool LowerInitial(std::string_view word);
std::string LowerCase(std::string_view word);

namespace {

using json = nlohmann::json;

int TypeIndex(std::string_view type) {
  if (type == "PER" || type == "person") return 0;
  if (type == "ORG" || type == "corporation" || type == "group") return 1;
  if (type == "LOC" || type == "location") return 2;
  return -1;
}

// Paragraphs of a text: runs of lines separated by blank lines.
std::vector<TextRange> SplitParagraphs(std::string_view text) {
  std::vector<TextRange> out;
  size_t pos = 0;
  size_t para_start = std::string_view::npos;
  size_t para_end = 0;
  while (pos <= text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::string_view line = text.substr(pos, eol - pos);
    const bool blank =
        line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (blank) {
      if (para_start != std::string_view::npos) out.push_back({para_start, para_end});
      para_start = std::string_view::npos;
    } else {
      if (para_start == std::string_view::npos) para_start = pos;
      para_end = eol;
    }
    pos = eol + 1;
  }
  if (para_start != std::string_view::npos) out.push_back({para_start, para_end});
  return out;
}

// Byte offset of every code point, plus the end.
std::vector<size_t> CharToByte(std::string_view text) {
  std::vector<size_t> out;
  out.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  out.push_back(text.size());
  return out;
}

struct Doc {
  std::string id;
  std::string text;
  struct Name {
    size_t start, end;  // bytes
    int type;
  };
  std::vector<Name> names;
};

Status ReadDocs(const std::string& path, std::vector<Doc>* docs) {
  std::ifstream in(path);
  if (!in) return IoError(path + ": cannot open");
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("text") || !j.contains("entities")) {
      return BadInput(path + ":" + std::to_string(line_no) +
                      ": not a names JSON object");
    }
    Doc d;
    d.id = j.value("doc_id", "");
    d.text = j["text"].get<std::string>();
    const std::vector<size_t> c2b = CharToByte(d.text);
    for (const json& e : j["entities"]) {
      const size_t s = e["start"].get<size_t>();
      const size_t t = e["end"].get<size_t>();
      const int type = TypeIndex(e["type"].get<std::string>());
      if (type < 0 || s >= t || t >= c2b.size()) continue;
      d.names.push_back({c2b[s], c2b[t], type});
    }
    docs->push_back(std::move(d));
  }
  return Status::Ok();
}

// The trainer's view of the name lists: counts per type, and, while a
// training example is featurized, that example's own names left out, so the
// model learns how much to trust a list entry it has not seen in context.
class TrainLexicon : public Lexicon {
 public:
  struct Counts {
    uint32_t by_type[3] = {0, 0, 0};
    uint32_t fixed_loc = 0;  // from iso-codes, never left out
    uint8_t gaz = 0;         // kGaz* bits: embedded lists
  };

  static uint8_t TypesOf(const uint32_t c[3]) {
    const uint32_t total = c[0] + c[1] + c[2];
    uint8_t types = 0;
    for (int t = 0; t < 3; ++t) {
      if (c[t] > 0 && c[t] * 4 >= total) types |= static_cast<uint8_t>(1 << t);
    }
    return types;
  }

  uint8_t PhraseTypes(uint64_t h) const override {
    auto it = names_.find(h);
    if (it == names_.end()) return 0;
    uint32_t c[3] = {it->second.by_type[0], it->second.by_type[1],
                     it->second.by_type[2]};
    for (const auto& [own, type] : own_) {
      if (own == h && c[type] > 0) --c[type];
    }
    c[2] += it->second.fixed_loc;
    return TypesOf(c) | it->second.gaz;
  }
  uint8_t WordClass(uint64_t lower_hash) const override {
    auto it = common_.find(lower_hash);
    return it == common_.end() ? 0 : it->second;
  }
  uint8_t WordCluster(uint64_t raw_hash) const override {
    auto it = clusters_.find(raw_hash);
    return it == clusters_.end() ? 0 : it->second;
  }

  std::unordered_map<uint64_t, Counts> names_;
  std::unordered_map<uint64_t, uint8_t> clusters_;
  std::unordered_map<uint64_t, int> lower_counts_;
  std::unordered_map<uint64_t, uint8_t> common_;
  std::vector<std::pair<uint64_t, int>> own_;
};

uint64_t PhraseHash(const std::vector<std::string>& words, size_t first,
                    size_t last) {
  uint64_t h = PhraseStart();
  for (size_t i = first; i < last; ++i) h = PhraseNext(h, HashBytes(words[i]));
  return h;
}

std::vector<std::pair<uint64_t, int>> OwnNames(const Example& ex) {
  std::vector<TokenSpan> spans;
  SpansFromTags(ex.tags, &spans);
  std::vector<std::pair<uint64_t, int>> out;
  for (const TokenSpan& s : spans) {
    if (s.last - s.first > kMaxPhraseTokens) continue;
    out.push_back({PhraseHash(ex.words, s.first, s.last), s.type});
  }
  return out;
}

void AddIsoNames(const std::string& dir, TrainLexicon* lex, std::ostream& log) {
  size_t added = 0;
  auto add = [&](const std::string& name) {
    std::vector<Token> tokens;
    Tokenize(name, {0, name.size()}, &tokens);
    if (tokens.empty() || tokens.size() > kMaxPhraseTokens) return;
    uint64_t h = PhraseStart();
    for (const Token& t : tokens) {
      h = PhraseNext(h, HashBytes(std::string_view(name).substr(t.start, t.end - t.start)));
    }
    lex->names_[h].fixed_loc = 2;
    ++added;
  };
  for (const char* file : {"iso_3166-1.json", "iso_3166-2.json", "iso_3166-3.json"}) {
    std::ifstream in(dir + "/" + file);
    if (!in) {
      log << "warning: " << dir << "/" << file << " not found\n";
      continue;
    }
    json j = json::parse(in, nullptr, false);
    if (j.is_discarded()) continue;
    for (auto& [key, list] : j.items()) {
      for (const json& e : list) {
        for (const char* field : {"name", "common_name"}) {
          if (e.contains(field)) add(e[field].get<std::string>());
        }
      }
    }
  }
  log << "iso-codes place names: " << added << "\n";
}

uint64_t PhraseHashOf(std::string_view name) {
  std::vector<Token> tokens;
  Tokenize(name, {0, name.size()}, &tokens);
  if (tokens.empty() || tokens.size() > kMaxPhraseTokens) return 0;
  uint64_t h = PhraseStart();
  for (const Token& t : tokens) {
    h = PhraseNext(h, HashBytes(name.substr(t.start, t.end - t.start)));
  }
  return h;
}

// The lists written by bench/ner/export_gazetteers.mjs: phrase lists
// (cities, countries) as gazetteer bits of the name lists, word lists
// (demonyms, given names, surnames) as word classes.
void AddGazetteers(const std::string& dir, TrainLexicon* lex,
                   std::ostream& log) {
  auto read = [&](const char* file, auto add) {
    std::ifstream in(dir + "/" + file);
    if (!in) {
      log << "warning: " << dir << "/" << file << " not found\n";
      return;
    }
    std::string line;
    size_t n = 0;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      add(line);
      ++n;
    }
    log << "gazetteer " << file << ": " << n << "\n";
  };
  auto phrase = [&](uint8_t bit) {
    return [lex, bit](const std::string& name) {
      if (const uint64_t h = PhraseHashOf(name); h != 0) lex->names_[h].gaz |= bit;
    };
  };
  auto word = [&](uint8_t bit) {
    return [lex, bit](const std::string& w) {
      lex->common_[HashBytes(LowerCase(w))] |= bit;
    };
  };
  read("cities.txt", phrase(kGazCity));
  read("countries.txt", phrase(kGazCountry));
  read("wordnet_orgs.txt", phrase(kGazOrg));
  read("wordnet_places.txt", phrase(kGazPlace));
  read("wordnet_facilities.txt", phrase(kGazFacility));
  read("demonyms.txt", word(kWordDemonym));
  read("first_names.txt", word(kWordGivenName));
  read("last_names.txt", word(kWordSurname));
}

// The word clusters of bench/ner/make_clusters.py: lines "word<TAB>cluster"
// with cluster 1 to kMaxCluster.
Status ReadClusters(const std::string& path, TrainLexicon* lex,
                    std::ostream& log) {
  std::ifstream in(path);
  if (!in) {
    return IoError(path + ": not found (bench/ner/make_clusters.py writes it)");
  }
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    const size_t tab = line.find('\t');
    int c = 0;
    if (tab != std::string::npos) {
      try {
        c = std::stoi(line.substr(tab + 1));
      } catch (const std::exception&) {
        c = 0;
      }
    }
    if (tab == std::string::npos || tab == 0 || c < 1 || c > kMaxCluster) {
      return BadInput(path + ":" + std::to_string(line_no) +
                      ": expected word<TAB>cluster (1 to " +
                      std::to_string(kMaxCluster) + ")");
    }
    lex->clusters_[HashBytes(std::string_view(line).substr(0, tab))] =
        static_cast<uint8_t>(c);
  }
  log << "word clusters " << path << ": " << lex->clusters_.size() << "\n";
  return Status::Ok();
}

struct Scores {
  size_t gold[3] = {}, pred[3] = {}, correct[3] = {};
  void Add(const Scores& o) {
    for (int t = 0; t < 3; ++t) {
      gold[t] += o.gold[t];
      pred[t] += o.pred[t];
      correct[t] += o.correct[t];
    }
  }
  void Print(std::ostream& out) const {
    static const char* kNames[] = {"PER", "ORG", "LOC"};
    out << "type    gold  pred  correct  precision  recall  F1\n";
    auto row = [&](const char* name, size_t g, size_t p, size_t c) {
      const double pr = p ? double(c) / p : 0, rc = g ? double(c) / g : 0;
      const double f = pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0;
      out << std::left << std::setw(6) << name << std::right << std::setw(6)
          << g << std::setw(6) << p << std::setw(9) << c << std::fixed
          << std::setprecision(3) << std::setw(11) << pr << std::setw(8) << rc
          << std::setw(6) << f << "\n";
    };
    size_t g = 0, p = 0, c = 0;
    for (int t = 0; t < 3; ++t) {
      row(kNames[t], gold[t], pred[t], correct[t]);
      g += gold[t];
      p += pred[t];
      c += correct[t];
    }
    row("micro", g, p, c);
  }
  double MicroF1() const {
    size_t g = 0, p = 0, c = 0;
    for (int t = 0; t < 3; ++t) {
      g += gold[t];
      p += pred[t];
      c += correct[t];
    }
    return g + p ? 2.0 * c / double(g + p) : 0;
  }
};

void ScoreTags(const std::vector<uint8_t>& gold, const std::vector<uint8_t>& pred,
               Scores* s) {
  std::vector<TokenSpan> g, p;
  SpansFromTags(gold, &g);
  SpansFromTags(pred, &p);
  std::set<std::tuple<size_t, size_t, int>> gs;
  for (const auto& x : g) {
    gs.insert({x.first, x.last, x.type});
    ++s->gold[x.type];
  }
  for (const auto& x : p) {
    ++s->pred[x.type];
    if (gs.count({x.first, x.last, x.type})) ++s->correct[x.type];
  }
}

}  // namespace

bool LowerInitial(std::string_view word);

Status ReadConll(const std::string& path, ConllFormat format, int repeat,
                 size_t min_tokens, std::vector<Example>* out) {
  std::ifstream in(path);
  if (!in) return IoError(path + ": cannot open");
  std::string line;
  Example ex;
  ex.repeat = repeat;
  ex.whole_mentions = format == ConllFormat::kWikiann;
  size_t line_no = 0;
  auto flush = [&]() {
    const bool sentence =
        ex.words.size() >= min_tokens &&
        (min_tokens == 0 ||
         std::any_of(ex.words.begin(), ex.words.end(),
                     [](const std::string& w) { return LowerInitial(w); }));
    // A fragment still feeds the name lists, but is not trained on.
    if (!ex.words.empty()) {
      out->push_back(ex);
      if (!sentence) out->back().repeat = 0;
    }
    ex.words.clear();
    ex.tags.clear();
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // A byte-order mark (WNUT-17's dev file has one on its last line).
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    const size_t tab = line.rfind('\t');
    if (line.find_first_not_of(" \t") == std::string::npos) {
      flush();
      continue;
    }
    if (tab == std::string::npos) {
      return BadInput(path + ":" + std::to_string(line_no) + ": no tab");
    }
    std::string word = line.substr(0, tab);
    if (format == ConllFormat::kWikiann && word.rfind("en:", 0) == 0) {
      word.erase(0, 3);
    }
    const std::string label = line.substr(tab + 1);
    uint8_t tag = kO;
    if (label.size() > 2 && (label[0] == 'B' || label[0] == 'I') && label[1] == '-') {
      const int type = TypeIndex(label.substr(2));
      if (type >= 0) tag = static_cast<uint8_t>(1 + 2 * type + (label[0] == 'I'));
    }
    // An I- after O or another type (WNUT drops types) starts a name.
    if (IsInside(tag) && (ex.tags.empty() || ex.tags.back() == kO ||
                          TagType(ex.tags.back()) != TagType(tag))) {
      tag = static_cast<uint8_t>(tag - 1);
    }
    ex.words.push_back(std::move(word));
    ex.tags.push_back(tag);
  }
  flush();
  return Status::Ok();
}

Status ReadNamesJsonl(const std::string& path,
                      const std::vector<std::string>& exclude, int repeat,
                      std::vector<Example>* out) {
  std::vector<Doc> docs;
  if (Status s = ReadDocs(path, &docs); !s.ok()) return s;
  std::vector<Token> tokens;
  size_t misaligned = 0;
  static int next_doc = 0;  // document numbers, unique over all files read
  for (const Doc& d : docs) {
    const int doc_number = next_doc++;
    if (d.id.rfind("GUM_news", 0) == 0) {
      return InvalidArgument(path + ": " + d.id +
                             " is a GUM news document: the test set, not "
                             "training data");
    }
    if (std::find(exclude.begin(), exclude.end(), d.id) != exclude.end()) continue;
    for (const TextRange& para : SplitParagraphs(d.text)) {
      Tokenize(d.text, para, &tokens);
      Example ex;
      ex.repeat = repeat;
      ex.doc = doc_number;
      for (const Token& t : tokens) {
        ex.words.emplace_back(d.text.substr(t.start, t.end - t.start));
        ex.tags.push_back(kO);
      }
      for (const Doc::Name& n : d.names) {
        if (n.start < para.start || n.end > para.end) continue;
        size_t first = tokens.size(), last = 0;
        bool aligned_start = false, aligned_end = false;
        for (size_t i = 0; i < tokens.size(); ++i) {
          if (tokens[i].start >= n.start && tokens[i].end <= n.end) {
            first = std::min(first, i);
            last = i + 1;
          }
          aligned_start = aligned_start || tokens[i].start == n.start;
          aligned_end = aligned_end || tokens[i].end == n.end;
        }
        if (first >= last || !aligned_start || !aligned_end) {
          ++misaligned;
          continue;
        }
        ex.tags[first] = static_cast<uint8_t>(1 + 2 * n.type);
        for (size_t i = first + 1; i < last; ++i) {
          ex.tags[i] = static_cast<uint8_t>(2 + 2 * n.type);
        }
      }
      out->push_back(std::move(ex));
    }
  }
  if (misaligned > 0) {
    // Reported, not fatal: a few gold spans cut words ("U.S.-based").
    std::cerr << "byline-train-ner: " << path << ": " << misaligned
              << " names not on token boundaries were left out\n";
  }
  return Status::Ok();
}


bool LowerInitial(std::string_view word) {
  if (word.empty()) return false;
  size_t len;
  return ClassifyChar(DecodeUtf8(word, 0, &len)) == CharClass::kLower;
}

std::string LowerCase(std::string_view word) {
  std::string out;
  for (size_t pos = 0; pos < word.size();) {
    size_t len;
    AppendUtf8(ToLowerChar(DecodeUtf8(word, pos, &len)), &out);
    pos += len;
  }
  return out;
}

namespace {

void Views(const Example& ex, std::vector<std::string_view>* out) {
  out->assign(ex.words.begin(), ex.words.end());
}

// Averaged structured perceptron state over hashed rows.
struct Perceptron {
  // One extra row past the hashed ones: kDeadRow, pruned features, never
  // updated (stays 0).
  Perceptron(uint32_t bits, int per_token)
      : K(per_token),
        dead(uint32_t{1} << bits),
        w((size_t{1} << bits) * kTagStride + kTagStride),
        u(w.size()) {}
  int K;  // features per token
  uint32_t dead;
  std::vector<float> w, u;
  float tw[kTagStride][kTagStride] = {}, tu[kTagStride][kTagStride] = {};
  float sw[kTagStride] = {}, su[kTagStride] = {};
  double c = 1;

  void Emit(const std::vector<float>& weights, const uint32_t* rows, size_t n,
            std::vector<float>* emit) const {
    emit->assign(n * kTagStride, 0.0f);
    for (size_t i = 0; i < n; ++i) {
      float* e = emit->data() + i * kTagStride;
      for (int k = 0; k < K; ++k) {
        const float* row = weights.data() + size_t{rows[i * K + k]} * kTagStride;
        for (int t = 0; t < kTagStride; ++t) e[t] += row[t];
      }
    }
  }
  void Update(const uint32_t* rows, size_t i, int tag, float delta) {
    for (int k = 0; k < K; ++k) {
      if (rows[i * K + k] == dead) continue;
      const size_t at = size_t{rows[i * K + k]} * kTagStride + tag;
      w[at] += delta;
      u[at] += static_cast<float>(c * delta);
    }
  }
  void UpdateTransition(int prev, int tag, float delta) {
    if (prev < 0) {
      sw[tag] += delta;
      su[tag] += static_cast<float>(c * delta);
    } else {
      tw[prev][tag] += delta;
      tu[prev][tag] += static_cast<float>(c * delta);
    }
  }
  // Averaged parameters.
  void Average(std::vector<float>* aw, float at[kTagStride][kTagStride],
               float as[kTagStride]) const {
    aw->resize(w.size());
    const float inv = static_cast<float>(1.0 / c);
    for (size_t i = 0; i < w.size(); ++i) (*aw)[i] = w[i] - u[i] * inv;
    for (int p = 0; p < kTagStride; ++p) {
      as[p] = sw[p] - su[p] * inv;
      for (int t = 0; t < kTagStride; ++t) at[p][t] = tw[p][t] - tu[p][t] * inv;
    }
  }
};


// A token that cannot be part of a name in the GUM style: a lowercase word
// or punctuation other than . - & '.
bool BreaksName(std::string_view word) {
  if (LowerInitial(word)) return true;
  size_t len;
  const CharClass c = ClassifyChar(DecodeUtf8(word, 0, &len));
  if (c != CharClass::kPunct) return false;
  return !(word == "." || word == "-" || word == "&" || word == "'");
}

// Titles and offices, which the GUM style leaves out of names ("Prime
// Minister Donald Tusk" -> "Donald Tusk") and WikiANN often labels ORG.
constexpr std::string_view kTitles[] = {
    "president", "minister", "ministers", "secretary", "governor", "senator",
    "sen", "sen.", "rep", "rep.", "representative", "congressman",
    "congresswoman", "chancellor", "king", "queen", "prince", "princess",
    "pope", "mayor", "chairman", "chairwoman", "chairperson", "ceo",
    "director", "judge", "justice", "ambassador", "commissioner", "speaker",
    "premier", "sheikh", "emir", "sultan", "lord", "lady", "sir", "dame",
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "professor",
    "prof", "prof.", "archbishop", "bishop", "cardinal", "rev.", "reverend",
    "captain", "capt.", "colonel", "col.", "lieutenant", "lt.", "sergeant",
    "sgt.", "admiral", "commander", "spokesman", "spokeswoman",
    "spokesperson", "coach", "leader", "attorney", "gov.", "president-elect",
    "candidate", "nominee", "councillor", "councilman", "treasurer",
    "inspector", "superintendent", "detective", "constable", "general",
    "ayatollah", "imam", "rabbi", "pastor", "officer", "chief",
    "governor-general", "crown", "emperor", "empress", "duke", "duchess",
    "baron", "count", "countess", "tsar", "czar", "marshal", "governors"};
constexpr std::string_view kTitleModifiers[] = {
    "prime", "foreign", "defence", "defense", "finance", "interior",
    "health", "education", "vice", "deputy", "assistant", "associate",
    "executive", "chief", "former", "acting", "first", "federal", "state",
    "general", "attorney", "home", "justice", "trade", "labour", "labor",
    "environment", "energy", "economy", "transport", "culture", "security",
    "secretary", "supreme", "grand", "lord", "senior", "junior", "late"};

bool IsTitle(std::string_view word) {
  const std::string lower = LowerCase(word);
  for (std::string_view t : kTitles) {
    if (lower == t) return true;
  }
  return false;
}
bool IsTitleModifier(std::string_view word) {
  const std::string lower = LowerCase(word);
  for (std::string_view t : kTitleModifiers) {
    if (lower == t) return true;
  }
  return false;
}

// Number of tokens from `first` that form a title ("Deputy Prime Minister").
size_t TitleLength(const std::vector<std::string>& words, size_t first,
                   size_t last) {
  size_t i = first;
  size_t title_end = first;
  while (i < last && (IsTitle(words[i]) || IsTitleModifier(words[i]))) {
    ++i;
    if (IsTitle(words[i - 1])) title_end = i;
  }
  return title_end - first;
}

bool AllCaps(std::string_view w) {
  bool letter = false;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
  }
  return letter;
}

// Number of words at the start of words[first, last) that name a place
// (a city or country of the lists) or a person (known only as one, two or
// more words) of its own, leaving a capitalised rest that is not an
// acronym, a compass word or a geographic head alone ("Kowloon West",
// "Taipei City" are one place); 0: none.
size_t NestedPrefix(const TrainLexicon& lex,
                    const std::vector<std::string>& words, size_t first,
                    size_t last) {
  static constexpr std::string_view kNotRest[] = {
      "north", "south", "east", "west", "central", "city", "county",
      "state", "province", "island", "islands", "district", "region"};
  for (size_t k = last - 1; k > first; --k) {
    const std::string& next = words[k];
    if (LowerInitial(next) || AllCaps(next)) continue;
    if (!std::isupper(static_cast<unsigned char>(next[0]))) continue;
    if (k + 1 == last) {
      const std::string lower = LowerCase(next);
      bool bad = false;
      for (std::string_view w : kNotRest) bad = bad || lower == w;
      if (bad) continue;
    }
    if (k - first > static_cast<size_t>(kMaxPhraseTokens)) continue;
    const std::string& prev = words[k - 1];
    if (prev == "-" || prev == "'" || prev == "&" || prev == ".") continue;
    if (k - first == 1 && (lex.WordClass(HashBytes(LowerCase(words[first]))) &
                           (kWordDemonym | kWordCommon | kWordTitle |
                            kWordTitleModifier))) {
      return 0;
    }
    const uint8_t t = lex.PhraseTypes(PhraseHash(words, first, k));
    if (t & (kGazCity | kGazCountry)) return k - first;
    if (k - first >= 2 && (t & (kTypePer | kTypeOrg | kTypeLoc)) == kTypePer) {
      return k - first;
    }
  }
  return 0;
}

// Takes titles off words[*i, *end): a leading title and the "of" or "of
// the" after it ("Prime Minister of Peru" -> "Peru"), a leading "The", and
// titles after the name ("U.S. President" -> "U.S."). Returns whether a
// title went from the start, and whether one went from the end.
std::pair<bool, bool> TakeOffTitles(const std::vector<std::string>& words,
                                    size_t* i, size_t* end) {
  bool lead = false, tail = false;
  if (const size_t title = TitleLength(words, *i, *end); title > 0) {
    *i += title;
    lead = true;
    if (*i < *end && words[*i] == "of") ++*i;
    if (*i < *end && words[*i] == "the") ++*i;
  }
  if (*i < *end && (words[*i] == "The" || words[*i] == "THE")) ++*i;
  while (*end > *i + 1 &&
         (IsTitle(words[*end - 1]) || IsTitleModifier(words[*end - 1]))) {
    --*end;
    tail = true;
  }
  return {lead, tail};
}

// The type bits (kTypePer | kTypeOrg | kTypeLoc) the name lists know
// words[i, end) by; nothing for a run they cannot hold (empty, or longer
// than kMaxPhraseTokens).
std::optional<uint8_t> ListedTypes(const TrainLexicon& lex,
                                   const std::vector<std::string>& words,
                                   size_t i, size_t end) {
  if (end <= i || end - i > kMaxPhraseTokens) return std::nullopt;
  return static_cast<uint8_t>(lex.PhraseTypes(PhraseHash(words, i, end)) &
                              (kTypePer | kTypeOrg | kTypeLoc));
}

// 0 (PER), 1 (ORG) or 2 (LOC) for one type bit alone; -1 otherwise.
int TypeOfBits(uint8_t bits) {
  if (bits == kTypePer) return 0;
  if (bits == kTypeOrg) return 1;
  if (bits == kTypeLoc) return 2;
  return -1;
}

// Tags words[i, end) as one name of `type` (0 PER, 1 ORG, 2 LOC).
void TagName(size_t i, size_t end, int type, Example* ex) {
  if (end <= i) return;
  ex->tags[i] = static_cast<uint8_t>(1 + 2 * type);
  for (size_t k = i + 1; k < end; ++k)
    ex->tags[k] = static_cast<uint8_t>(2 + 2 * type);
}

// Takes the titles off each name of a whole-mention example, the CoNLL
// style (TakeOffTitles). What is left of a name that lost a title takes
// the type the name lists know it by, and is no name when they know none
// (the office was what WikiANN typed); the rest stays whole ("University
// of Helsinki").
void TrimTitles(const TrainLexicon& lex, Example* ex) {
  std::vector<TokenSpan> spans;
  SpansFromTags(ex->tags, &spans);
  for (const TokenSpan& s : spans) {
    size_t i = s.first, end = s.last;
    const auto [lead, tail] = TakeOffTitles(ex->words, &i, &end);
    if (i == s.first && end == s.last) continue;
    for (size_t k = s.first; k < s.last; ++k) ex->tags[k] = kO;
    int type = s.type;
    if (lead || tail) {
      const std::optional<uint8_t> known = ListedTypes(lex, ex->words, i, end);
      type = known ? TypeOfBits(*known) : -1;
    }
    if (type >= 0) TagName(i, end, type, ex);
  }
}

// Cuts each name of a whole-mention example into its capitalised runs. The
// first run keeps the mention's type; a later run ("Helsinki" in "University
// of Helsinki") takes the type the name lists know it by, if any.
void SplitMentions(const TrainLexicon& lex, const TrainOptions& options,
                   Example* ex) {
  std::vector<TokenSpan> spans;
  SpansFromTags(ex->tags, &spans);
  for (const TokenSpan& s : spans) {
    for (size_t i = s.first; i < s.last; ++i) ex->tags[i] = kO;
    bool first_run = true;
    bool lost_type = false;  // the mention's type belonged to a title
    for (size_t i = s.first; i < s.last;) {
      if (BreaksName(ex->words[i])) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < s.last && !BreaksName(ex->words[j])) ++j;
      const size_t run_end = j;
      size_t end = j;
      while (end > i && (ex->words[end - 1] == "-" || ex->words[end - 1] == "'")) --end;
      // Titles and a leading "The" are not part of the name (a run holds no
      // lowercase "of" or "the" to take off after a title).
      const auto [lead, tail] = TakeOffTitles(ex->words, &i, &end);
      if ((lead || tail) && first_run) lost_type = true;
      int type = s.type;
      if (!first_run || lost_type) {
        if (const std::optional<uint8_t> known =
                ListedTypes(lex, ex->words, i, end)) {
          if (TypeOfBits(*known) >= 0) type = TypeOfBits(*known);
          if (lost_type && *known == 0) type = -1;  // no evidence: leave it O
        }
      }
      if (type < 0) end = i;
      // A nested name: an organisation whose name starts with a city,
      // country or known person ("Oslo City Council" -> "Oslo" +
      // "City Council"), as entity_extractor.cc's `nested` rule cuts it.
      if (options.cut_nested && first_run && !lost_type && type == 1 &&
          end - i >= 2) {
        const size_t k = NestedPrefix(lex, ex->words, i, end);
        if (k > 0) {
          const int inner_type =
              (lex.PhraseTypes(PhraseHash(ex->words, i, i + k)) &
               (kGazCity | kGazCountry)) ? 2 : 0;
          TagName(i, i + k, inner_type, ex);
          i += k;
        }
      }
      TagName(i, end, type, ex);
      first_run = false;
      i = run_end;
    }
  }
}

void CountNames(const std::vector<Example>& train, TrainLexicon* lex) {
  for (auto& [h, c] : lex->names_) c.by_type[0] = c.by_type[1] = c.by_type[2] = 0;
  for (const Example& ex : train) {
    for (const auto& [h, type] : OwnNames(ex)) lex->names_[h].by_type[type] += 1;
  }
}

void ReadDictionary(const std::string& path, TrainLexicon* lex, std::ostream& log) {
  std::ifstream in(path);
  if (!in) {
    log << "warning: " << path << " not found; no dictionary features\n";
    return;
  }
  std::string word;
  size_t n = 0;
  while (std::getline(in, word)) {
    if (word.empty() || word.find('\'') != std::string::npos) continue;
    const uint8_t bit = LowerInitial(word) ? kWordDictLower : kWordDictCapital;
    lex->common_[HashBytes(LowerCase(word))] |= bit;
    ++n;
  }
  log << "dictionary words: " << n << "\n";
}

}  // namespace

// The word and name lists the model embeds must all be there: a missing
// one used to be a warning in the log, and the model came out quietly
// different (without the dictionary: interview CV end to end 0.675
// instead of 0.703). Each is named with the Debian package that has it.
Status CheckListFiles(const TrainOptions& options) {
  std::vector<std::pair<std::string, std::string>> files;  // path, source
  if (!options.dictionary.empty()) {
    files.push_back({options.dictionary,
                     "Debian package wamerican; --dictionary '' trains "
                     "without it"});
  }
  for (const char* f : {"iso_3166-1.json", "iso_3166-2.json", "iso_3166-3.json"}) {
    files.push_back({options.iso_codes_dir + "/" + f, "Debian package iso-codes"});
  }
  if (!options.gazetteer_dir.empty()) {
    for (const char* f :
         {"cities.txt", "countries.txt", "demonyms.txt", "first_names.txt",
          "last_names.txt", "wordnet_orgs.txt", "wordnet_places.txt",
          "wordnet_facilities.txt"}) {
      files.push_back({options.gazetteer_dir + "/" + f,
                       "bench/ner/README.md says how to write the lists"});
    }
  }
  for (const auto& [path, source] : files) {
    if (!std::ifstream(path)) {
      return IoError(path + ": not found (" + source + ")");
    }
  }
  return Status::Ok();
}

Status Train(std::vector<Example> train, const TrainOptions& options,
             const std::string& model_path, std::ostream& log) {
  if (Status s = CheckListFiles(options); !s.ok()) return s;
  TrainLexicon lex;
  size_t tokens = 0;
  for (const Example& ex : train) {
    tokens += ex.words.size();
    for (const std::string& word : ex.words) {
      if (LowerInitial(word)) ++lex.lower_counts_[HashBytes(LowerCase(word))];
    }
  }
  for (const auto& [h, n] : lex.lower_counts_) {
    if (n >= options.min_common_count) lex.common_[h] |= kWordCommon;
  }
  if (!options.dictionary.empty()) ReadDictionary(options.dictionary, &lex, log);
  for (std::string_view t : kTitles) lex.common_[HashBytes(t)] |= kWordTitle;
  for (std::string_view t : kTitleModifiers) {
    lex.common_[HashBytes(t)] |= kWordTitleModifier;
  }
  AddIsoNames(options.iso_codes_dir, &lex, log);
  if (!options.gazetteer_dir.empty()) {
    AddGazetteers(options.gazetteer_dir, &lex, log);
  }
  if (!options.clusters.empty()) {
    if (Status s = ReadClusters(options.clusters, &lex, log); !s.ok()) return s;
  }
  // Given names: the first word of people's names of two or more words.
  {
    std::unordered_map<uint64_t, int> given;
    std::vector<TokenSpan> spans;
    for (const Example& ex : train) {
      SpansFromTags(ex.tags, &spans);
      for (const TokenSpan& s : spans) {
        if (s.type == 0 && s.last - s.first >= 2 && !LowerInitial(ex.words[s.first])) {
          ++given[HashBytes(LowerCase(ex.words[s.first]))];
        }
      }
    }
    size_t n = 0;
    for (const auto& [h, count] : given) {
      if (count >= 2) {
        lex.common_[h] |= kWordGivenName;
        ++n;
      }
    }
    log << "given names: " << n << "\n";
  }
  CountNames(train, &lex);
  if (options.split_mentions || !options.keep_titles) {
    for (Example& ex : train) {
      if (!ex.whole_mentions) continue;
      if (options.split_mentions) {
        SplitMentions(lex, options, &ex);
      } else {
        TrimTitles(lex, &ex);
      }
    }
    CountNames(train, &lex);
  }
  log << "training: " << train.size() << " sequences, " << tokens
      << " tokens, " << lex.names_.size() << " names, " << lex.common_.size()
      << " known words\n";

  constexpr int K = FeatureExtractor::kFeaturesPerToken;
  const int shift = 64 - static_cast<int>(options.hash_bits);
  FeatureExtractor fx;
  std::vector<uint64_t> feats;
  std::vector<std::string_view> views;
  auto featurize = [&](const std::vector<Example>& set, bool leave_own_out,
                       std::vector<PassOne>* passes) {
    std::vector<std::vector<uint32_t>> rows(set.size());
    passes->resize(set.size());
    std::unordered_map<int, std::vector<std::pair<uint64_t, int>>> doc_names;
    if (leave_own_out && options.leave_document_out) {
      for (const Example& ex : set) {
        if (ex.doc < 0) continue;
        auto& v = doc_names[ex.doc];
        for (const auto& name : OwnNames(ex)) v.push_back(name);
      }
    }
    for (size_t i = 0; i < set.size(); ++i) {
      lex.own_ = leave_own_out ? OwnNames(set[i]) : decltype(lex.own_)();
      if (auto it = doc_names.find(set[i].doc); it != doc_names.end()) {
        lex.own_ = it->second;
      }
      Views(set[i], &views);
      fx.Extract(views, lex, &feats);
      CopyWordInfo(fx, &(*passes)[i]);
      rows[i].resize(feats.size());
      for (size_t k = 0; k < feats.size(); ++k) {
        rows[i][k] = static_cast<uint32_t>(feats[k] >> shift);
      }
    }
    lex.own_.clear();
    return rows;
  };
  // Lists-only examples (repeat 0) need no features.
  std::vector<Example> lists_only;
  for (Example& ex : train) {
    if (ex.repeat == 0) lists_only.push_back(std::move(ex));
  }
  std::erase_if(train, [](const Example& ex) { return ex.repeat == 0; });
  std::vector<PassOne> train_passes, dev_passes;
  const auto train_rows = featurize(train, true, &train_passes);
  const auto dev_rows = featurize(options.dev, false, &dev_passes);

  using Rows = std::vector<std::vector<uint32_t>>;
  std::mt19937_64 rng(options.seed);
  std::vector<float> emit, scratch;
  std::vector<uint8_t> back, pred;
  // Trains one layer on the examples `use` accepts; scores `dev` (if not
  // empty) after each epoch.
  auto train_one = [&](const Rows& rows, int per_token, auto use,
                       const Rows& dev_rows, Layer* layer,
                       std::vector<float>* avg) {
    Perceptron model(options.hash_bits, per_token);
    std::vector<size_t> order;
    for (size_t i = 0; i < train.size(); ++i) {
      if (!use(i)) continue;
      for (int r = 0; r < train[i].repeat; ++r) order.push_back(i);
    }
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
      std::shuffle(order.begin(), order.end(), rng);
      size_t mistakes = 0;
      for (size_t idx : order) {
        const Example& ex = train[idx];
        const uint32_t* r = rows[idx].data();
        const size_t n = ex.words.size();
        model.Emit(model.w, r, n, &emit);
        Viterbi(emit.data(), n, model.tw, model.sw, &scratch, &back, &pred);
        if (pred != ex.tags) {
          ++mistakes;
          float step = 1.0f;
          if (options.passive_aggressive) {
            // PA-I: tau = min(C, (loss - margin) / |phi(gold) - phi(pred)|^2)
            // with the Hamming loss; the feature difference is counted as
            // if no two features of a token shared a row.
            double margin = 0, loss = 0, norm = 0;
            for (size_t i = 0; i < n; ++i) {
              const int g = ex.tags[i], p = pred[i];
              const int gp = i ? ex.tags[i - 1] : -1, pp = i ? pred[i - 1] : -1;
              if (g != p) {
                loss += 1;
                margin += emit[i * kTagStride + g] - emit[i * kTagStride + p];
                for (int k = 0; k < per_token; ++k) norm += r[i * per_token + k] != model.dead ? 2 : 0;
              }
              if (g != p || gp != pp) {
                margin += (gp < 0 ? model.sw[g] : model.tw[gp][g]) -
                          (pp < 0 ? model.sw[p] : model.tw[pp][p]);
                norm += 2;
              }
            }
            step = static_cast<float>(
                std::min<double>(options.pa_c, (loss - margin) / std::max(norm, 1.0)));
            if (step <= 0) step = 0;
          }
          for (size_t i = 0; i < n && step > 0; ++i) {
            const int g = ex.tags[i], p = pred[i];
            if (g != p) {
              model.Update(r, i, g, step);
              model.Update(r, i, p, -step);
            }
            const int gp = i ? ex.tags[i - 1] : -1, pp = i ? pred[i - 1] : -1;
            if (g != p || gp != pp) {
              model.UpdateTransition(gp, g, step);
              model.UpdateTransition(pp, p, -step);
            }
          }
        }
        model.c += 1;
      }
      log << "  epoch " << epoch << ": " << mistakes << " of " << order.size()
          << " sequences wrong";
      if (!dev_rows.empty()) {
        model.Average(avg, layer->transition, layer->start);
        Scores s;
        for (size_t i = 0; i < options.dev.size(); ++i) {
          const size_t n = options.dev[i].words.size();
          model.Emit(*avg, dev_rows[i].data(), n, &emit);
          Viterbi(emit.data(), n, layer->transition, layer->start, &scratch,
                  &back, &pred);
          ScoreTags(options.dev[i].tags, pred, &s);
        }
        log << "; dev micro F1 " << std::fixed << std::setprecision(4)
            << s.MicroF1();
      }
      log << "\n";
    }
    model.Average(avg, layer->transition, layer->start);
  };
  // An ensemble of `options.ensemble` averaged perceptrons, each over its
  // own shuffles of the data, merged by averaging their weights: one model
  // of the same size, less dependent on the order of the examples.
  auto train_layer = [&](const Rows& rows, int per_token, auto use,
                         const Rows& dev_rows, Layer* layer,
                         std::vector<float>* avg) {
    const int m = std::max(1, options.ensemble);
    train_one(rows, per_token, use, dev_rows, layer, avg);
    if (m == 1) return;
    std::vector<float> other;
    Layer other_layer;
    for (int e = 1; e < m; ++e) {
      log << "  ensemble member " << e + 1 << " of " << m << "\n";
      train_one(rows, per_token, use, dev_rows, &other_layer, &other);
      for (size_t i = 0; i < avg->size(); ++i) (*avg)[i] += other[i];
      for (int p = 0; p < kTagStride; ++p) {
        layer->start[p] += other_layer.start[p];
        for (int t = 0; t < kTagStride; ++t) {
          layer->transition[p][t] += other_layer.transition[p][t];
        }
      }
    }
    const float inv = 1.0f / static_cast<float>(m);
    for (float& v : *avg) v *= inv;
    for (int p = 0; p < kTagStride; ++p) {
      layer->start[p] *= inv;
      for (int t = 0; t < kTagStride; ++t) layer->transition[p][t] *= inv;
    }
  };
  // Tags examples with averaged float weights (pass 1 of the stacking).
  auto predict = [&](const std::vector<float>& w, const Layer& layer,
                     const Rows& rows, int per_token, size_t i,
                     std::vector<uint8_t>* tags) {
    Perceptron p(8, per_token);  // only Emit is used
    p.Emit(w, rows[i].data(), rows[i].size() / per_token, &emit);
    Viterbi(emit.data(), rows[i].size() / per_token, layer.transition,
            layer.start, &scratch, &back, tags);
  };
  auto quantize = [&](const std::vector<float>& avg, Layer* layer) {
    float max_abs = 0;
    for (size_t i = 0; i < (size_t{1} << options.hash_bits) * kTagStride; ++i) {
      max_abs = std::max(max_abs, std::fabs(avg[i]));
    }
    layer->scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
    const size_t size = (size_t{1} << options.hash_bits) * kTagStride;
    layer->weights.resize(size);
    size_t nonzero = 0;
    for (size_t i = 0; i < size; ++i) {
      const long q = std::lround(avg[i] / layer->scale);
      layer->weights[i] = static_cast<int16_t>(std::clamp(q, -32767L, 32767L));
      nonzero += layer->weights[i] != 0;
    }
    log << "weights: " << nonzero << " non-zero of " << size
        << ", scale " << layer->scale << "\n";
  };
  // Document features from pass-1 tags: examples of one document (doc >= 0)
  // share a DocContext; any other example is a document of its own.
  auto doc_rows = [&](const std::vector<Example>& set,
                      std::vector<PassOne>& passes, const Rows& base) {
    Rows out(set.size());
    std::unordered_map<int, std::vector<size_t>> by_doc;
    std::vector<std::vector<size_t>> groups;
    for (size_t i = 0; i < set.size(); ++i) {
      if (set[i].doc >= 0) {
        by_doc[set[i].doc].push_back(i);
      } else {
        groups.push_back({i});
      }
    }
    for (auto& [d, g] : by_doc) groups.push_back(g);
    DocContext ctx;
    std::vector<uint64_t> docf, joined;
    std::vector<std::string_view> words;
    for (const auto& g : groups) {
      ctx.Clear();
      for (size_t i : g) {
        Views(set[i], &words);
        ctx.Add(passes[i], words);
      }
      for (size_t i : g) {
        const size_t n = set[i].words.size();
        docf.resize(n * kDocFeaturesPerToken);
        ctx.Extract(passes[i], docf.data());
        out[i].resize(n * kLayer2FeaturesPerToken);
        for (size_t t = 0; t < n; ++t) {
          uint32_t* o = out[i].data() + t * kLayer2FeaturesPerToken;
          std::copy(base[i].begin() + t * K, base[i].begin() + (t + 1) * K, o);
          for (int k = 0; k < kDocFeaturesPerToken; ++k) {
            o[K + k] = static_cast<uint32_t>(docf[t * kDocFeaturesPerToken + k] >> shift);
          }
        }
      }
    }
    return out;
  };

  // Feature cutoff: rows seen in fewer than min_feature_count training
  // tokens (counting repeats) become the never-learned dead row.
  auto prune = [&](Rows rows, int per_token) {
    if (options.min_feature_count <= 1) return rows;
    std::vector<uint32_t> count(size_t{1} << options.hash_bits, 0);
    for (size_t i = 0; i < rows.size(); ++i) {
      for (uint32_t r : rows[i]) count[r] += static_cast<uint32_t>(train[i].repeat);
    }
    size_t pruned = 0, total = 0;
    for (auto& row : rows) {
      for (uint32_t& r : row) {
        if (r < count.size() && count[r] < static_cast<uint32_t>(options.min_feature_count)) {
          r = uint32_t{1} << options.hash_bits;
          ++pruned;
        }
        ++total;
      }
    }
    log << "feature cutoff " << options.min_feature_count << ": " << pruned
        << " of " << total << " features dropped (per_token " << per_token << ")\n";
    return rows;
  };

  Model out;
  out.hash_bits = options.hash_bits;
  out.layers.resize(options.two_pass ? 2 : 1);
  std::vector<float> avg1;
  log << "layer 1 (paragraph features)\n";
  const Rows train_rows1 = prune(train_rows, K);
  train_layer(train_rows1, K, [](size_t) { return true; }, dev_rows,
              &out.layers[0], &avg1);
  if (options.two_pass) {
    // Pass-1 tags of the training data from models that did not see it, so
    // layer 2 learns how far to trust pass 1 on new text.
    const int folds = std::max(2, options.stack_folds);
    auto fold_of = [&](size_t i) {
      return train[i].doc >= 0 ? static_cast<int>(Mix64(train[i].doc + 1) % folds)
                               : static_cast<int>(i % folds);
    };
    for (int k = 0; k < folds; ++k) {
      log << "layer 1, stacking fold " << k + 1 << " of " << folds << "\n";
      Layer fold_layer;
      std::vector<float> fold_avg;
      train_layer(train_rows1, K, [&](size_t i) { return fold_of(i) != k; }, {},
                  &fold_layer, &fold_avg);
      for (size_t i = 0; i < train.size(); ++i) {
        if (fold_of(i) == k) {
          predict(fold_avg, fold_layer, train_rows1, K, i, &train_passes[i].tags);
        }
      }
    }
    const Rows train_rows2 =
        prune(doc_rows(train, train_passes, train_rows), kLayer2FeaturesPerToken);
    for (size_t i = 0; i < options.dev.size(); ++i) {
      predict(avg1, out.layers[0], dev_rows, K, i, &dev_passes[i].tags);
    }
    const Rows dev_rows2 = doc_rows(options.dev, dev_passes, dev_rows);
    log << "layer 2 (paragraph and document features)\n";
    std::vector<float> avg2;
    train_layer(train_rows2, kLayer2FeaturesPerToken,
                [](size_t) { return true; }, dev_rows2, &out.layers[1], &avg2);
    quantize(avg2, &out.layers[1]);
  }
  quantize(avg1, &out.layers[0]);

  // Name lists as hashes.
  for (const auto& [h, c] : lex.names_) {
    uint32_t counts[3] = {c.by_type[0], c.by_type[1], c.by_type[2] + c.fixed_loc};
    if (const uint8_t t = TrainLexicon::TypesOf(counts) | c.gaz; t != 0) {
      out.names.Insert(h, t);
    }
  }
  for (const auto& [h, bits] : lex.common_) out.common.Insert(h, bits);
  for (const auto& [h, c] : lex.clusters_) out.clusters.Insert(h, c);
  log << "names " << out.names.size() << "\n";
  return out.Save(model_path);
}

Status EvaluateJsonl(const NerTagger& tagger, const std::string& gold_path,
                     const EvalOptions& options, std::ostream& out) {
  std::vector<Doc> docs;
  if (Status s = ReadDocs(gold_path, &docs); !s.ok()) return s;
  static const char* kNames[] = {"PER", "ORG", "LOC"};
  Scores total;
  size_t names = 0;
  for (const Doc& d : docs) {
    // Scored in characters, as the gold is.
    std::vector<size_t> byte_to_char(d.text.size() + 1, 0);
    size_t chars = 0;
    for (size_t i = 0; i < d.text.size(); ++i) {
      byte_to_char[i] = chars;
      if ((static_cast<unsigned char>(d.text[i]) & 0xC0) != 0x80) ++chars;
    }
    byte_to_char[d.text.size()] = chars;
    std::set<std::tuple<size_t, size_t, int>> gold, pred;
    for (const Doc::Name& n : d.names) gold.insert({n.start, n.end, n.type});
    for (const auto& para : tagger.TagDocument(d.text, SplitParagraphs(d.text))) {
      for (const NerSpan& s : para) {
        pred.insert({s.start, s.end, static_cast<int>(s.type)});
      }
    }
    Scores s;
    for (const auto& g : gold) ++s.gold[std::get<2>(g)];
    for (const auto& p : pred) {
      ++s.pred[std::get<2>(p)];
      if (gold.count(p)) ++s.correct[std::get<2>(p)];
    }
    names += gold.size();
    total.Add(s);
    if (options.show_errors) {
      auto show = [&](const char* what, const auto& a, const auto& b) {
        for (const auto& x : a) {
          if (b.count(x)) continue;
          out << d.id << " " << what << " " << kNames[std::get<2>(x)] << " ["
              << byte_to_char[std::get<0>(x)] << "," << byte_to_char[std::get<1>(x)]
              << ") " << d.text.substr(std::get<0>(x), std::get<1>(x) - std::get<0>(x))
              << "\n";
        }
      };
      show("missed", gold, pred);
      show("spurious", pred, gold);
    }
  }
  out << "gold: " << gold_path << " (" << docs.size() << " documents, " << names
      << " names; exact span match)\n";
  total.Print(out);
  return Status::Ok();
}

Status Benchmark(const NerTagger& tagger, const std::string& jsonl_path,
                 int repeat, std::ostream& out) {
  std::vector<Doc> docs;
  if (Status s = ReadDocs(jsonl_path, &docs); !s.ok()) return s;
  std::vector<std::vector<TextRange>> paras;
  size_t bytes = 0, spans = 0;
  for (const Doc& d : docs) {
    paras.push_back(SplitParagraphs(d.text));
    bytes += d.text.size();
  }
  const auto t0 = std::chrono::steady_clock::now();
  for (int r = 0; r < repeat; ++r) {
    for (size_t i = 0; i < docs.size(); ++i) {
      for (const auto& p : tagger.TagDocument(docs[i].text, paras[i])) {
        spans += p.size();
      }
    }
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double mb = double(bytes) * repeat / 1e6;
  out << "tagged " << std::fixed << std::setprecision(2) << mb << " MB in "
      << std::setprecision(3) << secs << " s: " << std::setprecision(2)
      << mb / secs << " MB/s (" << spans / std::max(repeat, 1) << " names per pass)\n";
  return Status::Ok();
}

}  // namespace byline::ner
