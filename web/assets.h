// The page's static files (web/assets/*), compiled into the binary by embed_assets.cmake so
// the server never reads the filesystem for a request and nothing is fetched from elsewhere.
#pragma once

#include <string_view>

namespace corresp::web {

struct Asset {
  std::string_view path;          // "/assets/style.css"
  std::string_view content_type;  // "text/css; charset=utf-8"
  std::string_view body;
};

// The asset served at `path`, or nullptr (only exact matches of the compiled-in names).
const Asset* FindAsset(std::string_view path);

}  // namespace corresp::web
