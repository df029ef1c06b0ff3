// Rule stage `teamcue`: in a sports report, a club named after its town
// ("Barcelona stayed top", "held 1-1 by Valencia") is the club, an
// organisation, as the CoNLL style annotates it; the tagger, which reads
// such names as towns, makes them places. Entity_extractor.cc runs it
// after the stages of rules/teams_and_cities.h.
#ifndef BYLINE_INDEX_RULES_TEAM_CUES_H_
#define BYLINE_INDEX_RULES_TEAM_CUES_H_

#include <string_view>
#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// A sports article: a match report by its scores and words
// (IsSportsReport, rules/match_reports.h), or wire copy whose first line
// opens with a sport's slug in capitals ("SOCCER - ", "ICE HOCKEY - ";
// on its first or second line: a title may come first).
bool IsSportsArticle(std::string_view text);

// Whether the words right around a name say it is a team: before it
// (`before`, the text up to the name) "held by", "win over", "defeat at",
// "against", "beat"...; after it (`after`, the text from its end) a
// result ("beat", "drew", "were held", "stayed top", "went clear"), or
// the team's people ("coach", "manager", "striker", "fans", also after
// "'s"). Pure text; the first letter's case does not matter.
// With `strict`, a result after the name counts only with what a team's
// result has next to it, a score or a name ("beat Parma", "won 2-1",
// "lost to Ajax"), not "won a penalty" or "beat two defenders", which a
// player does too.
bool TeamFromCues(std::string_view before, std::string_view after,
                  bool strict = false);

// In a sports article, a name the tagger made a place, or a person the
// lists know as a town or an organisation and not as a person ("Juventus
// coach"), is an organisation where the words around it say a team. A
// country keeps its type (a national side is a place in the CoNLL
// style: "Australia beat West Indies"), as does a name the article's
// people have ("Becker beat Sampras" after "Boris Becker") and a town
// after "in" (where a match was played).
void TypeTeamsByCues(const ArticleText& a, std::vector<Candidate>* out);

// In a sports article (run by TypeTeamsByCues, switch 'teamfind'), a
// town the tagger left out, standing alone, is its club where the words
// around it say a team, as at the start of a sentence: "Ajax were held
// 1-1 at home", "Ajax coach Louis van Gaal". Not a country, a town after
// "in", a given name or a common word.
void FindTeamsByCues(const ArticleText& a, std::vector<Candidate>* out);

// In a sports article (run by TypeTeamsByCues, switch 'clubname'), a
// word that opens clubs' names ("Inter", "Sporting", "Dynamo", "FC")
// right before a town is one club with it: "Inter Milan", "Sporting
// Lisbon", "Ajax Amsterdam", whatever the tagger made of the two.
void NameClubs(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_TEAM_CUES_H_
