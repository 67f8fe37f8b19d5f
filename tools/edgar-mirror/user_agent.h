// SEC fair access wants automated tools to declare themselves: "Company Name email@domain".
#pragma once

#include <string_view>

namespace corresp::mirror {

// True when `user_agent` contains something shaped like an email address: a non-empty
// local part, '@', and a domain with a dot that neither starts nor ends the domain.
bool HasEmailAddress(std::string_view user_agent);

}  // namespace corresp::mirror
