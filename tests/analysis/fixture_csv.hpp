#pragma once

// Reads the CSV fixtures written by analysis/reference/make_fixtures.R. Lines starting with '#'
// are comments; the first other line names the columns; NA, Inf and -Inf are understood.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace regiosim::analysis::testing {

class FixtureTable {
  public:
    /// Loads tests/analysis/fixtures/<name> below the project source directory.
    static FixtureTable load(const std::string& name);

    [[nodiscard]] std::size_t rows() const noexcept { return cells_.size(); }
    [[nodiscard]] bool has_column(std::string_view column) const;

    /// The cell as a number: NA -> NaN, Inf -> infinity. Throws if the cell is not numeric.
    [[nodiscard]] double number(std::size_t row, std::string_view column) const;
    [[nodiscard]] int integer(std::size_t row, std::string_view column) const;
    [[nodiscard]] const std::string& text(std::size_t row, std::string_view column) const;

    /// The rows whose `column` reads exactly `value`.
    [[nodiscard]] FixtureTable where(std::string_view column, std::string_view value) const;
    [[nodiscard]] FixtureTable where(std::string_view column, int value) const;

    /// Distinct values of a column in order of first appearance.
    [[nodiscard]] std::vector<std::string> distinct(std::string_view column) const;

    [[nodiscard]] std::vector<double> numbers(std::string_view column) const;
    [[nodiscard]] std::vector<int> integers(std::string_view column) const;

  private:
    [[nodiscard]] std::size_t index_of(std::string_view column) const;

    std::string name_;
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> cells_;
};

}  // namespace regiosim::analysis::testing
