#include "fixture_csv.hpp"

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace regiosim::analysis::testing {

namespace {

std::vector<std::string> split(const std::string& line) {
    std::vector<std::string> fields;
    std::stringstream stream(line);
    std::string field;
    while (std::getline(stream, field, ',')) {
        fields.push_back(field);
    }
    if (!line.empty() && line.back() == ',') {
        fields.emplace_back();
    }
    return fields;
}

}  // namespace

FixtureTable FixtureTable::load(const std::string& name) {
    const std::string path = std::string(REGIOSIM_SOURCE_DIR) + "/tests/analysis/fixtures/" + name;
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error("cannot open fixture " + path +
                                 "; regenerate it with Rscript analysis/reference/make_fixtures.R");
    }
    FixtureTable table;
    table.name_ = name;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (line.empty() || line.front() == '#') {
            continue;
        }
        if (table.header_.empty()) {
            table.header_ = split(line);
            continue;
        }
        auto fields = split(line);
        if (fields.size() != table.header_.size()) {
            throw std::runtime_error("fixture " + name + " has a row with " +
                                     std::to_string(fields.size()) + " fields; expected " +
                                     std::to_string(table.header_.size()));
        }
        table.cells_.push_back(std::move(fields));
    }
    return table;
}

bool FixtureTable::has_column(std::string_view column) const {
    for (const auto& h : header_) {
        if (h == column) {
            return true;
        }
    }
    return false;
}

std::size_t FixtureTable::index_of(std::string_view column) const {
    for (std::size_t i = 0; i < header_.size(); ++i) {
        if (header_[i] == column) {
            return i;
        }
    }
    throw std::runtime_error("fixture " + name_ + " has no column " + std::string(column));
}

double FixtureTable::number(std::size_t row, std::string_view column) const {
    const std::string& cell = text(row, column);
    if (cell == "NA" || cell == "NaN") {
        return std::numeric_limits<double>::quiet_NaN();
    }
    if (cell == "Inf") {
        return std::numeric_limits<double>::infinity();
    }
    if (cell == "-Inf") {
        return -std::numeric_limits<double>::infinity();
    }
    std::size_t used = 0;
    const double value = std::stod(cell, &used);
    if (used != cell.size()) {
        throw std::runtime_error("fixture " + name_ + " column " + std::string(column) +
                                 " has non-numeric cell '" + cell + "'");
    }
    return value;
}

int FixtureTable::integer(std::size_t row, std::string_view column) const {
    const double value = number(row, column);
    if (std::isnan(value) || value != std::round(value)) {
        throw std::runtime_error("fixture " + name_ + " column " + std::string(column) +
                                 " has non-integer cell '" + text(row, column) + "'");
    }
    return static_cast<int>(value);
}

const std::string& FixtureTable::text(std::size_t row, std::string_view column) const {
    return cells_.at(row).at(index_of(column));
}

FixtureTable FixtureTable::where(std::string_view column, std::string_view value) const {
    FixtureTable out;
    out.name_ = name_ + "[" + std::string(column) + "=" + std::string(value) + "]";
    out.header_ = header_;
    const std::size_t col = index_of(column);
    for (const auto& row : cells_) {
        if (row[col] == value) {
            out.cells_.push_back(row);
        }
    }
    return out;
}

FixtureTable FixtureTable::where(std::string_view column, int value) const {
    return where(column, std::to_string(value));
}

std::vector<std::string> FixtureTable::distinct(std::string_view column) const {
    std::vector<std::string> values;
    const std::size_t col = index_of(column);
    for (const auto& row : cells_) {
        bool seen = false;
        for (const auto& v : values) {
            seen = seen || v == row[col];
        }
        if (!seen) {
            values.push_back(row[col]);
        }
    }
    return values;
}

std::vector<double> FixtureTable::numbers(std::string_view column) const {
    std::vector<double> out;
    for (std::size_t r = 0; r < rows(); ++r) {
        out.push_back(number(r, column));
    }
    return out;
}

std::vector<int> FixtureTable::integers(std::string_view column) const {
    std::vector<int> out;
    for (std::size_t r = 0; r < rows(); ++r) {
        out.push_back(integer(r, column));
    }
    return out;
}

}  // namespace regiosim::analysis::testing
