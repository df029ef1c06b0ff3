// A plain Xapian search of a Byline database, the peer byline-search is
// timed against in bench/query_latency: the query parsed as Byline parses
// it (stems under "Z"), BM25, the top 10 printed with their passage text.
// No entity boost, collapsing, snippets or facets; filters (person:,
// org:, place:, date:) take folded names and single dates.
//
// Usage: byline-xapian-query DIR QUERY
#include <xapian.h>

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: byline-xapian-query DIR QUERY\n");
    return 2;
  }
  Xapian::Database db(argv[1]);
  Xapian::QueryParser parser;
  Xapian::Stem stemmer("english");
  parser.set_database(db);
  parser.set_stemmer(stemmer);
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
  parser.add_prefix("", "Z");
  // Filters, spelled with folded names: person:"jens stoltenberg".
  parser.add_boolean_prefix("person", "XPER");
  parser.add_boolean_prefix("org", "XORG");
  parser.add_boolean_prefix("place", "XPLACE");
  parser.add_boolean_prefix("date", "XDATE");
  Xapian::Enquire enquire(db);
  enquire.set_query(parser.parse_query(argv[2]));
  const Xapian::MSet mset = enquire.get_mset(0, 10);
  std::printf("about %u matches\n", mset.get_matches_estimated());
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const std::string text = it.get_document().get_value(7);
    std::printf("%u %.3f %.120s\n", *it, it.get_weight(), text.c_str());
  }
  return 0;
}
