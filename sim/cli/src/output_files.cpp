#include "output_files.hpp"

#include <fstream>
#include <system_error>

#include "regiosim/errors/errors.hpp"

namespace regiosim::cli {

void write_file_atomically(const std::filesystem::path& path, std::string_view text) {
    std::error_code ec;
    if (path.has_parent_path()) {
        std::filesystem::create_directories(path.parent_path(), ec);
        if (ec) {
            throw OutputError("cannot create directory " + path.parent_path().string() + ": " +
                              ec.message());
        }
    }
    auto temporary = path;
    temporary += ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) {
            throw OutputError("cannot create " + temporary.string() +
                              "; check that the directory is writable");
        }
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.flush();
        if (!out) {
            throw IoError("writing " + temporary.string() + " failed (disk full?)");
        }
    }
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        throw IoError("cannot move " + temporary.string() + " to " + path.string() + ": " +
                      ec.message());
    }
}

}  // namespace regiosim::cli
