// Listeners are part of Catch2 v2's external interfaces; enable them before the first include.
#define CATCH_CONFIG_EXTERNAL_INTERFACES
#include "reference_data.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace regiosim::analysis::testing {

bool agrees_with_r(double actual, double expected) {
    if (std::isnan(expected) || std::isnan(actual)) {
        return std::isnan(expected) && std::isnan(actual);
    }
    if (std::isinf(expected) || std::isinf(actual)) {
        return actual == expected;
    }
    return std::fabs(actual - expected) <=
           std::max(relative_tolerance * std::fabs(expected), absolute_floor);
}

std::string MatchesRMatcher::describe() const {
    std::ostringstream out;
    out.precision(17);
    out << "agrees with R's " << expected_;
    out.precision(2);
    out << " to " << relative_tolerance << " relative";
    return out.str();
}

namespace {

// Failure messages show values with all 17 digits, so a mismatch with R is visible.
struct FullPrecisionListener : Catch::TestEventListenerBase {
    using TestEventListenerBase::TestEventListenerBase;
    void testRunStarting(const Catch::TestRunInfo& info) override {
        Catch::StringMaker<double>::precision = 17;
        TestEventListenerBase::testRunStarting(info);
    }
};

FixtureTable data_table(const std::string& data_set) {
    return FixtureTable::load("data_" + data_set + ".csv");
}

}  // namespace

CATCH_REGISTER_LISTENER(FullPrecisionListener)

SurvivalData case_data(const std::string& case_name) {
    std::string data_set = case_name;
    std::string group_column;
    if (const auto by = case_name.find("_by_"); by != std::string::npos) {
        data_set = case_name.substr(0, by);
        group_column = case_name.substr(by + 4);
    }
    const bool competing = data_set == "lung_cr" || data_set == "tiny_cr";
    if (data_set == "lung_cr") {
        data_set = "lung";
    }
    const FixtureTable table = data_table(data_set);
    SurvivalData data;
    data.time = table.numbers("time");
    data.event = table.integers("status");
    if (!group_column.empty()) {
        data.group = table.integers(group_column);
    }
    if (competing) {
        data.cause = table.integers("cause");
    }
    return data;
}

SurvivalData case_group(const std::string& case_name, int group) {
    SurvivalData data = case_data(case_name);
    if (!data.has_groups()) {
        if (group != 0) {
            throw std::runtime_error("case " + case_name + " has no groups");
        }
        return data;
    }
    return select_group(data, group);
}

CoxInput cox_input(const std::string& data_set, const std::vector<std::string>& columns) {
    const FixtureTable table = data_table(data_set);
    CoxInput input;
    std::vector<std::vector<double>> rows;
    for (std::size_t r = 0; r < table.rows(); ++r) {
        std::vector<double> row;
        bool complete = true;
        for (const auto& column : columns) {
            row.push_back(table.number(r, column));
            complete = complete && !std::isnan(row.back());
        }
        if (!complete) {
            continue;
        }
        input.time.push_back(table.number(r, "time"));
        input.event.push_back(table.integer(r, "status"));
        rows.push_back(std::move(row));
    }
    input.X.resize(static_cast<Eigen::Index>(rows.size()),
                   static_cast<Eigen::Index>(columns.size()));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        for (std::size_t j = 0; j < columns.size(); ++j) {
            input.X(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = rows[i][j];
        }
    }
    return input;
}

}  // namespace regiosim::analysis::testing
