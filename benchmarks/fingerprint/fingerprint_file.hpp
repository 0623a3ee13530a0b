#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "result_fingerprint.hpp"

/// The file of recorded fingerprints (tests/core/data/expected-fingerprints.txt): comment lines
/// starting with '#', one `replications N` line, then one `<16 hex digits>  <scenario> / <arm>`
/// line per arm.
namespace regiosim::bench {

/// The replications each arm is fingerprinted over when the file is written: enough that every
/// arm's runs reach its rarer events (renewals, key-figure departures, late joiners), few
/// enough that the test stays at a few seconds under AddressSanitizer.
inline constexpr int recorded_replications = 10;

struct FingerprintFile {
    int replications = 0;
    std::vector<ArmFingerprint> arms;
};

/// A hash as 16 lower-case hex digits.
[[nodiscard]] std::string to_hex(std::uint64_t hash);

/// One `<hash>  <scenario> / <arm>` line, as the tool prints and the file stores it.
void write_fingerprint_line(std::ostream& out, const ArmFingerprint& arm);

/// The whole file, with the header comment saying how to regenerate it.
void write_fingerprint_file(std::ostream& out, const FingerprintFile& file);

/// Reads a file written by write_fingerprint_file.
/// @throws DataError naming the file and line of a malformed line or a missing replications
/// line; MissingInputError if it cannot be opened.
[[nodiscard]] FingerprintFile read_fingerprint_file(const std::filesystem::path& path);

}  // namespace regiosim::bench
