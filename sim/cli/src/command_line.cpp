#include <string>

#include "commands.hpp"

namespace regiosim::cli {

namespace {

std::string& stored_command_line() {
    static std::string line;
    return line;
}

// Quotes an argument the way a POSIX shell would need it, so the recorded line can be pasted.
std::string shell_quoted(const std::string& arg) {
    const bool plain = !arg.empty() && arg.find_first_not_of(
                                           "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                           "0123456789-_./=:,+@%") == std::string::npos;
    if (plain) {
        return arg;
    }
    std::string quoted = "'";
    for (const char c : arg) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

}  // namespace

void remember_command_line(int argc, char** argv) {
    std::string& line = stored_command_line();
    line.clear();
    for (int i = 0; i < argc; ++i) {
        line += (i > 0 ? " " : "") + shell_quoted(argv[i]);
    }
}

const std::string& command_line() {
    return stored_command_line();
}

}  // namespace regiosim::cli
