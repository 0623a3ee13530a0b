#pragma once

// Whether a command may put its output at a path: what lies there now must be replaceable.
// Writers publish by renaming a finished temporary file over the target, and a rename replaces
// whatever it finds — a device node, a symbolic link, an input of the same command — so the
// checks come first.

#include <filesystem>
#include <span>
#include <string_view>

namespace regiosim {

/// Throws OutputError (exit code 73) naming `target` when something lies there that is not a
/// regular file (a directory, device, fifo, socket, or a symbolic link to one of those or to
/// nothing), or when `target` is one of `inputs` — compared by filesystem identity
/// (std::filesystem::equivalent), so `./a.h5`, a hard link or a symbolic link to an input are
/// recognised. `valid` says what the user can write instead ("valid: …"). Absent inputs are
/// ignored; an absent target passes.
void check_output_target(const std::filesystem::path& target,
                         std::span<const std::filesystem::path> inputs, std::string_view valid);

/// Whether `target` exists (following symbolic links) as a regular file.
[[nodiscard]] bool regular_file_exists(const std::filesystem::path& target);

}  // namespace regiosim
