// The extractor's candidates (a typed span of the article and its
// canonical name), the rule switches, and what every stage does to a
// span: clean it, set it, see what the candidates cover.
#ifndef BYLINE_INDEX_RULES_CANDIDATE_H_
#define BYLINE_INDEX_RULES_CANDIDATE_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "byline/entity.h"
#include "byline/ner/tagger.h"
#include "byline/passage.h"
#include "byline/text.h"

namespace byline::rules {

struct Candidate {
  EntityType type;
  TextRange range;
  std::string key;   // FoldName(surface)
  std::string name;  // canonical, set last
  // Typed by where it stands: a team of the sports results, a player of a
  // scorecard, the place of a dateline. No later rule retypes it, and it
  // counts twice when the article's mentions of a name vote on its type.
  bool fixed = false;
};

// An article's names by a part of them (a surname, a first word, what
// follows a qualifier): a short form stands for the one name with that
// part, and for none when two different names share it.
class NamesByPart {
 public:
  // `name`, whose key is `key`, has the part `part` (a key too).
  void Add(const std::string& part, std::string name, const std::string& key) {
    auto [it, inserted] = names_.emplace(part, std::move(name));
    if (!inserted && FoldName(it->second) != key) ambiguous_.insert(part);
  }
  // The one name with the part `part`; nullptr if none or several.
  const std::string* Find(const std::string& part) const {
    if (ambiguous_.count(part)) return nullptr;
    const auto it = names_.find(part);
    return it == names_.end() ? nullptr : &it->second;
  }

 private:
  std::map<std::string, std::string> names_;
  std::set<std::string> ambiguous_;
};

// What every stage reads of an article: its text, the ranges of its title
// and passages, their words, and the tagger (whose lists some rules ask;
// null when the extractor runs on rules alone).
struct ArticleText {
  std::string_view text;
  const std::vector<TextRange>& ranges;  // the title's, then each passage's
  const std::vector<std::vector<TextRange>>& range_words;  // Words() of each
  const NerTagger* tagger;
  std::string_view Slice(TextRange r) const {
    return text.substr(r.start, r.size());
  }
};

// Adds a candidate of `type` for the span `r` of the article's text,
// cleaned (CleanSpan()); nothing if nothing is left of it.
void AddCandidate(const ArticleText& a, EntityType type, TextRange r,
                  std::vector<Candidate>* cands);

// Which bytes of a text of `size` bytes the candidates cover.
std::vector<bool> Covered(size_t size, const std::vector<Candidate>& cands);

// Whether no byte of `r` is in `covered` (what Covered() gave).
bool Uncovered(const std::vector<bool>& covered, TextRange r);

// Marks the bytes of `r` covered.
void Cover(TextRange r, std::vector<bool>* covered);

// Appends `found` to `cands` and puts them all in text order again (the
// order the stages after expect).
void AppendInTextOrder(const std::vector<Candidate>& found,
                       std::vector<Candidate>* cands);

// The keys of the last words of the article's persons named by two words
// or more: their surnames ("sampras" for "Pete Sampras").
std::set<std::string> SurnameKeys(const ArticleText& a,
                                  const std::vector<Candidate>& cands);

// The words of the article's names of `type` that have two words or more:
// a lone word among them may be short for the longer name ("Washington"
// for "George Washington", "Tamil" for "Tamil Selvan").
std::set<std::string_view> WordsOfLongerNames(
    const ArticleText& a, const std::vector<Candidate>& cands, EntityType type);

// The tagger's type as an entity type.
EntityType FromNer(NerType t);

// Trims what is not part of a name from a tagged span: titles before a
// person, "the" before an organisation or place, a sentence's opening word
// ("While"), possessive endings and stray punctuation. Returns an empty
// range when nothing is left.
TextRange CleanSpan(std::string_view text, TextRange r, EntityType type);

// Moves `c` to the span `r` of `text`, its key with it.
void SetRange(std::string_view text, TextRange r, Candidate* c);

// SetEntityRule()'s switches: (name, on).
std::vector<std::pair<std::string, bool>>& RuleOverrides();

// Whether the rule `name` is on: SetEntityRule(), then the environment
// (BYLINE_NER_RULES_OFF, BYLINE_NER_RULES_ON), then its default.
bool RuleOn(std::string_view name);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_CANDIDATE_H_
