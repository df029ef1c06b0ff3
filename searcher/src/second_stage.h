// The second stage of ranking: evidence that BM25 over one passage cannot
// see, added to the scores of the top hits of the ranked match, which are
// then ordered again (docs/design.md, "Ranking").
//  - Article evidence: BM25 of the query's words over the hit's whole
//    article (all its passages as one text), so a passage of an article
//    about the query ranks above one that only repeats its words.
//  - Proximity, for queries phrased as questions: the query's words next to
//    each other in the passage, in the query's order, and many of them
//    close together.
// Internal to the searcher.
#ifndef BYLINE_SEARCH_SECOND_STAGE_H_
#define BYLINE_SEARCH_SECOND_STAGE_H_

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace byline {

// The question words proper, which a question's search leaves out
// (QueryOptions::drop_question_words).
inline constexpr std::string_view kWhWords[] = {
    "what", "which", "who", "whom", "whose", "when", "where", "why", "how"};

// Whether `query` reads as a question: it opens with a question word
// ("what", "who", "when", "how", "did", ...) or ends with "?". Keyword
// queries ("dielectric constant liquids microwave") get no proximity.
bool IsQuestion(std::string_view query);

// Whether a query that has lower case writes one of the question words in
// capitals ("Who leads the WHO?"): an acronym, not a question word.
bool HasQuestionWordInCapitals(std::string_view query);

// The query's stemmed words (schema::kStemPrefix terms) in the order they
// come in `words`, each once, leaving out those no passage has.
std::vector<std::string> StemmedWordsInOrder(const Xapian::Database& db,
                                             const Xapian::Query& words);

struct SecondStageEvidence {
  double article = 0;    // BM25 of the words over the whole article
  double proximity = 0;  // 0 unless asked for (questions)
};

// The evidence for each of `hits` (passages of `db`), in their order.
// `terms` as StemmedWordsInOrder() gives them. When the query names
// entities (`named`, their terms), a passage that mentions none of them
// and has no word of the query but the names' words gets no article
// evidence: sharing a word with the name ("Jens", a fisherman, in an
// article on Jens Stoltenberg) does not make it about the query.
std::vector<SecondStageEvidence> SecondStage(
    const Xapian::Database& db, const std::vector<std::string>& terms,
    const std::vector<std::string>& named,
    const std::vector<Xapian::docid>& hits, bool article, bool proximity);

}  // namespace byline

#endif  // BYLINE_SEARCH_SECOND_STAGE_H_
