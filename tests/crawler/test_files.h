// Small helpers shared by the crawler tests: reading files of tests/data.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace corresp::testing {

inline std::filesystem::path TestData() { return CORRESP_TEST_DATA; }
inline std::filesystem::path EdgarRoot() { return TestData() / "edgar"; }

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace corresp::testing
