#include "regiosim/errors/errors.hpp"

namespace regiosim {

std::string Diagnostic::to_string() const {
    std::string out = where.file.empty() ? std::string("<input>") : where.file;
    if (where.line > 0) {
        out += ':' + std::to_string(where.line);
        if (where.column > 0) {
            out += ':' + std::to_string(where.column);
        }
    }
    out += ": ";
    if (!key_path.empty()) {
        out += key_path + ": ";
    }
    out += problem;
    if (!valid.empty()) {
        out += "; " + valid;
    }
    return out;
}

namespace {
std::string join_diagnostics(const std::vector<Diagnostic>& diagnostics) {
    std::string message;
    for (const auto& d : diagnostics) {
        if (!message.empty()) {
            message += '\n';
        }
        message += d.to_string();
    }
    return message;
}
}  // namespace

DataError::DataError(std::vector<Diagnostic> diagnostics)
    : Error(ExitCode::data, join_diagnostics(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace regiosim
