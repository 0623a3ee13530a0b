#include "fingerprint_file.hpp"

#include <charconv>
#include <fstream>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "regiosim/errors/errors.hpp"

namespace regiosim::bench {

namespace {

constexpr int hash_base = 16;
constexpr int hash_digits = 16;
constexpr std::string_view replications_key = "replications ";
constexpr std::string_view arm_separator = " / ";
constexpr std::string_view hash_separator = "  ";

[[noreturn]] void malformed(const std::filesystem::path& path, int line, std::string what,
                            std::string valid) {
    Diagnostic diagnostic;
    diagnostic.where.file = path.string();
    diagnostic.where.line = line;
    diagnostic.problem = std::move(what);
    diagnostic.valid = std::move(valid);
    std::vector<Diagnostic> diagnostics;
    diagnostics.push_back(std::move(diagnostic));
    throw DataError(std::move(diagnostics));
}

ArmFingerprint parse_arm_line(const std::filesystem::path& path, int line_number,
                              std::string_view line) {
    const std::string valid =
        "a line `<16 hex digits>  <scenario> / <arm>`, as regiosim_result_fingerprint --write "
        "prints it";
    ArmFingerprint arm;
    const auto [end, error] =
        std::from_chars(line.data(), line.data() + line.size(), arm.hash, hash_base);
    const auto digits = end - line.data();
    const auto rest = line.substr(static_cast<std::size_t>(digits));
    if (error != std::errc() || digits != hash_digits || !rest.starts_with(hash_separator)) {
        malformed(path, line_number, "no fingerprint at the start of the line", valid);
    }
    const auto label = rest.substr(hash_separator.size());
    const auto separator = label.find(arm_separator);
    if (separator == std::string_view::npos || separator == 0 ||
        separator + arm_separator.size() == label.size()) {
        malformed(path, line_number, "no `<scenario> / <arm>` after the fingerprint", valid);
    }
    arm.scenario = std::string(label.substr(0, separator));
    arm.arm = std::string(label.substr(separator + arm_separator.size()));
    return arm;
}

int parse_replications(const std::filesystem::path& path, int line_number, std::string_view line) {
    const auto number = line.substr(replications_key.size());
    int replications = 0;
    const auto [end, error] =
        std::from_chars(number.data(), number.data() + number.size(), replications);
    if (error != std::errc() || end != number.data() + number.size() || replications < 1) {
        malformed(path, line_number, "`" + std::string(line) + "` is no replication count",
                  "`replications N` with a whole number N >= 1");
    }
    return replications;
}

}  // namespace

std::string to_hex(std::uint64_t hash) {
    std::string hex(hash_digits, '0');
    for (int d = hash_digits - 1; d >= 0; --d) {
        hex[static_cast<std::size_t>(d)] = "0123456789abcdef"[hash % hash_base];
        hash /= hash_base;
    }
    return hex;
}

void write_fingerprint_line(std::ostream& out, const ArmFingerprint& arm) {
    out << to_hex(arm.hash) << hash_separator << arm.scenario << arm_separator << arm.arm << '\n';
}

void write_fingerprint_file(std::ostream& out, const FingerprintFile& file) {
    out << "# The fast engine's result fingerprint (benchmarks/fingerprint: every month's state "
           "and\n"
           "# every result) of each arm of each shipped scenario, runs 0 … replications−1 from "
           "the\n"
           "# scenario's seed. tests/core/test_expected_fingerprints.cpp recomputes and compares\n"
           "# them. A change of model behaviour changes them on purpose: regenerate the file with\n"
           "#   build/release/benchmarks/regiosim_result_fingerprint --write "
           "tests/core/data/expected-fingerprints.txt\n"
           "# and commit it in the same commit as the docs/ODD.md change that explains it. A\n"
           "# speed-up must leave it unchanged.\n";
    out << replications_key << file.replications << '\n';
    for (const auto& arm : file.arms) {
        write_fingerprint_line(out, arm);
    }
}

FingerprintFile read_fingerprint_file(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) {
        throw MissingInputError(path.string() + ": cannot open the recorded fingerprints");
    }
    FingerprintFile file;
    std::string line;
    int line_number = 0;
    while (std::getline(in, line)) {
        ++line_number;
        if (line.empty() || line.front() == '#') {
            continue;
        }
        if (std::string_view(line).starts_with(replications_key)) {
            file.replications = parse_replications(path, line_number, line);
        } else {
            file.arms.push_back(parse_arm_line(path, line_number, line));
        }
    }
    if (file.replications == 0) {
        malformed(path, line_number, "no `replications N` line",
                  "a line `replications N` before the fingerprints");
    }
    return file;
}

}  // namespace regiosim::bench
