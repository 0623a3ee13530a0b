#pragma once

// Making a finished file survive a crash: fsync it, rename it over its final name, fsync the
// folder so the rename itself is on disk. A reader then sees the whole file or nothing.

#include <filesystem>
#include <string_view>

namespace regiosim::durable {

/// fsyncs `file`; throws IoError naming it on failure.
void sync_file(const std::filesystem::path& file);

/// fsyncs the directory entry list of `folder`.
void sync_folder(const std::filesystem::path& folder);

/// sync_file(from), rename(from, to), sync_folder(to's folder).
void publish(const std::filesystem::path& from, const std::filesystem::path& to);

/// Writes `text` to `to` through a temporary file and publish().
void write_text(const std::filesystem::path& to, std::string_view text);

}  // namespace regiosim::durable
