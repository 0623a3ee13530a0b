#include "results_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <type_traits>

#include "regiosim/errors/errors.hpp"
#include "regiosim/results/results_reader.hpp"
#include "regiosim/results/run_table_columns.hpp"

namespace regiosim::sweep_steps {

namespace {

// Rows read at a time: a few MiB per column, whatever the size of the sweep.
constexpr std::uint64_t block_rows = 1U << 19U;

template <class T>
void read_whole(const ResultsReader& reader, const std::string& dataset, std::uint64_t rows) {
    std::vector<T> block;
    for (std::uint64_t first = 0; first < rows; first += block_rows) {
        reader.read(dataset, first, std::min(block_rows, rows - first), block);
    }
}

std::string identity_problem(const ResultsReader& reader, const ExpectedContents& expected) {
    if (reader.string_attribute("sweep_fingerprint") != expected.fingerprint) {
        return "it belongs to another sweep (sweep_fingerprint differs)";
    }
    const std::int64_t first = reader.int_attribute("first_run");
    const std::int64_t last = reader.int_attribute("last_run");
    if (first != expected.first_run || last != expected.last_run) {
        return fmt::format("it holds runs {} to {}, not {} to {}", first, last, expected.first_run,
                           expected.last_run);
    }
    return {};
}

std::string columns_problem(const ResultsReader& reader, const ExpectedContents& expected) {
    RunTable shape;
    shape.runs.factors.resize(expected.factor_names.size());
    std::map<std::string, std::uint64_t> group_rows;
    std::string problem;
    for_each_column(shape, expected.factor_names,
                    [&](std::string_view group, const std::string& name, const auto& column) {
                        using T = typename std::decay_t<decltype(column)>::value_type;
                        const std::string dataset = std::string(group) + "/" + name;
                        const std::uint64_t rows = reader.rows(dataset);
                        const std::string family(group.substr(0, group.find('/')));
                        const auto [it, first_of_group] = group_rows.emplace(family, rows);
                        if (!first_of_group && it->second != rows && problem.empty()) {
                            problem = fmt::format("/{} has {} rows, the rest of /{} {}", dataset,
                                                  rows, family, it->second);
                        }
                        read_whole<T>(reader, dataset, rows);
                    });
    if (!problem.empty()) {
        return problem;
    }
    const auto runs = static_cast<std::uint64_t>(expected.last_run - expected.first_run);
    if (group_rows["runs"] != runs) {
        return fmt::format("/runs has {} rows, the manifest {}", group_rows["runs"], runs);
    }
    return {};
}

std::string design_problem(const ResultsReader& reader, const ExpectedContents& expected) {
    const auto points = static_cast<std::uint64_t>(expected.design_points);
    for (const char* dataset :
         {"design/point", "design/block", "design/group", "design/factor", "design/step"}) {
        if (reader.rows(dataset) != points) {
            return fmt::format("/{} has {} rows, the design {}", dataset, reader.rows(dataset),
                               points);
        }
    }
    read_whole<std::int64_t>(reader, "design/point", points);
    read_whole<double>(reader, "design/step", points);
    for (const auto& name : expected.factor_names) {
        read_whole<double>(reader, "design/unit/" + name, points);
        read_whole<double>(reader, "design/value/" + name, points);
    }
    return {};
}

}  // namespace

std::string problem_with(const std::filesystem::path& file, const ExpectedContents& expected) {
    try {
        const ResultsReader reader(file);
        std::string problem = identity_problem(reader, expected);
        if (problem.empty()) {
            problem = columns_problem(reader, expected);
        }
        if (problem.empty() && expected.design_points >= 0) {
            problem = design_problem(reader, expected);
        }
        return problem;
    } catch (const Error& e) {
        return e.what();
    }
}

}  // namespace regiosim::sweep_steps
