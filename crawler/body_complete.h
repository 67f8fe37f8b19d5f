// Is a body that arrived without Content-Length whole? A transfer delimited by chunked
// encoding or by the connection closing can end cleanly and still be cut short (a CDN whose
// origin failed mid-stream), so the crawler checks the end of the formats it stores before
// it stores them. Pure; table-tested in tests/crawler/response_class_test.cc.
#pragma once

#include <string_view>

#include "core/status.h"

namespace corresp {

// Ok when the body is complete or its format is not checked; otherwise kCorruption saying
// what is missing. Checked, after stripping trailing whitespace:
//   a URL ending ".pdf", or a body starting "%PDF-"  -> must end with "%%EOF"
//   a body starting "<SEC-DOCUMENT>"                  -> must end with "</SEC-DOCUMENT>"
//   a body starting "<DOCUMENT>"                      -> must end with "</DOCUMENT>"
// Anything else (index files, index.json, plain HTML) is Ok: it carries no end marker.
[[nodiscard]] Status CheckBodyComplete(std::string_view url, std::string_view body);

}  // namespace corresp
