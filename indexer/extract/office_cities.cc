#include "indexer/extract/office_cities.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace corresp {
namespace {

// An office list is a line or two of a page; anything longer is a paragraph.
constexpr size_t kMaxListBytes = 400;
// The longest city name in words ("HO CHI MINH CITY").
constexpr size_t kMaxCityWords = 4;

// Cities where law firms and filing agents keep offices, as words in ASCII upper case without
// punctuation (accented letters stay as written, in both forms firms print).
constexpr std::string_view kOfficeCities[] = {
    // United States
    "ALBANY", "ANCHORAGE", "ATLANTA", "AUSTIN", "BALTIMORE", "BIRMINGHAM", "BOCA RATON", "BOSTON",
    "BOULDER", "BUFFALO", "CAMBRIDGE", "CENTURY CITY", "CHARLOTTE", "CHICAGO", "CINCINNATI",
    "CLEVELAND", "COLUMBUS", "DALLAS", "DENVER", "DES MOINES", "DETROIT", "FORT LAUDERDALE",
    "FORT WORTH", "HARRISBURG", "HARTFORD", "HONOLULU", "HOUSTON", "INDIANAPOLIS", "IRVINE",
    "JACKSONVILLE", "KANSAS CITY", "LAS VEGAS", "LOS ANGELES", "LOUISVILLE", "MCLEAN", "MEMPHIS",
    "MENLO PARK", "MIAMI", "MILWAUKEE", "MINNEAPOLIS", "NASHVILLE", "NEW ORLEANS", "NEW YORK",
    "NEWARK", "NORTHERN CALIFORNIA", "OAKLAND", "OKLAHOMA CITY", "OMAHA", "ORANGE COUNTY",
    "ORLANDO", "PALO ALTO", "PHILADELPHIA", "PHOENIX", "PITTSBURGH", "PORTLAND", "PRINCETON",
    "PROVIDENCE", "RALEIGH", "REDWOOD CITY", "RESTON", "RICHMOND", "SACRAMENTO", "SALT LAKE CITY",
    "SAN ANTONIO", "SAN DIEGO", "SAN FRANCISCO", "SAN JOSE", "SANTA MONICA", "SEATTLE",
    "SILICON VALLEY", "ST LOUIS", "STAMFORD", "TAMPA", "TYSONS", "WASHINGTON", "WASHINGTON DC",
    "WEST PALM BEACH", "WILMINGTON", "WILMINGTON DE",
    // Elsewhere
    "ABU DHABI", "ALMATY", "AMSTERDAM", "ANTWERP", "ASTANA", "AUCKLAND", "BANGALORE", "BANGKOK",
    "BARCELONA", "BEIJING", "BELFAST", "BERLIN", "BOGOTA", "BRATISLAVA", "BRISBANE", "BRUSSELS",
    "BUCHAREST", "BUDAPEST", "BUENOS AIRES", "CAIRO", "CALGARY", "CASABLANCA", "COPENHAGEN", "DOHA",
    "DUBAI", "DUBLIN", "DUSSELDORF", "DÜSSELDORF", "DüSSELDORF", "EDINBURGH", "FRANKFURT", "GENEVA",
    "GLASGOW", "HAMBURG", "HANOI", "HELSINKI", "HO CHI MINH CITY", "HONG KONG", "ISTANBUL",
    "JAKARTA", "JOHANNESBURG", "KUALA LUMPUR", "KYIV", "LAGOS", "LEEDS", "LIMA", "LISBON", "LONDON",
    "LUXEMBOURG", "LYON", "MADRID", "MANCHESTER", "MANILA", "MELBOURNE", "MEXICO CITY", "MILAN",
    "MONTERREY", "MONTREAL", "MOSCOW", "MUMBAI", "MUNICH", "NAIROBI", "NEW DELHI", "OSLO", "PARIS",
    "PERTH", "PRAGUE", "RIYADH", "ROME", "SANTIAGO", "SAO PAULO", "SÃO PAULO", "SãO PAULO", "SEOUL",
    "SHANGHAI", "SHENZHEN", "SINGAPORE", "STOCKHOLM", "SYDNEY", "TAIPEI", "TEL AVIV", "THE HAGUE",
    "TOKYO", "TORONTO", "VANCOUVER", "VIENNA", "WARSAW", "WELLINGTON", "ZURICH", "ZÜRICH",
    "ZüRICH"};

const std::set<std::string_view>& CitySet() {
  static const std::set<std::string_view> kSet(std::begin(kOfficeCities), std::end(kOfficeCities));
  return kSet;
}

// The separators between listed cities beyond ASCII punctuation: "•", "·", "▪".
size_t BulletLen(std::string_view s, size_t i) {
  for (std::string_view b : {"\u2022", "\u00B7", "\u25AA"})
    if (s.substr(i, b.size()) == b) return b.size();
  return 0;
}

// The words of `line` in ASCII upper case: letters, digits and bytes beyond ASCII; bullets and
// other ASCII separate words, except '.' and '\'' which vanish ("D.C." -> "DC", "St." -> "ST").
std::vector<std::string> UpperWords(std::string_view line) {
  std::vector<std::string> words;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) words.push_back(std::move(cur));
    cur.clear();
  };
  for (size_t i = 0; i < line.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (size_t bullet = BulletLen(line, i)) {
      flush();
      i += bullet - 1;
    } else if (c >= 'a' && c <= 'z') {
      cur += static_cast<char>(c - 'a' + 'A');
    } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80) {
      cur += line[i];
    } else if (c != '.' && c != '\'') {
      flush();
    }
  }
  flush();
  return words;
}

}  // namespace

bool ListsOfficeCities(std::string_view line) {
  if (line.size() > kMaxListBytes) return false;
  std::vector<std::string> words = UpperWords(line);
  if (words.empty()) return false;
  std::set<std::string> cities;
  size_t city_words = 0;
  for (size_t i = 0; i < words.size();) {
    size_t matched = 0;
    std::string name;
    for (size_t n = std::min(kMaxCityWords, words.size() - i); n >= 1 && !matched; --n) {
      name.clear();
      for (size_t k = 0; k < n; ++k) name += (k ? " " : "") + words[i + k];
      if (CitySet().count(name)) matched = n;
    }
    if (matched) {
      cities.insert(name);
      city_words += matched;
      i += matched;
    } else {
      ++i;
    }
  }
  return static_cast<int>(cities.size()) >= kMinListedCities &&
         static_cast<double>(city_words) >= kMinCityWordShare * static_cast<double>(words.size());
}

}  // namespace corresp
