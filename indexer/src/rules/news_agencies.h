// Rule stage `newsagency`: news agencies and papers named by the words
// around them. Entity_extractor.cc runs it after `outlet`.
#ifndef BYLINE_INDEX_RULES_NEWS_AGENCIES_H_
#define BYLINE_INDEX_RULES_NEWS_AGENCIES_H_

#include <string_view>
#include <vector>

#include "byline/text.h"
#include "rules/candidate.h"

namespace byline::rules {

// The names the words around them make a news agency or a paper: the run
// of up to four capitalised words right before "news agency", "agency"
// after "news", or "newspaper" ("Itar-Tass news agency", "the Al-Ahram
// newspaper"), and the one right after "news agency" ("the official news
// agency MENA said"). Pure text; a name never crosses a line break.
std::vector<TextRange> FindNewsAgencies(std::string_view text, TextRange range);

// Each is an organisation, whatever the tagger made of it; a tagged span
// that ran on into "news" ("Interfax news") is replaced. The wire
// services themselves (Reuters, Itar-Tass, Interfax, Xinhua, Kyodo ...)
// are organisations wherever they are named (rule 'agencylist').
void NameNewsAgencies(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_NEWS_AGENCIES_H_
