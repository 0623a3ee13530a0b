#include "results_checks.hpp"

#include "regiosim/errors/file_error.hpp"

namespace regiosim::results_checks {

void bad_row(const std::filesystem::path& file, std::string_view dataset, std::size_t row,
             const std::string& value, std::string_view problem, std::string valid) {
    bad_file(file, fmt::format("/{}[{}] = {} {}", dataset, row, value, problem), std::move(valid));
}

void bad_file(const std::filesystem::path& file, std::string problem, std::string valid) {
    throw data_error_about_file(file.string(), std::move(problem), std::move(valid));
}

void require_finite(const std::filesystem::path& file, std::string_view dataset,
                    const std::vector<double>& values, double low) {
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!std::isfinite(values[i]) || values[i] < low) {
            bad_row(file, dataset, i, fmt::format("{}", values[i]), "is not a valid number",
                    std::isfinite(low) ? fmt::format("valid: a finite number, at least {}", low)
                                       : std::string("valid: a finite number"));
        }
    }
}

void require_rows(const std::filesystem::path& file, std::string_view dataset, std::uint64_t rows,
                  std::uint64_t expected, std::string_view why) {
    if (rows != expected) {
        bad_file(file, fmt::format("dataset /{} has {} rows, not {}", dataset, rows, expected),
                 fmt::format("valid: {} rows ({})", expected, why));
    }
}

}  // namespace regiosim::results_checks
