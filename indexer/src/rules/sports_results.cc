#include "rules/sports_results.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "byline/text.h"
#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline::rules {
namespace {

struct Word {
  TextRange range;       // without trailing punctuation
  std::string_view raw;  // as written, punctuation included
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Latin capitals: ASCII, and U+00C0-U+00DE ("Ö", "É") in UTF-8.
bool Capitalised(std::string_view w) {
  if (w.empty()) return false;
  const auto c0 = static_cast<unsigned char>(w[0]);
  if (std::isupper(c0)) return true;
  return c0 == 0xC3 && w.size() > 1 &&
         static_cast<unsigned char>(w[1]) >= 0x80 &&
         static_cast<unsigned char>(w[1]) <= 0x9E &&
         static_cast<unsigned char>(w[1]) != 0x97;  // "×"
}

bool AllDigits(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

// "2-1", "3–0" (en dash): a score.
bool IsScore(std::string_view w) {
  while (!w.empty() && (w.back() == '.' || w.back() == ',' || w.back() == ';' ||
                        w.back() == ')')) {
    w.remove_suffix(1);
  }
  size_t dash = w.find('-');
  size_t len = 1;
  if (dash == std::string_view::npos) {
    dash = w.find("\xE2\x80\x93");
    len = 3;
  }
  return dash != std::string_view::npos && AllDigits(w.substr(0, dash)) &&
         AllDigits(w.substr(dash + len));
}

// Capitalised words that open a sentence or name a day or month, never a
// team's first word: "On Sunday Hamburg drew with ...".
bool NotATeamWord(std::string_view w) {
  static constexpr std::array<std::string_view, 30> kWords = {
      "On",        "In",        "At",      "After",    "Before",   "Then",
      "But",       "And",       "When",    "While",    "Monday",   "Tuesday",
      "Wednesday", "Thursday",  "Friday",  "Saturday", "Sunday",   "January",
      "February",  "March",     "April",   "May",      "June",     "July",
      "August",    "September", "October", "November", "December", "Yesterday"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// A day's name may end a team's name though it never starts one
// ("Sheffield Wednesday").
bool IsDayName(std::string_view w) {
  static constexpr std::array<std::string_view, 7> kDays = {
      "Monday", "Tuesday",  "Wednesday", "Thursday",
      "Friday", "Saturday", "Sunday"};
  return std::find(kDays.begin(), kDays.end(), w) != kDays.end();
}

// A score: one to three digits (not a year).
bool IsPoints(std::string_view w) { return AllDigits(w) && w.size() <= 3; }

// Lower-case words that may sit inside a team's name.
bool Connector(std::string_view w) {
  return w == "and" || w == "of" || w == "de" || w == "la" || w == "del" ||
         w == "di" || w == "&";
}

std::vector<Word> SplitWords(std::string_view text, TextRange line) {
  std::vector<Word> words;
  size_t i = line.start;
  while (i < line.end) {
    while (i < line.end && IsSpace(text[i])) ++i;
    const size_t s = i;
    while (i < line.end && !IsSpace(text[i])) ++i;
    if (i == s) continue;
    size_t e = i;
    // An initial keeps its full stop ("M. Taylor"): it ends no name.
    const bool initial = i - s == 2 && text[s + 1] == '.' &&
                         std::isupper(static_cast<unsigned char>(text[s]));
    while (!initial && e > s &&
           (text[e - 1] == ',' || text[e - 1] == ';' || text[e - 1] == ':' ||
            text[e - 1] == '.' || text[e - 1] == '!' || text[e - 1] == '?' ||
            text[e - 1] == ')' || text[e - 1] == '"')) {
      --e;
    }
    words.push_back({{s, e}, text.substr(s, i - s)});
  }
  return words;
}

std::string_view Bare(std::string_view text, const Word& w) {
  return text.substr(w.range.start, w.range.size());
}

// True if punctuation follows the word ("Leeds," "2-1."): a name does
// not run on past it.
bool Punctuated(const Word& w) {
  return w.range.end != w.range.start + w.raw.size();
}

// True if a word ends a sentence ("2-1." or "won.").
bool EndsSentence(const Word& w) {
  const char c = w.raw.back();
  return c == '.' || c == '!' || c == '?';
}

// The name of capitalised words (connectors inside) that ends at word
// `last` (inclusive), or nothing; `*first` gets its first word. A leading
// "The" is not part of it.
bool NameEndingAt(std::string_view text, const std::vector<Word>& words,
                  size_t last, size_t* first) {
  const std::string_view last_word = Bare(text, words[last]);
  if (!Capitalised(last_word)) return false;
  if (NotATeamWord(last_word)) {
    // "Sheffield Wednesday": a day's name after a team's word.
    if (!IsDayName(last_word) || last == 0 || Punctuated(words[last - 1]) ||
        !Capitalised(Bare(text, words[last - 1])) ||
        NotATeamWord(Bare(text, words[last - 1]))) {
      return false;
    }
  }
  size_t f = last;
  if (NotATeamWord(last_word)) --f;
  while (f > 0) {
    const Word& prev = words[f - 1];
    if (Punctuated(prev)) break;
    const std::string_view w = Bare(text, prev);
    if (NotATeamWord(w)) break;
    if (Capitalised(w)) {
      --f;
    } else if (Connector(w) && f >= 2 &&
               Capitalised(Bare(text, words[f - 2]))) {
      --f;
    } else {
      break;
    }
  }
  if (Bare(text, words[f]) == "The" && f < last) ++f;
  *first = f;
  return true;
}

// The name of capitalised words that starts at word `first`, or at the
// word after it when that is "the": `*begin` gets its first word, `*last`
// its last.
bool NameStartingAt(std::string_view text, const std::vector<Word>& words,
                    size_t first, size_t* begin, size_t* last) {
  if (first >= words.size()) return false;
  size_t f = first;
  if (Bare(text, words[f]) == "the" || Bare(text, words[f]) == "The") ++f;
  if (f >= words.size() || !Capitalised(Bare(text, words[f])) ||
      NotATeamWord(Bare(text, words[f]))) {
    return false;
  }
  size_t l = f;
  while (l + 1 < words.size()) {
    if (Punctuated(words[l])) break;
    const std::string_view next = Bare(text, words[l + 1]);
    if (NotATeamWord(next)) {
      // A day's name ends a name it does not start ("Sheffield
      // Wednesday 1"), when no capitalised word follows it.
      if (IsDayName(next) && !Punctuated(words[l + 1]) &&
          (l + 2 >= words.size() || !Capitalised(Bare(text, words[l + 2])))) {
        ++l;
      }
      break;
    }
    if (Capitalised(next)) {
      ++l;
    } else if (Connector(next) && l + 2 < words.size() &&
               Capitalised(Bare(text, words[l + 2]))) {
      l += 2;
    } else {
      break;
    }
  }
  *begin = f;
  *last = l;
  return true;
}

TextRange Span(const std::vector<Word>& words, size_t first, size_t last) {
  return {words[first].range.start, words[last].range.end};
}

// The word after a bracketed group that opens at word `k` ("(Italy)",
// "( Italy )", "(Hirst 23, Booth 75)"), or `k` when none opens there.
// A group runs to the first word that ends with ")", 16 words at most.
size_t SkipBrackets(const std::vector<Word>& words, size_t k) {
  if (k >= words.size() || words[k].raw.front() != '(') return k;
  for (size_t j = k; j < words.size() && j < k + 16; ++j) {
    std::string_view w = words[j].raw;
    while (w.size() > 1 && (w.back() == '.' || w.back() == ',' ||
                            w.back() == ';' || w.back() == ':')) {
      w.remove_suffix(1);
    }
    if (w.back() == ')') return j + 1;
  }
  return k;
}

// The scorers a bracket after a score names, each followed by the
// minutes of their goals: "(Nilis 12, 56, Jonk 80)", "( Van Gastel 33 )".
// Words `begin` to `end` (exclusive) are the bracket's.
void Scorers(std::string_view text, const std::vector<Word>& words,
             size_t begin, size_t end, std::vector<TextRange>* out) {
  // The bracket's words without the brackets themselves: "(Nilis" is
  // "Nilis", a lone "(" nothing.
  const auto inner = [&](size_t k) {
    std::string_view w = Bare(text, words[k]);
    size_t offset = 0;
    if (!w.empty() && w.front() == '(') {
      w.remove_prefix(1);
      offset = 1;
    }
    return std::pair<std::string_view, size_t>{w, offset};
  };
  const auto particle = [](std::string_view w) {
    return w == "van" || w == "de" || w == "der" || w == "den";
  };
  size_t k = begin;
  while (k < end) {
    const auto [w, offset] = inner(k);
    // "de Boer": a particle opens the name when a capital follows it.
    const bool opens = Capitalised(w) ||
                       (particle(w) && k + 1 < end && !Punctuated(words[k]) &&
                        Capitalised(inner(k + 1).first));
    if (!opens) {
      ++k;
      continue;
    }
    size_t l = k;
    while (l + 1 < end && !Punctuated(words[l])) {
      const std::string_view next = inner(l + 1).first;
      if (!Capitalised(next) && !particle(next)) break;
      ++l;
    }
    // A minute after the name: "Jonk 80", "Kluivert 4".
    if (l + 1 < end && !Punctuated(words[l]) && IsPoints(inner(l + 1).first)) {
      out->push_back({words[k].range.start + offset, words[l].range.end});
    }
    k = l + 1;
  }
}

// "Bayer Leverkusen 3 Hamburg 1": the whole line. A bracket may follow
// each name and each score: the team's country ("Alba Berlin (Germany)
// 71"), its scorers ("Leeds 1 (Harte 50)", into `scorers`), and a new
// sentence may follow the last ("Ajax 2 Utrecht 0. Halftime 1-0.").
void ResultsLine(std::string_view text, const std::vector<Word>& words,
                 std::vector<TeamName>* out, std::vector<TextRange>* scorers) {
  if (words.size() < 4) return;
  // Where the match was played may open the line: "In Madrid :".
  size_t from = 0;
  if (Bare(text, words[0]) == "In") {
    for (size_t k = 1; k < words.size() && k < 5; ++k) {
      if (words[k].raw.back() == ':' || words[k].raw == ":") {
        from = k + 1;
        break;
      }
    }
    if (from == 0 || from + 4 > words.size()) return;
  }
  size_t first1 = 0, last1 = 0;
  if (!NameStartingAt(text, words, from, &first1, &last1) ||
      (first1 != from && first1 != from + 1)) {
    return;
  }
  const size_t score1 = SkipBrackets(words, last1 + 1);
  if (score1 + 2 >= words.size() || !IsPoints(Bare(text, words[score1]))) {
    return;
  }
  size_t first2 = 0, last2 = 0;
  const size_t after1 = SkipBrackets(words, score1 + 1);
  if (!NameStartingAt(text, words, after1, &first2, &last2)) return;
  const size_t score2 = SkipBrackets(words, last2 + 1);
  if (score2 >= words.size() || !IsPoints(Bare(text, words[score2]))) return;
  const size_t after2 = SkipBrackets(words, score2 + 1);
  // Or the attendance, a number alone at the end ("Chelsea 2 (Zola 23)
  // 28,000").
  const auto attendance = [&](size_t k) {
    if (k < words.size() && (words[k].raw == "," || words[k].raw == ".")) ++k;
    if (k + 1 != words.size()) return false;
    const std::string_view w = words[k].raw;
    return std::isdigit(static_cast<unsigned char>(w.front())) &&
           std::all_of(w.begin(), w.end(), [](char c) {
             return std::isdigit(static_cast<unsigned char>(c)) || c == ',';
           });
  };
  const bool ends = after2 == words.size() || EndsSentence(words[after2 - 1]) ||
                    words[after2].raw == "." || attendance(after2);
  if (!ends) return;
  out->push_back({Span(words, first1, last1), true});
  out->push_back({Span(words, first2, last2), true});
  if (scorers != nullptr) {
    Scorers(text, words, score1 + 1, after1, scorers);
    Scorers(text, words, score2 + 1, after2, scorers);
  }
}

// A standings line: a name, then four figures or more and nothing else
// ("Barcelona 16 11 4 1 41 16 37": played, won, drawn, lost, goals,
// points). Typed as a score sentence's names are, so a golfer's line
// ("Tiger Woods 68 70 72 210") stays a person's.
void StandingsLine(std::string_view text, const std::vector<Word>& words,
                   std::vector<TeamName>* out) {
  size_t first = 0, last = 0;
  if (!NameStartingAt(text, words, 0, &first, &last) || first != 0 ||
      words.size() < last + 5) {
    return;
  }
  // Besides whole figures: a percentage (".778", "0.778"), games behind
  // ("-", "1/2"), as North American standings have them.
  const auto other_figure = [](std::string_view w) {
    if (w == "-") return true;
    const size_t dot = w.find('.');
    if (dot != std::string_view::npos)
      return (dot == 0 || AllDigits(w.substr(0, dot))) &&
             AllDigits(w.substr(dot + 1));
    const size_t slash = w.find('/');
    return slash != std::string_view::npos && AllDigits(w.substr(0, slash)) &&
           AllDigits(w.substr(slash + 1));
  };
  size_t whole = 0;
  for (size_t k = last + 1; k < words.size(); ++k) {
    const std::string_view raw = words[k].raw;
    const std::string_view w = Bare(text, words[k]);
    if ((AllDigits(w) && w.size() <= 4) || IsScore(w)) {
      ++whole;
    } else if (!other_figure(raw)) {
      return;
    }
  }
  if (whole < 2) return;
  out->push_back({Span(words, first, last), false});
}

// "Leeds beat Chelsea 2-1", "Hamburg drew with Bremen 1-1".
void ScoreSentences(std::string_view text, const std::vector<Word>& words,
                    std::vector<TeamName>* out) {
  static constexpr std::array<std::string_view, 14> kVerbs = {
      "beat",     "beats",   "defeated", "defeat", "edged",
      "thrashed", "routed",  "overcame", "downed", "crushed",
      "hammered", "stunned", "drew",     "lost"};
  // For each word: the first score at or after it, and the first word at
  // or after it that ends a sentence (words.size() if none).
  std::vector<size_t> next_score(words.size() + 1, words.size());
  std::vector<size_t> next_end(words.size() + 1, words.size());
  for (size_t k = words.size(); k-- > 0;) {
    next_score[k] = IsScore(words[k].raw) ? k : next_score[k + 1];
    next_end[k] = EndsSentence(words[k]) ? k : next_end[k + 1];
  }
  for (size_t v = 1; v + 1 < words.size(); ++v) {
    const std::string_view verb = Bare(text, words[v]);
    if (std::find(kVerbs.begin(), kVerbs.end(), verb) == kVerbs.end()) continue;
    size_t after = v + 1;
    if (verb == "drew" || verb == "lost") {
      const std::string_view particle = Bare(text, words[after]);
      if (!(verb == "drew" && (particle == "with" || particle == "against")) &&
          !(verb == "lost" && particle == "to")) {
        continue;
      }
      ++after;
    }
    size_t first1 = 0, first2 = 0, last2 = 0;
    if (EndsSentence(words[v - 1]) ||
        !NameEndingAt(text, words, v - 1, &first1) ||
        !NameStartingAt(text, words, after, &first2, &last2)) {
      continue;
    }
    if (EndsSentence(words[last2])) continue;  // no room for the score
    // A score before the sentence ends (looked up, not scanned: a line of
    // many result verbs and no full stop stays linear).
    const bool scored = next_score[last2 + 1] < words.size() &&
                        next_score[last2 + 1] <= next_end[last2 + 1];
    if (!scored) continue;
    out->push_back({Span(words, first1, v - 1), false});
    out->push_back({Span(words, first2, last2), false});
  }
}

// A cricket scorecard's batting line ("Saeed Anwar c Parore b Doull 12",
// "Ijaz Ahmed lbw b Cairns 7", "Moin Khan not out 20", "Aamir Sohail run
// out (Astle) 4") or bowling line ("Wasim Akram 20.3-5-45-4"): the names
// of the batsman, the fielder and the bowler.
void ScorecardLine(std::string_view text, const std::vector<Word>& words,
                   std::vector<TextRange>* out) {
  size_t first = 0, last = 0;
  if (!NameStartingAt(text, words, 0, &first, &last) || first != 0 ||
      last + 2 > words.size()) {
    return;
  }
  const std::string_view next = Bare(text, words[last + 1]);
  // Bowling: overs-maidens-runs-wickets, then maybe extras in brackets.
  const auto figures = [](std::string_view w) {
    size_t parts = 0;
    while (true) {
      const size_t dash = w.find('-');
      const std::string_view part = w.substr(0, dash);
      const std::string_view whole = part.substr(0, part.find('.'));
      if (!AllDigits(whole) || (whole.size() < part.size() &&
                                !AllDigits(part.substr(whole.size() + 1)))) {
        return false;
      }
      ++parts;
      if (dash == std::string_view::npos) return parts == 4;
      w.remove_prefix(dash + 1);
    }
  };
  if (figures(next)) {
    out->push_back(Span(words, first, last));
    return;
  }
  // Batting: dismissal words and the names they take, then the runs.
  static constexpr std::array<std::string_view, 12> kDismissal = {
      "c",   "b",       "lbw",  "st", "run", "out",
      "not", "retired", "hurt", "&",  "c&b", "hit"};
  std::vector<TextRange> names = {Span(words, first, last)};
  bool dismissed = false;
  size_t k = last + 1;
  while (k < words.size()) {
    std::string_view w = Bare(text, words[k]);
    if (std::find(kDismissal.begin(), kDismissal.end(), w) !=
        kDismissal.end()) {
      dismissed = dismissed || w != "&";
      ++k;
      continue;
    }
    if (w.size() > 1 && w.front() == '(') {  // "run out (Astle)"
      if (!Capitalised(w.substr(1))) return;
      size_t l = k;
      while (l + 1 < words.size() && !Punctuated(words[l]) &&
             Capitalised(Bare(text, words[l + 1]))) {
        ++l;
      }
      names.push_back({words[k].range.start + 1, words[l].range.end});
      k = l + 1;
      continue;
    }
    size_t nf = 0, nl = 0;
    if (NameStartingAt(text, words, k, &nf, &nl) && nf == k) {
      names.push_back(Span(words, nf, nl));
      k = nl + 1;
      continue;
    }
    break;
  }
  // The runs, and maybe minutes, balls, fours and sixes after them.
  if (!dismissed || k == words.size()) return;
  for (size_t j = k; j < words.size(); ++j) {
    if (!AllDigits(Bare(text, words[j]))) return;
  }
  out->insert(out->end(), names.begin(), names.end());
}

// A figure of a leaderboard: strokes ("67"), a time ("1:42.51",
// "42.05"), points.
bool IsFigure(std::string_view w) {
  if (w.empty() || !std::isdigit(static_cast<unsigned char>(w[0])))
    return false;
  return std::all_of(w.begin(), w.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.';
  });
}

// A leaderboard line: a rank or total first ("134", "1.", "T3", "=5"),
// then one or more entries, each a name of two words or more, maybe a
// bracket (the country), and its figures, separated by commas: "134 Greg
// Norman (Australia) 67 67", "136 Ernie Els 68 68, Colin Montgomerie
// (Scotland) 70 66".
void LeaderboardLine(std::string_view text, const std::vector<Word>& words,
                     std::vector<TextRange>* out,
                     std::vector<TextRange>* teams) {
  if (words.size() < 4) return;
  std::string_view rank = words[0].raw;
  if (!rank.empty() && (rank[0] == 'T' || rank[0] == '='))
    rank.remove_prefix(1);
  if (!rank.empty() && rank.back() == '.') rank.remove_suffix(1);
  if (!IsPoints(rank)) return;
  // Units after a time ("4 hours 12 minutes 33 seconds", "same time").
  static const WordSet kUnits = {
      "hours",  "hour", "minutes", "minute", "min",  "seconds", "secs",  "sec",
      "points", "pts",  "same",    "time",   "laps", "lap",     "behind"};
  std::vector<TextRange> names, entry_teams;
  size_t k = 1;
  while (k < words.size()) {
    size_t first = 0, last = 0;
    if (!NameStartingAt(text, words, k, &first, &last) || first != k ||
        last == first) {
      return;
    }
    size_t f = SkipBrackets(words, last + 1);
    // The entry's team after the country ("Michael Schumacher (Germany)
    // Ferrari 1:32:45.6", "Laurent Jalabert (France) ONCE 4 hours").
    if (f > last + 1) {
      size_t tf = 0, tl = 0;
      if (NameStartingAt(text, words, f, &tf, &tl) && tf == f &&
          tl + 1 < words.size() && IsFigure(Bare(text, words[tl + 1]))) {
        entry_teams.push_back(Span(words, tf, tl));
        f = tl + 1;
      }
    }
    const size_t figures_from = f;
    while (f < words.size() &&
           (IsFigure(Bare(text, words[f])) ||
            (f > figures_from && kUnits.count(Bare(text, words[f])))) &&
           !(words[f].raw.size() > 1 && words[f].raw.back() == ',')) {
      ++f;
    }
    // "68 68," ends an entry with a comma of its own.
    if (f < words.size() && IsFigure(Bare(text, words[f]))) ++f;
    if (f == figures_from) return;
    names.push_back(Span(words, first, last));
    if (f == words.size()) break;
    if (words[f].raw == ",") {
      ++f;
    } else if (words[f - 1].raw.back() != ',') {
      return;
    }
    k = f;
  }
  out->insert(out->end(), names.begin(), names.end());
  if (teams != nullptr)
    teams->insert(teams->end(), entry_teams.begin(), entry_teams.end());
}

// A match between two players, as tennis results give it: "Sampras
// (U.S.) beat Gustafsson (Sweden) 6-3 6-4", "1 - Pete Sampras (U.S.) bt
// 4 - Thomas Enqvist (Sweden) 7-6 (7-4) 6-2": each side a name (after a
// seed "N -"), its country in brackets, and two set scores or more after
// the second. Both names are players'.
void HeadToHeadLine(std::string_view text, const std::vector<Word>& words,
                    std::vector<TextRange>* out) {
  static const WordSet kVerbs = {"beat", "bt", "beats", "defeated", "def"};
  // A side: maybe "N -", then a name and a bracket; returns the word
  // after the bracket, or `k` when there is no side at k.
  const auto side = [&](size_t k, TextRange* name) -> size_t {
    if (k + 1 < words.size() && IsPoints(Bare(text, words[k])) &&
        words[k + 1].raw == "-") {
      k += 2;
    }
    size_t first = 0, last = 0;
    if (!NameStartingAt(text, words, k, &first, &last) || first != k) return k;
    const size_t after = SkipBrackets(words, last + 1);
    if (after == last + 1) return k;
    *name = Span(words, first, last);
    return after;
  };
  for (size_t v = 1; v + 1 < words.size(); ++v) {
    if (!kVerbs.count(Bare(text, words[v]))) continue;
    // The first side ends right before the verb.
    TextRange one{0, 0}, two{0, 0};
    bool found = false;
    for (size_t k = 0; k < v && !found; ++k)
      found = side(k, &one) == v && one.end > one.start;
    if (!found) continue;
    const size_t after = side(v + 1, &two);
    if (after == v + 1 || two.end <= two.start) continue;
    size_t scores = 0;
    for (size_t k = after; k < words.size(); ++k) {
      const std::string_view w = words[k].raw;
      if (IsScore(w)) {
        ++scores;
      } else if (w.front() != '(' && w.back() != ')') {
        break;
      }
    }
    if (scores < 2) continue;
    out->push_back(one);
    out->push_back(two);
  }
}

// A list of scorers after its label: "Scorers: Cruz (36th), Larsson
// (66th)", "England - Tries: Rodber. Penalties: Grayson (4)." Each
// capitalised run up to the sentence's end, or the next label, is a
// player's name; a run before " -" labels a team ("Brazil - Ronaldo 2;
// Chile - Salas").
void ScorerListLine(std::string_view text, const std::vector<Word>& words,
                    std::vector<TextRange>* out) {
  static const WordSet kLabels = {
      "Bowling", "Scorers", "Scorer",      "Goalscorers", "Goalscorer",
      "Tries",   "Try",     "Conversions", "Conversion",  "Penalties",
      "Penalty", "goals",   "goal",        "Goals",       "Goal"};
  bool listing = false;
  for (size_t k = 0; k < words.size(); ++k) {
    const std::string_view bare = Bare(text, words[k]);
    const std::string_view raw = words[k].raw;
    // A label: the word, then a colon (attached or on its own), where a
    // list starts: at the line's start, after a team's name and " -", or
    // after a sentence's end ("Rodber . Penalties :"). "goals" only after
    // "Drop" or "Penalty" ("Drop goals :"), which start the label.
    size_t label_start = k;
    if ((bare == "goals" || bare == "goal") && k > 0 &&
        (Bare(text, words[k - 1]) == "Drop" ||
         Bare(text, words[k - 1]) == "Penalty")) {
      label_start = k - 1;
    } else if (bare == "goals" || bare == "goal") {
      continue;
    }
    const bool opens = label_start == 0 || words[label_start - 1].raw == "-" ||
                       words[label_start - 1].raw == "." ||
                       EndsSentence(words[label_start - 1]);
    if (kLabels.count(bare) && opens &&
        (raw.back() == ':' ||
         (k + 1 < words.size() && words[k + 1].raw == ":"))) {
      listing = true;
      if (raw.back() != ':') ++k;
      continue;
    }
    if (!listing) continue;
    if (raw == ".") {
      listing = false;
      continue;
    }
    size_t first = 0, last = 0;
    if (!NameStartingAt(text, words, k, &first, &last) || first != k) {
      if (EndsSentence(words[k])) listing = false;
      continue;
    }
    const bool team = last + 1 < words.size() && words[last + 1].raw == "-";
    if (!team && !kLabels.count(Bare(text, words[last]))) {
      out->push_back(Span(words, first, last));
    }
    if (EndsSentence(words[last])) listing = false;
    k = last;
  }
}

}  // namespace

std::vector<TextRange> FindScorerNames(std::string_view text, TextRange range) {
  std::vector<TextRange> out;
  std::vector<TeamName> teams;
  ForEachLine(text, range, [&](TextRange line) {
    const std::string_view l = text.substr(line.start, line.size());
    // Looked for before the line is split into words, as few lines are
    // either: a results line's scorers (a bracket and a digit), a list's
    // label and its colon.
    const bool bracket = l.find('(') != std::string_view::npos &&
                         std::any_of(l.begin(), l.end(), [](char c) {
                           return std::isdigit(static_cast<unsigned char>(c));
                         });
    bool colon = false;
    if (l.find(':') != std::string_view::npos) {
      for (const std::string_view label :
           {"corer", "Tries", "Try", "onversion", "enalt", "oal", "Bowling"}) {
        if (l.find(label) != std::string_view::npos) {
          colon = true;
          break;
        }
      }
    }
    if (!bracket && !colon) return;
    const std::vector<Word> words = SplitWords(text, line);
    if (words.empty()) return;
    if (bracket) ResultsLine(text, words, &teams, &out);
    if (colon) ScorerListLine(text, words, &out);
  });
  std::sort(out.begin(), out.end(),
            [](TextRange a, TextRange b) { return a.start < b.start; });
  return out;
}

std::vector<TextRange> FindLeaderboardNames(std::string_view text,
                                            TextRange range) {
  std::vector<TextRange> out;
  ForEachLine(text, range, [&](TextRange line) {
    size_t i = line.start;
    while (i < line.end && IsSpace(text[i])) ++i;
    // A rank or a total first: "134", "1.", "T3", "=5" (a capital T
    // only before a digit: most lines that open with one are "The ...").
    if (i < line.end && (text[i] == 'T' || text[i] == '=')) ++i;
    if (i == line.end || !std::isdigit(static_cast<unsigned char>(text[i])))
      return;
    const std::vector<Word> words = SplitWords(text, line);
    LeaderboardLine(text, words, &out, nullptr);
  });
  return out;
}

std::vector<TextRange> FindMatchPlayers(std::string_view text,
                                        TextRange range) {
  std::vector<TextRange> out;
  ForEachLine(text, range, [&](TextRange line) {
    const std::string_view l = text.substr(line.start, line.size());
    if (l.find('(') == std::string_view::npos ||
        (l.find(" beat") == std::string_view::npos &&
         l.find(" bt ") == std::string_view::npos &&
         l.find(" def") == std::string_view::npos)) {
      return;
    }
    const std::vector<Word> words = SplitWords(text, line);
    HeadToHeadLine(text, words, &out);
  });
  return out;
}

std::vector<TextRange> FindScorecardNames(std::string_view text,
                                          TextRange range) {
  std::vector<TextRange> out;
  ForEachLine(text, range, [&](TextRange line) {
    // Only a line with a dismissal or bowling figures can be one: looked
    // for before the line is split into words, as few lines are.
    bool maybe = false;
    size_t dashes = 0;
    for (size_t i = line.start; i < line.end && !maybe; ++i) {
      dashes += text[i] == '-';
      maybe = dashes >= 3 || (text[i] == ' ' && i + 2 < line.end &&
                              ((text[i + 1] == 'b' && text[i + 2] == ' ') ||
                               text.substr(i + 1, 3) == "out"));
    }
    if (!maybe) return;
    const std::vector<Word> words = SplitWords(text, line);
    if (!words.empty()) ScorecardLine(text, words, &out);
  });
  std::sort(out.begin(), out.end(),
            [](TextRange a, TextRange b) { return a.start < b.start; });
  return out;
}

void MarkScorecardPlayers(const ArticleText& a, std::vector<Candidate>* out) {
  std::vector<Candidate>& cands = *out;
  for (const TextRange& r : a.ranges) {
    std::vector<TextRange> players = FindScorecardNames(a.text, r);
    for (const TextRange& name : FindScorerNames(a.text, r))
      players.push_back(name);
    for (const TextRange& name : FindMatchPlayers(a.text, r))
      players.push_back(name);
    // A leaderboard's entry is a player when it starts with a given name
    // ("Ernie Els"), or the tagger found a person there; a rank and a
    // team ("1. Real Madrid 15 10 4 1") is not.
    for (const TextRange& name : FindLeaderboardNames(a.text, r)) {
      const std::string_view first = a.Slice(Words(a.text, name).front());
      const bool tagged_person =
          std::any_of(cands.begin(), cands.end(), [&](const Candidate& c) {
            return c.type == EntityType::kPerson && c.range.start < name.end &&
                   name.start < c.range.end;
          });
      if (tagged_person || a.tagger->LookUpWord(first).given_name)
        players.push_back(name);
    }
    for (const TextRange& name : players) {
      std::erase_if(cands, [&](const Candidate& c) {
        return c.range.start < name.end && name.start < c.range.end;
      });
      cands.push_back(
          {EntityType::kPerson, name, FoldName(a.Slice(name)), "", true});
    }
  }
}

std::vector<TeamName> FindTeamNames(std::string_view text, TextRange range) {
  std::vector<TeamName> out;
  ForEachLine(text, range, [&](TextRange line) {
    // Each of the three reads a number (a score, points, a standing):
    // most lines of prose have none and are not split into words.
    const std::string_view l = text.substr(line.start, line.size());
    if (std::none_of(l.begin(), l.end(), [](char c) {
          return std::isdigit(static_cast<unsigned char>(c));
        })) {
      return;
    }
    const std::vector<Word> words = SplitWords(text, line);
    if (!words.empty()) {
      ResultsLine(text, words, &out, nullptr);
      StandingsLine(text, words, &out);
      ScoreSentences(text, words, &out);
      // A leaderboard entry's team ("Michael Schumacher (Germany)
      // Ferrari 1:32:45.6").
      if (l.find('(') != std::string_view::npos) {
        std::vector<TextRange> names, teams;
        LeaderboardLine(text, words, &names, &teams);
        for (const TextRange& t : teams) out.push_back({t, true});
      }
    }
  });
  std::sort(out.begin(), out.end(), [](const TeamName& a, const TeamName& b) {
    return a.range.start < b.range.start;
  });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool IsCountryName(const NerTagger* tagger, std::string_view name) {
  // The nations of the United Kingdom field teams of their own, though
  // the country lists (ISO 3166) know them as one country.
  static const WordSet kHomeNations = {"England", "Scotland", "Wales",
                                       "Northern Ireland"};
  return tagger->LookUpName(name).country || kHomeNations.count(name) > 0;
}

void MarkResultTeams(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  const std::vector<TextRange>& ranges = a.ranges;
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  // The surnames of the article's persons named in full, worked out at
  // the first name in a sentence.
  std::set<std::string> surnames;
  bool surnames_known = false;
  for (const TextRange& r : ranges) {
    for (const TeamName& found : FindTeamNames(text, r)) {
      const TextRange team = found.range;
      // In a sentence, a name the tagger or the lists take for a
      // person's stays one ("Nadal beat Federer 6-4", "Trump beat
      // Clinton 304-227"), and so do a full name that starts with a
      // given name and the surname of a person the article names in full
      // ("Sampras beat Goran Ivanisevic 6-4 7-6" beside "Pete Sampras");
      // in a results table it is a team.
      if (!found.in_table) {
        if (!surnames_known) {
          surnames_known = true;
          surnames = SurnameKeys(a, cands);
        }
        const std::string_view name = slice(team);
        const size_t space = name.find(' ');
        const NerTagger::NameFacts facts = tagger->LookUpName(name);
        const auto given_name = [&] {
          const NerTagger::WordFacts f =
              tagger->LookUpWord(name.substr(0, space));
          return f.given_name && !f.common;
        };
        const bool person =
            (facts.person && !facts.org) || surnames.count(FoldName(name)) ||
            (space != std::string_view::npos && !AllUpper(name) &&
             given_name() && !facts.org && !facts.place &&
             !facts.gazetteer_place) ||
            std::any_of(cands.begin(), cands.end(), [&](const Candidate& c) {
              return c.type == EntityType::kPerson &&
                     c.range.start < team.end && team.start < c.range.end;
            });
        if (person) continue;
      }
      std::erase_if(cands, [&](const Candidate& c) {
        return c.range.start < team.end && team.start < c.range.end;
      });
      // A national side goes by its country's name, and the CoNLL style
      // keeps that name a place ("Japan 2 Syria 1"), unless rule `sport`
      // (off by default: GUM's style) makes national sides teams too; a
      // club named after its town is the club, an organisation ("Leeds 2
      // Chelsea 1").
      const bool nation =
          !RuleOn("sport") && IsCountryName(tagger, slice(team));
      cands.push_back({nation ? EntityType::kPlace : EntityType::kOrg, team,
                       FoldName(slice(team)), "", true});
    }
  }
}

}  // namespace byline::rules
