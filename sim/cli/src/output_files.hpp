#pragma once

#include <filesystem>
#include <string_view>

namespace regiosim::cli {

/// Writes `text` to `path` through a temporary file and an atomic rename, so an interrupted
/// run never leaves a half-written file; creates the parent directories. Throws OutputError
/// or IoError naming the path.
void write_file_atomically(const std::filesystem::path& path, std::string_view text);

}  // namespace regiosim::cli
