// The catalog's schema as an ordered list of migrations (internal to store/).
// Migration i (1-based) takes a database at user_version i-1 to user_version i.
// Never edit a released migration: append a new one and bump Catalog::kSchemaVersion.
#pragma once

#include <vector>

namespace corresp {

const std::vector<const char*>& CatalogMigrations();

}  // namespace corresp
