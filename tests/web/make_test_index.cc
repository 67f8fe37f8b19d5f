// Builds (or reuses) the web test index and prints its path on the last line.
#include <iostream>

#include "web_fixture.h"

int main() {
  auto index = corresp::testing::WebTestIndex();
  if (!index.ok()) {
    std::cerr << "web_make_test_index: " << index.status().ToString() << "\n";
    return 1;
  }
  std::cout << index->string() << "\n";
  return 0;
}
