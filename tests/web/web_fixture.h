// A real index for the web tests: tests/data/edgar (as the crawler would have stored it, with
// the MANIFEST's metadata), the seed letter, and two crafted letters whose text and company
// name carry HTML/script markup (the XSS cases). Built once per process with the real
// indexer pipeline (IndexPending) under the build folder. Adapted from
// tests/indexer/index_fixture.cc (a source file there, not a library).
#pragma once

#include <filesystem>
#include <string>

#include "core/status.h"

namespace corresp::testing {

// The crafted staff letter (UPLOAD, text) and the company's response (CORRESP, HTML).
inline constexpr const char* kXssCik = "9999001";
inline constexpr const char* kXssUploadAccession = "0000000000-09-000666";
inline constexpr const char* kXssCorrespAccession = "0009999001-09-000777";
// Part of the company name and of the comment text: must show as text, never run.
inline constexpr const char* kXssCompany = "EVIL <img src=x onerror=alert(1)> CORP";
inline constexpr const char* kXssScript = "<script>alert('xss')</script>";

// Path of the index folder (built on first call; later calls return the same path).
// Fails with the pipeline's status.
Result<std::filesystem::path> WebTestIndex();

// The data dir holding it (catalog, store, index): test-data-dirs/web-<test binary name>.
std::filesystem::path WebTestDataDir();

}  // namespace corresp::testing
