// Rule stage `legalform` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_LEGAL_FORMS_H_
#define BYLINE_INDEX_RULES_LEGAL_FORMS_H_

#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// A company's legal form is no part of its name in the facets: "Apple
// Inc." and "Apple" are one organisation, "Apple" (rule 'legalform';
// the mention's span keeps the form).
void DropLegalForms(const ArticleText& a, std::vector<Candidate>* out);

// A name's span takes the legal form right after it, and the name is an
// organisation: "Siemens AG", "Unilever Plc", where the tagger, having
// seen "Siemens" alone elsewhere in the article, stopped before the form
// (rule 'legalext'; CoNLL and the other sets annotate the form inside
// the name). A name whose span ends with a form is an organisation too
// ("McDonnell Douglas Corp", which the tagger made a person; rule
// 'legaltype').
void ExtendToLegalForms(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_LEGAL_FORMS_H_
