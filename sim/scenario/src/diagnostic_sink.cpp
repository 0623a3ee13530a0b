#include "diagnostic_sink.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "regiosim/scenario/loader.hpp"

namespace regiosim::detail {

void DiagnosticSink::add(const Loc& where, std::string key_path, std::string problem,
                         std::string valid) {
    if (full()) {
        ++dropped_;
        return;
    }
    // A hostile key can be megabytes long; a path only needs to be recognisable.
    constexpr std::size_t max_path_bytes = 200;
    if (key_path.size() > max_path_bytes) {
        std::size_t cut = max_path_bytes;
        while (cut > 0 && (static_cast<unsigned char>(key_path[cut]) & 0xC0U) == 0x80U) {
            --cut;
        }
        key_path.resize(cut);
        key_path += "…";
    }
    list_.push_back(
        Diagnostic{where.to_source(), std::move(key_path), std::move(problem), std::move(valid)});
}

bool DiagnosticSink::full() const noexcept {
    return list_.size() >= ScenarioLimits::max_diagnostics;
}

std::vector<Diagnostic> DiagnosticSink::sorted() const {
    std::vector<std::string> files;
    for (const auto& d : list_) {
        if (std::find(files.begin(), files.end(), d.where.file) == files.end()) {
            files.push_back(d.where.file);
        }
    }
    auto file_rank = [&](const Diagnostic& d) {
        return std::find(files.begin(), files.end(), d.where.file) - files.begin();
    };
    // Line 0 (no position) sorts after everything else of its file.
    auto line_key = [](const Diagnostic& d) { return d.where.line > 0 ? d.where.line : 1 << 30; };
    std::vector<Diagnostic> out = list_;
    std::stable_sort(out.begin(), out.end(), [&](const Diagnostic& a, const Diagnostic& b) {
        const auto fa = file_rank(a);
        const auto fb = file_rank(b);
        if (fa != fb) {
            return fa < fb;
        }
        if (line_key(a) != line_key(b)) {
            return line_key(a) < line_key(b);
        }
        return a.where.column < b.where.column;
    });
    if (dropped_ > 0) {
        Diagnostic note;
        note.where.file = out.empty() ? std::string() : out.back().where.file;
        note.problem = fmt::format("{} more problems not shown", dropped_);
        note.valid = fmt::format("the loader stops listing after {}; fix these first",
                                 ScenarioLimits::max_diagnostics);
        out.push_back(std::move(note));
    }
    return out;
}

void DiagnosticSink::throw_if_any() const {
    if (!list_.empty()) {
        throw DataError(sorted());
    }
}

std::string user_text(std::string_view text) {
    constexpr std::size_t max_chars = 60;
    std::string out = "`";
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const bool starts_char = (byte & 0xC0U) != 0x80U;
        if (starts_char && ++chars > max_chars) {
            out += "…";
            break;
        }
        if (byte < 0x20U || byte == 0x7FU) {
            out += fmt::format("\\x{:02x}", byte);
        } else {
            out += text[i];
        }
    }
    out += '`';
    return out;
}

std::string format_number(double value) {
    if (std::isnan(value)) {
        return "nan";
    }
    if (std::isinf(value)) {
        return value > 0 ? "inf" : "-inf";
    }
    std::string text = fmt::format("{}", value);
    if (text.find_first_of(".e") == std::string::npos) {
        text += ".0";
    }
    return text;
}

std::string show_number(double value) {
    if (std::isnan(value)) {
        return "nan";
    }
    if (std::isinf(value)) {
        return value > 0 ? "inf" : "-inf";
    }
    return fmt::format("{}", value);
}

std::string child_path(std::string_view path, std::string_view key) {
    if (path.empty()) {
        return std::string(key);
    }
    std::string out(path);
    out += '.';
    out += key;
    return out;
}

std::string index_path(std::string_view path, std::size_t index) {
    return fmt::format("{}[{}]", path, index);
}

}  // namespace regiosim::detail
