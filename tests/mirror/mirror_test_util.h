// Small shared pieces of the mirror server tests.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "tests/mirror/http_probe.h"
#include "tests/mirror/mirror_process.h"

namespace corresp::test {

// A real letter pair from the slice: an UPLOAD (PDF) and its CORRESP (HTML).
inline constexpr const char* kPdfLetter =
    "/Archives/edgar/data/1090872/000000000016092800/filename1.pdf";
inline constexpr const char* kHtmLetter =
    "/Archives/edgar/data/1090872/000109087216000078/filename1.htm";
inline constexpr const char* kSmallIndex =
    "/Archives/edgar/daily-index/2019/QTR4/master.20191230.idx";

inline std::string ReadSliceFile(const std::string& url_path) {
  std::ifstream in(MirrorProcess::DefaultRoot() + url_path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Starts a mirror or fails the test (use with ASSERT_NO_FATAL_FAILURE or check for null).
inline std::unique_ptr<MirrorProcess> StartMirror(std::vector<std::string> args = {},
                                                  std::string root = "") {
  MirrorProcess::Options options;
  options.args = std::move(args);
  if (!root.empty()) options.root = std::move(root);
  auto mirror = MirrorProcess::Start(std::move(options));
  EXPECT_TRUE(mirror.ok()) << mirror.status().ToString();
  return mirror.ok() ? std::move(*mirror) : nullptr;
}

// The log rows, failing the test when the log cannot be read.
inline std::vector<MirrorLogRow> LogOf(const MirrorProcess& mirror) {
  auto rows = mirror.ReadLog();
  EXPECT_TRUE(rows.ok()) << rows.status().ToString();
  return rows.ok() ? *rows : std::vector<MirrorLogRow>{};
}

}  // namespace corresp::test
