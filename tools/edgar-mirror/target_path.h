// Maps an HTTP request target onto a file path relative to the mirror root, the way
// www.sec.gov's URL space is laid out. Pure functions, no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace corresp::mirror {

// The relative path ("Archives/edgar/data/1090872/.../filename1.pdf") for a request target
// ("/Archives/edgar/data/1090872/.../filename1.pdf?x=1"). The query string is dropped and
// %XX escapes are decoded. nullopt (answer 404) when the path is not under /Archives/edgar/
// or /submissions/, has an empty, "." or ".." segment, ends in '/', or holds a NUL, a
// backslash or a malformed escape. The result never escapes the root lexically; symlinks
// inside the root are followed by the caller wherever they point.
std::optional<std::string> MapTarget(std::string_view target);

// Content-Type by extension: .txt/.idx text/plain, .htm/.html text/html, .pdf
// application/pdf, .json application/json, .gz application/gzip, .xml application/xml;
// anything else application/octet-stream.
std::string_view ContentTypeFor(std::string_view path);

// True for bodies that are already compressed (.gz, .zip): never gzip them again.
bool IsPrecompressed(std::string_view path);

}  // namespace corresp::mirror
