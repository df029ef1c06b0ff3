#include "second_stage.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_map>
#include <utility>

#include "byline/schema.h"
#include "byline/text.h"

namespace byline {
namespace {

// Xapian's BM25 idf over passages, kept positive for words most passages
// have (as in Robertson's later form).
double Idf(const Xapian::Database& db, const std::string& term) {
  const double n = db.get_doccount();
  const double df = db.get_termfreq(term);
  return std::log((n - df + 0.5) / (df + 0.5) + 1);
}

// BM25 (k1 1, b 0.75) of counts `tf` in a text `length` long, against a
// mean length `mean`.
double Bm25(const std::vector<Xapian::termcount>& tf,
            const std::vector<double>& idf, double length, double mean) {
  const double k = 0.25 + 0.75 * (mean > 0 ? length / mean : 1.0);
  double score = 0;
  for (size_t t = 0; t < tf.size(); ++t) {
    if (tf[t] > 0) score += idf[t] * 2.0 * tf[t] / (tf[t] + k);
  }
  return score;
}

// Proximity in one passage, from each query word's positions there:
// for each pair of words next to each other in the query, how often the
// second comes one or two words after the first (n / (n + 1), times the
// pair's mean idf); plus a fifth of what the densest run of 12 words adds
// over the best single word (the sum of the idfs of the distinct words in
// it, less the largest idf of a word the passage has).
double Proximity(const std::vector<std::vector<Xapian::termpos>>& positions,
                 const std::vector<double>& idf) {
  constexpr Xapian::termpos kOrderedGap = 2;
  constexpr Xapian::termpos kWindow = 12;
  constexpr double kWindowShare = 0.2;
  double ordered = 0;
  for (size_t t = 0; t + 1 < positions.size(); ++t) {
    const std::vector<Xapian::termpos>& a = positions[t];
    const std::vector<Xapian::termpos>& b = positions[t + 1];
    if (a.empty() || b.empty()) continue;
    size_t n = 0;
    for (const Xapian::termpos x : a) {
      // The first position of b after x (both lists ascend).
      const auto y = std::upper_bound(b.begin(), b.end(), x);
      if (y != b.end() && *y - x <= kOrderedGap) ++n;
    }
    ordered += (idf[t] + idf[t + 1]) / 2 * n / (n + 1.0);
  }
  std::vector<std::pair<Xapian::termpos, size_t>> events;
  double best_single = 0;
  for (size_t t = 0; t < positions.size(); ++t) {
    for (const Xapian::termpos p : positions[t]) events.emplace_back(p, t);
    if (!positions[t].empty()) best_single = std::max(best_single, idf[t]);
  }
  std::sort(events.begin(), events.end());
  std::vector<size_t> in_window(positions.size(), 0);
  double current = 0, best = 0;
  size_t first = 0;
  for (const auto& [p, t] : events) {
    if (in_window[t]++ == 0) current += idf[t];
    while (events[first].first + kWindow <= p) {
      if (--in_window[events[first].second] == 0) {
        current -= idf[events[first].second];
      }
      ++first;
    }
    best = std::max(best, current);
  }
  return ordered + kWindowShare * (best - best_single);
}

// The words of the (folded) name an entity term holds: "XPERjens
// stoltenberg" -> "jens", "stoltenberg".
std::vector<std::string_view> NameWords(std::string_view term) {
  term = schema::EntityTermName(term);
  std::vector<std::string_view> words;
  size_t start = 0;
  for (size_t i = 0; i <= term.size(); ++i) {
    if (i == term.size() || term[i] == ' ' || term[i] == '-' ||
        term[i] == '.' || term[i] == '\'') {
      if (i > start) words.push_back(term.substr(start, i - start));
      start = i + 1;
    }
  }
  return words;
}

// Calls on_posting(docid, tag, wdf) for each (docid, tag) of `docs`
// (sorted by docid) whose passage has `term`, walking its posting list
// once.
template <typename Tag, typename OnPosting>
void ForEachPosting(const Xapian::Database& db, const std::string& term,
                    const std::vector<std::pair<Xapian::docid, Tag>>& docs,
                    OnPosting&& on_posting) {
  Xapian::PostingIterator p = db.postlist_begin(term);
  const Xapian::PostingIterator end = db.postlist_end(term);
  for (const auto& [did, tag] : docs) {
    p.skip_to(did);
    if (p == end) break;
    if (*p == did) on_posting(did, tag, p.get_wdf());
  }
}

// Words that open a question besides kWhWords.
constexpr std::string_view kQuestionVerbs[] = {
    "is",    "are",    "was",   "were", "do",  "does", "did", "can",
    "could", "should", "would", "will", "has", "have", "had"};

// Whether `word` (lower case) is a question word or opens a question.
bool IsQuestionWord(std::string_view word) {
  const auto in = [&](const auto& list) {
    return std::find(std::begin(list), std::end(list), word) != std::end(list);
  };
  return in(kWhWords) || in(kQuestionVerbs);
}

// The query's words (ASCII letters), as written.
std::vector<std::string_view> LetterWords(std::string_view query) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < query.size()) {
    while (i < query.size() &&
           !std::isalpha(static_cast<unsigned char>(query[i]))) {
      ++i;
    }
    const size_t start = i;
    while (i < query.size() &&
           std::isalpha(static_cast<unsigned char>(query[i]))) {
      ++i;
    }
    if (i > start) words.push_back(query.substr(start, i - start));
  }
  return words;
}

bool HasLowerCase(std::string_view query) {
  return std::any_of(query.begin(), query.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c));
  });
}

bool AllUpperCase(std::string_view word) {
  return std::none_of(word.begin(), word.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c));
  });
}

}  // namespace

bool IsQuestion(std::string_view query) {
  while (!query.empty() &&
         std::isspace(static_cast<unsigned char>(query.back()))) {
    query.remove_suffix(1);
  }
  if (!query.empty() && query.back() == '?') return true;
  const std::vector<std::string_view> words = LetterWords(query);
  if (words.empty()) return false;
  // "WHO guidelines": an acronym, in a query that has lower case.
  if (words.size() > 1 && words.front().size() > 1 && HasLowerCase(query) &&
      AllUpperCase(words.front())) {
    return false;
  }
  return IsQuestionWord(AsciiLower(words.front()));
}

bool HasQuestionWordInCapitals(std::string_view query) {
  if (!HasLowerCase(query)) return false;
  for (const std::string_view w : LetterWords(query)) {
    if (w.size() > 1 && AllUpperCase(w) && IsQuestionWord(AsciiLower(w))) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> StemmedWordsInOrder(const Xapian::Database& db,
                                             const Xapian::Query& words) {
  const std::string_view prefix = schema::kStemPrefix;
  std::vector<std::string> terms;
  for (auto t = words.get_terms_begin(); t != words.get_terms_end(); ++t) {
    const std::string& term = *t;
    // A stemmed word, not a stemmed field term ("ZStitl" of title:).
    if (term.size() <= prefix.size() || !term.starts_with(prefix) ||
        std::isupper(static_cast<unsigned char>(term[prefix.size()]))) {
      continue;
    }
    if (std::find(terms.begin(), terms.end(), term) != terms.end()) continue;
    if (db.get_termfreq(term) == 0) continue;
    terms.push_back(term);
  }
  return terms;
}

std::vector<SecondStageEvidence> SecondStage(
    const Xapian::Database& db, const std::vector<std::string>& terms,
    const std::vector<std::string>& named,
    const std::vector<Xapian::docid>& hits, bool article, bool proximity) {
  std::vector<SecondStageEvidence> evidence(hits.size());
  if (terms.empty() || hits.empty()) return evidence;
  std::vector<double> idf;
  for (const std::string& t : terms) idf.push_back(Idf(db, t));

  if (article) {
    // Each hit's article, once, with its passages.
    std::unordered_map<std::string, size_t> article_of;
    std::vector<size_t> hit_article;
    std::vector<double> length;
    std::vector<std::pair<Xapian::docid, size_t>> passages;  // (docid, article)
    for (const Xapian::docid did : hits) {
      const std::string id = db.get_document(did, Xapian::DOC_ASSUME_VALID)
                                 .get_value(schema::kSlotArticleId);
      const auto [it, added] = article_of.emplace(id, length.size());
      hit_article.push_back(it->second);
      if (!added) continue;
      const std::string term = schema::ArticleTerm(id);
      double total = 0;
      for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
        passages.emplace_back(*p, it->second);
        total += db.get_doclength(*p);
      }
      length.push_back(total);
    }
    std::sort(passages.begin(), passages.end());
    // Each hit is one of its article's passages: the walk that counts the
    // articles' words also tells which of the words each hit has.
    std::unordered_map<Xapian::docid, size_t> hit_of;
    for (size_t h = 0; h < hits.size(); ++h) hit_of.emplace(hits[h], h);
    std::vector<std::vector<Xapian::termcount>> tf(
        length.size(), std::vector<Xapian::termcount>(terms.size(), 0));
    std::vector<std::vector<bool>> hit_has(
        hits.size(), std::vector<bool>(terms.size(), false));
    for (size_t t = 0; t < terms.size(); ++t) {
      ForEachPosting(db, terms[t], passages,
                     [&](Xapian::docid did, size_t a, Xapian::termcount wdf) {
                       tf[a][t] += wdf;
                       if (const auto h = hit_of.find(did); h != hit_of.end()) {
                         hit_has[h->second][t] = true;
                       }
                     });
    }
    // Lengths against the mean of these articles: only the order of the
    // hits matters, and the index keeps no count of its articles.
    double mean = 0;
    for (const double l : length) mean += l;
    mean /= static_cast<double>(length.size());
    std::vector<bool> about(hits.size(), true);
    if (!named.empty()) {
      // The stemmed words of the names the query names.
      const Xapian::Stem stem(schema::kStemLanguage);
      std::vector<bool> name_word(terms.size(), false);
      for (const std::string& entity : named) {
        for (const std::string_view word : NameWords(entity)) {
          std::string z(schema::kStemPrefix);
          z += stem(std::string(word));
          for (size_t t = 0; t < terms.size(); ++t) {
            if (terms[t] == z) name_word[t] = true;
          }
        }
      }
      std::vector<std::pair<Xapian::docid, size_t>> sorted;  // (docid, hit)
      for (size_t h = 0; h < hits.size(); ++h) sorted.emplace_back(hits[h], h);
      std::sort(sorted.begin(), sorted.end());
      std::vector<bool> names_it(hits.size(), false);
      for (const std::string& entity : named) {
        ForEachPosting(db, entity, sorted,
                       [&](Xapian::docid, size_t h, Xapian::termcount) {
                         names_it[h] = true;
                       });
      }
      for (size_t h = 0; h < hits.size(); ++h) {
        bool other_word = false;
        for (size_t t = 0; t < terms.size(); ++t) {
          other_word = other_word || (hit_has[h][t] && !name_word[t]);
        }
        about[h] = names_it[h] || other_word;
      }
    }
    for (size_t h = 0; h < hits.size(); ++h) {
      const size_t a = hit_article[h];
      if (about[h]) evidence[h].article = Bm25(tf[a], idf, length[a], mean);
    }
  }

  if (proximity && terms.size() >= 2) {
    std::vector<std::vector<Xapian::termpos>> positions(terms.size());
    for (size_t h = 0; h < hits.size(); ++h) {
      for (size_t t = 0; t < terms.size(); ++t) {
        positions[t].clear();
        for (auto p = db.positionlist_begin(hits[h], terms[t]);
             p != db.positionlist_end(hits[h], terms[t]); ++p) {
          positions[t].push_back(*p);
        }
      }
      evidence[h].proximity = Proximity(positions, idf);
    }
  }
  return evidence;
}

}  // namespace byline
