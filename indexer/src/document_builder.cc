#include "byline/index/document_builder.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>

#include "byline/doc_data.h"
#include "byline/schema.h"

namespace byline {
namespace {

// Xapian's stemmer with a memory of the words it stemmed: the term
// generator stems every word of every passage, and news repeats its words
// (the bench's passages: most words seen before). One builder, so one
// cache, a thread; emptied when it grows past a bound.
class CachedStem : public Xapian::StemImplementation {
 public:
  explicit CachedStem(const std::string& language) : stem_(language) {}
  std::string operator()(const std::string& word) override {
    if (cache_.size() > kMaxWords) cache_.clear();
    auto [it, added] = cache_.try_emplace(word);
    if (added) it->second = stem_(word);
    return it->second;
  }
  std::string get_description() const override {
    return "cached " + stem_.get_description();
  }

 private:
  static constexpr size_t kMaxWords = 200000;
  Xapian::Stem stem_;
  std::unordered_map<std::string, std::string> cache_;
};

}  // namespace

DocumentBuilder::DocumentBuilder()
    : stemmer_(new CachedStem(std::string(schema::kStemLanguage))) {
  termgen_.set_stemmer(stemmer_);
  // Stems only (schema.h).
  termgen_.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
}

Xapian::Document DocumentBuilder::Build(const Article& article,
                                        const Passage& passage,
                                        std::span<const Mention> mentions,
                                        const MinHashSignature* signature,
                                        std::vector<FacetName>* facets) {
  Xapian::Document doc;
  termgen_.set_document(doc);
  // Title words rank every passage of the article (a passage about the
  // headline's subject is a better hit) and are searchable as title:.
  if (passage.index == 0) {
    termgen_.index_text(article.title, 1, std::string(schema::kTitlePrefix));
    termgen_.index_text(article.title);
  } else {
    // The same terms without positions: positions of the title words in
    // every passage would cost a tenth of the writer's time and serve only
    // phrases, which the first passage answers.
    termgen_.index_text_without_positions(article.title, 1,
                                          std::string(schema::kTitlePrefix));
    termgen_.index_text_without_positions(article.title);
  }
  // Keep phrases from matching across the title/body seam.
  termgen_.increase_termpos();
  const std::string_view text = article.Slice(passage.range);
  termgen_.index_text(Xapian::Utf8Iterator(text.data(), text.size()));

  doc.add_boolean_term(schema::UniqueTerm(article.article_id, passage.index));
  doc.add_boolean_term(schema::ArticleTerm(article.article_id));
  doc.add_value(schema::kSlotArticleId, article.article_id);
  doc.add_value(schema::kSlotPassageIndex,
                Xapian::sortable_serialise(static_cast<double>(passage.index)));

  if (passage.index == 0 && signature != nullptr) {
    for (const std::string& t : BandTerms(*signature)) doc.add_boolean_term(t);
    doc.add_value(schema::kSlotMinHash, EncodeSignature(*signature));
  }

  if (const std::string day = schema::PublicationDay(article.published);
      !day.empty()) {
    for (const std::string& t : schema::DateTerms(schema::kDatePrefix, day)) {
      doc.add_boolean_term(t);
    }
    doc.add_value(schema::kSlotPublished, day);
    if (facets != nullptr) {
      facets->push_back(
          {EntityType::kDate, schema::FacetKey(EntityType::kDate, day), day});
    }
  }

  schema::EntityList entities;
  std::set<std::string> terms;
  std::map<std::string, size_t> entity_of_term;  // -> index in entities
  std::vector<schema::MentionSpan> spans;
  for (const Mention& m : mentions) {
    const std::vector<std::string> ts = schema::EntityTerms(m.type, m.name);
    if (terms.insert(ts.front()).second) {
      entity_of_term.emplace(ts.front(), entities.size());
      entities.emplace_back(m.type, m.name);
      // Dates mentioned are no facet: the date facet counts publication
      // days.
      if (facets != nullptr && m.type != EntityType::kDate) {
        facets->push_back({m.type, ts.front(), m.name});
      }
    }
    terms.insert(ts.begin() + 1, ts.end());
    // Where it is named, if it is one of the listed entities (a date
    // already listed at a finer level, "2024-07" after "2024-07-14", is
    // not) and inside the passage (not the title).
    const auto entity = entity_of_term.find(ts.front());
    if (entity != entity_of_term.end() && m.start >= passage.range.start &&
        m.end <= passage.range.end && m.start < m.end) {
      spans.push_back({entity->second, m.start - passage.range.start,
                       m.end - passage.range.start});
    }
  }
  for (const std::string& t : terms) doc.add_term(t, 1);
  if (!entities.empty()) {
    doc.add_value(schema::kSlotEntities, schema::EncodeEntityList(entities));
  }
  if (!spans.empty()) {
    std::sort(spans.begin(), spans.end(), [](const auto& a, const auto& b) {
      return std::tie(a.start, a.end, a.entity) <
             std::tie(b.start, b.end, b.entity);
    });
    spans.erase(std::unique(spans.begin(), spans.end()), spans.end());
    doc.add_value(schema::kSlotMentions, schema::EncodeMentionSpans(spans));
  }

  StoredPassage stored;
  stored.article_id = article.article_id;
  stored.source = article.source;
  stored.title = article.title;
  stored.record = article.record;
  stored.url = article.url;
  stored.published = article.published;
  stored.author = article.author;
  if (article.capture) {
    stored.has_capture = true;
    stored.capture_offset = article.capture->offset;
    stored.record_id = article.capture->record_id;
    stored.captured = article.capture->captured;
    stored.payload_digest = article.capture->payload_digest;
    // Lets a later run see that this payload is indexed already.
    doc.add_boolean_term(
        schema::BooleanTerm(schema::kDigestPrefix, stored.payload_digest));
  }
  stored.passage = passage.index;
  stored.start = passage.range.start;
  stored.end = passage.range.end;
  stored.text = std::string(text);
  doc.add_value(schema::kSlotPassageText, EncodePassageValue(stored));
  // The article's record once, with its first passage.
  if (passage.index == 0) doc.set_data(EncodeArticleData(stored));
  // Let go of the document: Xapian's reference counts are not atomic, and
  // the document is freed on another thread (the writer's, or another
  // reader's), which must not race with this thread dropping the
  // generator's reference when it starts the next one.
  termgen_.set_document(Xapian::Document());
  return doc;
}

ArticleDocuments DocumentBuilder::BuildArticle(
    const Article& article, const std::vector<Passage>& passages,
    const std::vector<Mention>& mentions,
    std::optional<MinHashSignature> signature) {
  ArticleDocuments out;
  out.article_id = article.article_id;
  std::unordered_map<std::string, uint32_t> spellings;
  out.signature = std::move(signature);
  auto next = mentions.begin();
  for (const Passage& p : passages) {
    // Mentions are in text order; skip the title's and take this
    // passage's run.
    while (next != mentions.end() && (next->passage == Mention::kNoPassage ||
                                      next->passage < p.index)) {
      ++next;
    }
    auto end = next;
    while (end != mentions.end() && end->passage == p.index) ++end;
    const std::span<const Mention> mine(next, end);
    out.facets.emplace_back();
    out.passages.push_back(Build(article, p, mine,
                                 out.signature ? &*out.signature : nullptr,
                                 &out.facets.back()));
    out.word_hashes.push_back(PassageWordsHash(article.Slice(p.range)));
    // Synonyms are database-wide: the title's words once.
    const std::string_view texts[] = {
        article.Slice(p.range),
        p.index == 0 ? std::string_view(article.title) : std::string_view()};
    AddSynonyms(texts, mine, &out.synonyms);
    for (const std::string_view t : texts) CountSpellings(t, &spellings);
    next = end;
  }
  out.spellings.assign(spellings.begin(), spellings.end());
  // Each once: a name mentioned ten times brings the same pairs ten times,
  // and the writer, the busiest thread, would look each one up.
  std::sort(out.synonyms.begin(), out.synonyms.end());
  out.synonyms.erase(std::unique(out.synonyms.begin(), out.synonyms.end()),
                     out.synonyms.end());
  return out;
}

namespace {

bool IsLetter(unsigned ch) {
  switch (Xapian::Unicode::get_category(ch)) {
    case Xapian::Unicode::UPPERCASE_LETTER:
    case Xapian::Unicode::LOWERCASE_LETTER:
    case Xapian::Unicode::TITLECASE_LETTER:
    case Xapian::Unicode::MODIFIER_LETTER:
    case Xapian::Unicode::OTHER_LETTER:
      return true;
    default:
      return false;
  }
}

// The words of `text` as the query parser reads them (runs of word
// characters, Unicode-lowercased): visit(word, letters_only, ascii_only).
template <typename Visit>
void ForEachWord(std::string_view text, Visit&& visit) {
  std::string word;
  bool letters = true, ascii = true;
  const auto flush = [&] {
    if (!word.empty()) visit(word, letters, ascii);
    word.clear();
    letters = ascii = true;
  };
  for (Xapian::Utf8Iterator c(text.data(), text.size());
       c != Xapian::Utf8Iterator(); ++c) {
    if (!Xapian::Unicode::is_wordchar(*c)) {
      flush();
      continue;
    }
    letters &= IsLetter(*c);
    ascii &= *c < 0x80;
    Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(*c));
  }
  flush();
}

}  // namespace

void DocumentBuilder::CountSpellings(
    std::string_view text, std::unordered_map<std::string, uint32_t>* out) {
  constexpr size_t kMinBytes = 3, kMaxBytes = 32;
  ForEachWord(text, [&](const std::string& word, bool letters, bool) {
    if (letters && word.size() >= kMinBytes && word.size() <= kMaxBytes) {
      ++(*out)[word];
    }
  });
}

void DocumentBuilder::AddSynonyms(
    std::span<const std::string_view> texts, std::span<const Mention> mentions,
    std::vector<std::pair<std::string, std::string>>* out) {
  for (const Mention& m : mentions) {
    if (m.type == EntityType::kDate) continue;
    const std::string term = schema::EntityTerms(m.type, m.name).front();
    for (const std::string& alias : {FoldName(m.text), FoldName(m.name)}) {
      out->emplace_back(std::string(schema::kAliasKeyPrefix) + alias, term);
    }
  }
  // Accented words: let the unaccented spelling find them. The query
  // parser looks synonyms up by "Z" + the word as typed, lowercased
  // ("Zbodo"), and the index holds "Z" + the stem of the accented word.
  if (folded_.size() > 100000) folded_.clear();
  for (std::string_view text : texts) {
    if (std::all_of(text.begin(), text.end(), [](char c) {
          return static_cast<unsigned char>(c) < 0x80;
        })) {
      continue;
    }
    ForEachWord(text, [&](const std::string& word, bool, bool ascii) {
      if (ascii) return;
      auto [it, added] = folded_.try_emplace(word);
      if (added) {
        it->second = {std::string(schema::kStemPrefix) + FoldName(word),
                      std::string(schema::kStemPrefix) + stemmer_(word)};
      }
      if (it->second.first != it->second.second) out->push_back(it->second);
    });
  }
}

void SetCopyGroup(std::string_view group, ArticleDocuments* docs) {
  for (size_t n = 0; n < docs->passages.size(); ++n) {
    Xapian::Document& doc = docs->passages[n];
    doc.add_value(schema::kSlotCopyGroup, std::string(group));
    doc.add_value(schema::kSlotPassageCopyKey,
                  std::string(group) + ":" + docs->word_hashes[n]);
    if (n == 0) {
      doc.add_boolean_term(
          schema::BooleanTerm(schema::kCopyGroupPrefix, group));
    }
  }
}

}  // namespace byline
