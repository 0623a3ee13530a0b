#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace regiosim::cli {

/// Accepts exactly the whole numbers 0 … 2^64−1 written in decimal digits, as the scenario file
/// accepts a seed. CLI11 itself would wrap `-1` to 2^64−1 and saturate `2^64` to the largest
/// value: both would run silently with a seed nobody asked for. `what` names the value in the
/// message ("seed", "run index").
[[nodiscard]] CLI::Validator unsigned_64_bit(const std::string& what);

}  // namespace regiosim::cli
