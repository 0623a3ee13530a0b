#include "number_options.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdint>
#include <limits>

namespace regiosim::cli {

CLI::Validator unsigned_64_bit(const std::string& what) {
    return CLI::Validator(
        [what](const std::string& text) -> std::string {
            std::uint64_t value = 0;
            const char* end = text.data() + text.size();
            const bool digits_only =
                !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
            const auto [stop, error] = std::from_chars(text.data(), end, value);
            if (digits_only && error == std::errc{} && stop == end) {
                return {};
            }
            return fmt::format("{} is not a {}; valid: a whole number from 0 to {} (2^64−1)", text,
                               what, std::numeric_limits<std::uint64_t>::max());
        },
        "0 … 2^64−1");
}

}  // namespace regiosim::cli
