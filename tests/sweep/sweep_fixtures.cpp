#include "sweep_fixtures.hpp"

#include <fmt/format.h>

#include <cstring>
#include <fstream>

#include "regiosim/results/results_reader.hpp"
#include "regiosim/results/results_schema.hpp"

namespace regiosim::test {

namespace fs = std::filesystem;

fs::path scratch_folder(const std::string& name) {
    const fs::path folder = fs::path(REGIOSIM_BINARY_DIR) / "test-scratch" / name;
    fs::remove_all(folder);
    fs::create_directories(folder);
    return folder;
}

fs::path write_file(const fs::path& folder, const std::string& name, const std::string& text) {
    const fs::path path = folder / name;
    std::ofstream(path) << text;
    return path;
}

std::string small_experiment(const std::string& name, const std::string& design, int replications,
                             const std::string& more) {
    return fmt::format(
        "[experiment]\nname = \"{}\"\nscenario = \"{}/scenarios/reference.toml\"\n"
        "arms = [\"baseline\", \"coordinator\"]\ndesign = \"{}\"\nreplications = {}\nseed = 99\n{}",
        name, REGIOSIM_SOURCE_DIR, design, replications, more);
}

namespace {

template <class T>
std::string compare_column(const ResultsReader& a, const ResultsReader& b,
                           const std::string& dataset) {
    const auto x = a.column<T>(dataset);
    const auto y = b.column<T>(dataset);
    if (x.size() != y.size()) {
        return fmt::format("/{}: {} rows vs {}", dataset, x.size(), y.size());
    }
    for (std::size_t i = 0; i < x.size(); ++i) {
        // Bitwise equality: the promise is identical bits, not close values.
        if (std::memcmp(&x[i], &y[i], sizeof(T)) != 0) {
            return fmt::format("/{}[{}] differs", dataset, i);
        }
    }
    return "";
}

}  // namespace

std::string first_difference(const fs::path& a, const fs::path& b) {
    const ResultsReader ra(a);
    const ResultsReader rb(b);
    for (const auto& column : results_columns()) {
        const std::string dataset = std::string(column.group) + "/" + std::string(column.name);
        if (!ra.has(dataset) && !rb.has(dataset)) {
            continue;
        }
        std::string diff;
        switch (column.type) {
            case ColumnType::int8:
                diff = compare_column<std::int8_t>(ra, rb, dataset);
                break;
            case ColumnType::int16:
                diff = compare_column<std::int16_t>(ra, rb, dataset);
                break;
            case ColumnType::int32:
                diff = compare_column<std::int32_t>(ra, rb, dataset);
                break;
            case ColumnType::int64:
                diff = compare_column<std::int64_t>(ra, rb, dataset);
                break;
            case ColumnType::uint64:
                diff = compare_column<std::uint64_t>(ra, rb, dataset);
                break;
            case ColumnType::float64:
                diff = compare_column<double>(ra, rb, dataset);
                break;
        }
        if (!diff.empty()) {
            return diff;
        }
    }
    if (ra.has("design")) {
        for (const auto& name : ra.strings_attribute("factor_names", "design")) {
            for (const std::string& dataset :
                 {"runs/factors/" + name, "design/unit/" + name, "design/value/" + name}) {
                if (auto diff = compare_column<double>(ra, rb, dataset); !diff.empty()) {
                    return diff;
                }
            }
        }
    }
    return "";
}

}  // namespace regiosim::test
