// `analyze` (and `report`, which reads through it) on results files damaged in one value: every
// index, code and time read from the file is checked against the table it points into, so the
// answer is a DataError (exit 65) naming the file, the dataset and the row, never a crash, an
// out-of-bounds access or an internal error; a dataset declaring rows it does not store is
// refused before memory is allocated for them.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "../sweep/sweep_fixtures.hpp"
#include "regiosim/analyze/results_analysis.hpp"
#include "regiosim/results/results_reader.hpp"
#include "results_file_edits.hpp"

namespace regiosim {

namespace {

namespace fs = std::filesystem;

const std::string two_factors =
    "[[factors]]\nkey = \"model.key_figure.turnover\"\nname = \"turnover\"\nmin = 0.05\n"
    "max = 0.4\nlevels = 2\nbase = 0.1\n"
    "[[factors]]\nkey = \"model.coordinator.crowding\"\nname = \"crowding\"\nmin = 0.0\n"
    "max = 0.7\nlevels = 2\nbase = 0.2\n";

// The diagnostic of the DataError analysing `file` throws; fails the test if none is thrown.
std::string analysis_error(const fs::path& file) {
    try {
        (void)analyse_results(file);
    } catch (const DataError& e) {
        return e.diagnostics().front().to_string();
    }
    FAIL("analysed " << file << " without an error");
    return "";
}

struct Design {
    std::string kind;
    std::string more;
};

}  // namespace

TEST_CASE("an out-of-range design point in /runs is named, never used", "[analyze][bad-file]") {
    const std::vector<Design> designs = {
        {"latin_hypercube", "[design]\npoints = 4\n" + two_factors},
        {"sobol", "[design]\nbase_samples = 2\n" + two_factors},
        {"morris", "[design]\ntrajectories = 2\nlevels = 4\n" + two_factors},
        {"one_at_a_time", two_factors},
        {"full_factorial", two_factors}};
    for (const auto& design : designs) {
        const auto file = test::small_results_file("bad-point-" + design.kind, design.kind, 2,
                                                   design.more, "arms = [\"baseline\"]");
        const auto points = static_cast<double>(ResultsReader(file).rows("design/point"));
        // One past the last point, "none", and far beyond the design.
        for (const double point : {points, -1.0, 1000 * points}) {
            INFO(design.kind << ": /runs/point[1] = " << point);
            const auto bad = test::copy_of(file, file.parent_path(), "bad.h5");
            test::overwrite_value(bad, "runs/point", 1, point);
            const std::string error = analysis_error(bad);
            CHECK_THAT(error, Catch::Contains(bad.string()));
            CHECK_THAT(error, Catch::Contains("/runs/point[1]"));
        }
    }
}

TEST_CASE("a bad value in a results file names the file, the dataset and the row",
          "[analyze][bad-file]") {
    struct Edit {
        std::string dataset;
        std::uint64_t row;
        double value;
    };
    const auto file = test::small_results_file("bad-values", "replications", 3,
                                               "[output]\nyearly = true\nevent_logs = 1\n");
    const std::vector<Edit> edits = {{"runs/months_survived", 2, -5},
                                     {"runs/months_survived", 2, 1e6},
                                     {"runs/event", 1, 7},
                                     {"runs/cause", 1, -1},
                                     {"runs/cause", 1, 6},
                                     {"runs/month_self_sustaining", 0, -7},
                                     {"runs/arm", 4, 2},
                                     {"runs/replicate", 4, 7},
                                     {"runs/run_id", 3, 2},
                                     {"runs/cost", 0, -1},
                                     {"years/year", 5, 99},
                                     {"years/year", 5, 0},
                                     {"years/run_id", 5, 6}};
    for (const auto& edit : edits) {
        INFO("/" << edit.dataset << "[" << edit.row << "] = " << edit.value);
        const auto bad = test::copy_of(file, file.parent_path(), "bad.h5");
        test::overwrite_value(bad, edit.dataset, edit.row, edit.value);
        const std::string error = analysis_error(bad);
        CHECK_THAT(error, Catch::Contains(bad.string()));
        CHECK_THAT(error,
                   Catch::Contains("/" + edit.dataset + "[" + std::to_string(edit.row) + "]"));
        CHECK_THAT(error, Catch::Contains("valid"));
    }
}

TEST_CASE("a bad factor index in a Morris or one-at-a-time design is named",
          "[analyze][bad-file]") {
    for (const Design& design :
         {Design{"morris", "[design]\ntrajectories = 2\nlevels = 4\n" + two_factors},
          Design{"one_at_a_time", two_factors}}) {
        const auto file = test::small_results_file("bad-factor-" + design.kind, design.kind, 2,
                                                   design.more, "arms = [\"baseline\"]");
        for (const double factor : {2.0, -2.0, 1e6}) {
            INFO(design.kind << ": /design/factor[1] = " << factor);
            const auto bad = test::copy_of(file, file.parent_path(), "bad.h5");
            test::overwrite_value(bad, "design/factor", 1, factor);
            const std::string error = analysis_error(bad);
            CHECK_THAT(error, Catch::Contains(bad.string()));
            CHECK_THAT(error, Catch::Contains("/design/factor[1]"));
        }
    }
}

TEST_CASE("a dataset declaring rows it does not store is refused before they are allocated",
          "[analyze][bad-file]") {
    const auto file =
        test::small_results_file("bad-extent", "replications", 3, "[output]\nyearly = true\n");
    // 2^37 doubles are a terabyte: reading them would end in bad_alloc (an internal error) or
    // in the kernel's out-of-memory killer.
    const std::uint64_t huge = std::uint64_t{1} << 37;
    for (const std::string dataset : {"runs/cost", "runs/point", "years/mean_trust"}) {
        INFO(dataset);
        const auto bad = test::copy_of(file, file.parent_path(), "bad.h5");
        test::set_rows(bad, dataset, huge);
        CHECK_THROWS_AS((void)ResultsReader(bad).rows(dataset), DataError);
        const std::string error = analysis_error(bad);
        CHECK_THAT(error, Catch::Contains(bad.string()));
        CHECK_THAT(error, Catch::Contains("/" + dataset));
    }
}

TEST_CASE("runs longer than the base scenario's horizon are valid when a factor sets it",
          "[analyze][bad-file]") {
    // The reference scenario runs 15 years; here every point runs 16 to 20, and coordinated
    // collaborations often last that long. Months and years are checked against the longest
    // horizon of the design, not the base scenario's.
    const auto file = test::small_results_file(
        "long-horizon", "latin_hypercube", 10,
        "[design]\npoints = 3\n[output]\nyearly = true\n"
        "[[factors]]\nkey = \"scenario.horizon_years\"\nname = \"horizon\"\nmin = 16\n"
        "max = 20\ninteger = true\n");
    const auto years = ResultsReader(file).column<std::int16_t>("years/year");
    const int last_year = *std::max_element(years.begin(), years.end());
    REQUIRE(last_year > 15);  // the case the check must allow
    const auto analysis = analyse_results(file);
    for (const auto& f : analysis.at("fan_charts")) {
        CHECK(f.at("year").size() >= static_cast<std::size_t>(last_year));
    }
    // Beyond the longest horizon a month is still refused.
    const auto bad = test::copy_of(file, file.parent_path(), "bad.h5");
    test::overwrite_value(bad, "runs/months_survived", 0, 12 * 20 + 1);
    CHECK_THAT(analysis_error(bad), Catch::Contains("/runs/months_survived[0]"));
}

TEST_CASE("a Sobol design cut to one base row is named, not handed to the estimator",
          "[analyze][bad-file]") {
    // Found by results_reader_fuzzer: /design and /runs shortened alike to one base row (k + 2
    // points) passed every count check, and the Sobol estimator, which needs two base rows,
    // threw an internal error.
    const auto file = test::small_results_file(
        "bad-sobol-rows", "sobol", 2,
        "[design]\nbase_samples = 2\n[output]\nyearly = false\nevent_logs = 0\n" + two_factors,
        "arms = [\"baseline\"]");
    const auto bad = test::copy_of(file, file.parent_path(), "bad.h5");
    const std::uint64_t one_row = 2 + 2;  // k + 2 points
    test::set_rows_of_group(bad, "design", one_row);
    test::set_rows_of_group(bad, "runs", one_row * 2);  // one arm, two replications
    const std::string error = analysis_error(bad);
    CHECK_THAT(error, Catch::Contains(bad.string()));
    CHECK_THAT(error, Catch::Contains("/design has 4 points for 2 factors"));
}

}  // namespace regiosim
