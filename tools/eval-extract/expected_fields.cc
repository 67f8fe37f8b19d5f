#include "tools/eval-extract/expected_fields.h"

#include "tools/eval-extract/label_compare.h"

namespace corresp::labels {
namespace {

using nlohmann::json;

std::string Quoted(const std::string& text, size_t limit = 80) {
  return "'" + (text.size() > limit ? text.substr(0, limit) + "..." : text) + "'";
}

void CompareItem(const LabelItem& item, size_t index, const json& expected,
                 std::vector<std::string>& out) {
  const std::string at = "item " + std::to_string(index + 1) + " ";
  const json& numbers = expected["numbers"];
  json got_number = item.number ? json(*item.number) : json(nullptr);
  json want_number = numbers.empty() ? json(nullptr) : numbers[index];
  if (got_number != want_number)
    out.push_back(at + "number: got " + got_number.dump() + ", want " + want_number.dump());
  const std::string want_first = expected["first"][index].get<std::string>();
  if (!StartsWithWords(item.text, want_first))
    out.push_back(at + "starts " + Quoted(item.text) + ", want " + Quoted(want_first));
  const json& want_path = expected["headings"][index];
  std::vector<std::string> want(want_path.begin(), want_path.end());
  bool same = want.size() == item.headings.size();
  for (size_t h = 0; same && h < want.size(); ++h)
    same = SquashHeadings({item.headings[h]}) == SquashHeadings({want[h]});
  if (!same)
    out.push_back(at + "headings: got " + json(item.headings).dump() + ", want " +
                  want_path.dump());
}

}  // namespace

std::vector<std::string> ExpectedFieldDifferences(const Letter& letter, const json& expected) {
  std::vector<std::string> out;
  const char* fields[] = {"kind", "date", "numbers", "first", "headings"};
  for (const char* field : fields)
    if (!expected.is_object() || !expected.contains(field))
      return {std::string("expected fields lack '") + field + "'"};
  const json& first = expected["first"];
  const json& numbers = expected["numbers"];
  const json& headings = expected["headings"];
  if (!first.is_array() || !headings.is_array() || !numbers.is_array() ||
      headings.size() != first.size() || (!numbers.empty() && numbers.size() != first.size()))
    return {"expected fields malformed: 'first', 'numbers' and 'headings' differ in length"};

  std::string kind = LetterKindName(letter.kind);
  if (kind != expected["kind"])
    out.push_back("kind: got " + kind + ", want " + expected["kind"].dump());
  json date = letter.letter_date ? json(letter.letter_date->ToIso()) : json(nullptr);
  if (date != expected["date"])
    out.push_back("date: got " + date.dump() + ", want " + expected["date"].dump());

  std::vector<LabelItem> items = LabelItemsOf(letter);
  if (items.size() != first.size()) {
    json got_numbers = json::array();
    for (const LabelItem& item : items)
      got_numbers.push_back(item.number ? json(*item.number) : json(nullptr));
    out.push_back("items: got " + std::to_string(items.size()) + " " + got_numbers.dump() +
                  ", want " + std::to_string(first.size()) + " " + numbers.dump());
    return out;
  }
  for (size_t i = 0; i < items.size(); ++i) CompareItem(items[i], i, expected, out);
  return out;
}

}  // namespace corresp::labels
