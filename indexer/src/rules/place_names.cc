#include "rules/place_names.h"

#include <set>

namespace byline::rules {

bool IsPlaceLinkWord(std::string_view w) {
  static const std::set<std::string_view> kLinks = {
      "de", "da",   "do", "dos", "das", "del", "della",
      "di", "du",   "des", "sur", "am", "im",  "upon"};
  return kLinks.count(w) > 0;
}

}  // namespace byline::rules
