#include "indexer/extract/html_list_marker.h"

#include <cctype>
#include <charconv>
#include <optional>
#include <string_view>

namespace corresp {
namespace {

// A list that numbers past this is no letter's list (and its marker no comment's number).
constexpr long kMaxListNumber = 9999;

std::optional<long> IntAttribute(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  if (a == nullptr) return std::nullopt;
  std::string_view v = a->value;
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.remove_prefix(1);
  long n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end == v.data() || n < 0 || n > kMaxListNumber) return std::nullopt;
  return n;
}

char TypeOf(const GumboElement& el) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, "type");
  return a != nullptr && a->value[0] != '\0' ? a->value[0] : '\0';
}

bool HidesMarkers(const GumboElement& el) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, "style");
  if (a == nullptr) return false;
  std::string style;
  for (const char* p = a->value; *p != '\0'; ++p)
    if (!std::isspace(static_cast<unsigned char>(*p)))
      style.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(*p))));
  return style.find("list-style-type:none") != std::string::npos ||
         style.find("list-style:none") != std::string::npos;
}

std::string Roman(long n) {
  static const std::pair<long, const char*> kDigits[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (const auto& [value, digits] : kDigits)
    for (; n >= value; n -= value) out += digits;
  return out;
}

std::string Letters(long n) {  // 1 -> a, 26 -> z, 27 -> aa
  std::string out;
  for (; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('a' + (n - 1) % 26));
  return out;
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::string ListMarker(const GumboNode* li) {
  if (li == nullptr || li->type != GUMBO_NODE_ELEMENT || li->v.element.tag != GUMBO_TAG_LI)
    return "";
  const GumboNode* list = li->parent;
  if (list != nullptr && list->type == GUMBO_NODE_ELEMENT && list->v.element.tag == GUMBO_TAG_UL)
    return HidesMarkers(list->v.element) || HidesMarkers(li->v.element) ? "" : "\u2022 ";
  if (list == nullptr || list->type != GUMBO_NODE_ELEMENT || list->v.element.tag != GUMBO_TAG_OL)
    return "";
  const GumboElement& ol = list->v.element;
  if (HidesMarkers(ol) || HidesMarkers(li->v.element)) return "";
  long n = IntAttribute(ol, "start").value_or(1) - 1;
  const GumboVector& siblings = ol.children;
  for (unsigned i = 0; i < siblings.length; ++i) {
    const GumboNode* s = static_cast<const GumboNode*>(siblings.data[i]);
    if (s->type != GUMBO_NODE_ELEMENT || s->v.element.tag != GUMBO_TAG_LI) continue;
    std::optional<long> value = IntAttribute(s->v.element, "value");
    n = value ? *value : n + 1;
    if (s == li) break;
  }
  if (n <= 0 || n > kMaxListNumber) return "";
  char type = TypeOf(li->v.element);
  if (type == '\0') type = TypeOf(ol);
  switch (type) {
    case 'a':
      return Letters(n) + ". ";
    case 'A':
      return Upper(Letters(n)) + ". ";
    case 'i':
      return Roman(n) + ". ";
    case 'I':
      return Upper(Roman(n)) + ". ";
    default:
      return std::to_string(n) + ". ";
  }
}

}  // namespace corresp
