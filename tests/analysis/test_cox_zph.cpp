// The proportional-hazards test against R's cox.zph (transform = "km").

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "r_comparisons.hpp"
#include "reference_data.hpp"
#include "regiosim/analysis/cox_zph.hpp"
#include "regiosim/analysis/errors.hpp"

using namespace regiosim::analysis;
using namespace regiosim::analysis::testing;

TEST_CASE("analysis: proportional-hazards test matches cox.zph", "[analysis][cox][zph]") {
    const FixtureTable ref = FixtureTable::load("ref_cox_zph.csv");
    const FixtureTable tests = FixtureTable::load("ref_cox_tests.csv");
    for (const std::string& case_name : ref.distinct("case")) {
        INFO("case " << case_name);
        const FixtureTable rows = ref.where("case", case_name);
        std::vector<std::string> columns;
        for (std::size_t j = 0; j + 1 < rows.rows(); ++j) {
            columns.push_back(rows.text(j, "term"));
        }
        REQUIRE(rows.text(rows.rows() - 1, "term") == "GLOBAL");
        const std::string data_set = case_name.substr(0, case_name.find("_breslow"));
        const CoxInput input = cox_input(data_set, columns);
        CoxOptions options;
        options.ties = tests.where("case", case_name).text(0, "ties") == "breslow"
                           ? TieMethod::breslow
                           : TieMethod::efron;
        const CoxFit fit = cox_fit(input.time, input.event, input.X, options);
        check_cox_zph(cox_zph(fit, input.time, input.event, input.X), rows, columns);
    }
}

TEST_CASE("analysis: cox_zph checks that it was given the fitted data", "[analysis][cox][zph]") {
    const CoxInput input = cox_input("ovarian", {"age", "ecog_ps", "rx"});
    const CoxFit fit = cox_fit(input.time, input.event, input.X);
    const Eigen::MatrixXd two_columns = input.X.leftCols(2);
    CHECK_THROWS_AS(cox_zph(fit, input.time, input.event, two_columns), InvalidDataError);
}
