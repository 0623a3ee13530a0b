#include "durable_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

#include "regiosim/errors/errors.hpp"

namespace regiosim::durable {

namespace {

void sync_path(const std::filesystem::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags);
    if (fd < 0) {
        throw IoError(path.string() + ": cannot open to sync: " + std::strerror(errno));
    }
    const int result = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (result != 0) {
        throw IoError(path.string() + ": fsync failed: " + std::strerror(error));
    }
}

}  // namespace

void sync_file(const std::filesystem::path& file) {
    sync_path(file, O_RDONLY);
}

void sync_folder(const std::filesystem::path& folder) {
    sync_path(folder.empty() ? std::filesystem::path(".") : folder, O_RDONLY | O_DIRECTORY);
}

void publish(const std::filesystem::path& from, const std::filesystem::path& to) {
    sync_file(from);
    std::error_code ec;
    std::filesystem::rename(from, to, ec);
    if (ec) {
        throw IoError(from.string() + ": cannot rename to " + to.string() + ": " + ec.message());
    }
    sync_folder(to.parent_path());
}

void write_text(const std::filesystem::path& to, std::string_view text) {
    const std::filesystem::path tmp = to.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.flush();
        if (!out) {
            throw IoError(tmp.string() + ": cannot write");
        }
    }
    publish(tmp, to);
}

}  // namespace regiosim::durable
