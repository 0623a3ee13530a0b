#include "regiosim/results/output_target.hpp"

#include <fmt/format.h>

#include <system_error>

#include "regiosim/errors/errors.hpp"

namespace regiosim {

namespace {

namespace fs = std::filesystem;

std::string_view kind_of(fs::file_type type) {
    switch (type) {
        case fs::file_type::directory:
            return "a directory";
        case fs::file_type::character:
            return "a character device";
        case fs::file_type::block:
            return "a block device";
        case fs::file_type::fifo:
            return "a fifo (named pipe)";
        case fs::file_type::socket:
            return "a socket";
        default:
            return "not a regular file";
    }
}

}  // namespace

bool regular_file_exists(const fs::path& target) {
    std::error_code ec;
    return fs::is_regular_file(fs::status(target, ec));
}

void check_output_target(const fs::path& target, std::span<const fs::path> inputs,
                         std::string_view valid) {
    std::error_code ec;
    const fs::file_status link = fs::symlink_status(target, ec);
    if (!fs::exists(link)) {
        return;  // nothing there: the writer creates it
    }
    const fs::file_status status = fs::status(target, ec);
    if (!fs::is_regular_file(status)) {
        const bool via_link = fs::is_symlink(link);
        throw OutputError(fmt::format("{}: is {}{}, not a regular file; it is left untouched; {}",
                                      target.string(), via_link ? "a symbolic link to " : "",
                                      via_link && status.type() == fs::file_type::not_found
                                          ? std::string_view("nothing")
                                          : kind_of(status.type()),
                                      valid));
    }
    for (const auto& input : inputs) {
        std::error_code same_ec;
        if (fs::equivalent(target, input, same_ec) && !same_ec) {
            throw OutputError(
                fmt::format("{}: is {}, an input of this command; it is left untouched; {}",
                            target.string(), input.string(), valid));
        }
    }
}

}  // namespace regiosim
