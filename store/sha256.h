// SHA-256 of a byte string, as 64 lowercase hex characters.
#pragma once

#include <string>
#include <string_view>

namespace corresp {

std::string Sha256Hex(std::string_view bytes);
bool IsSha256Hex(std::string_view text);

}  // namespace corresp
