// p-values and quantiles against R's pchisq, pnorm and qnorm.

#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "reference_data.hpp"
#include "regiosim/analysis/distributions.hpp"
#include "regiosim/analysis/errors.hpp"

using namespace regiosim::analysis;
using namespace regiosim::analysis::testing;

TEST_CASE("analysis: distribution functions match R", "[analysis][distributions]") {
    const FixtureTable ref = FixtureTable::load("ref_distributions.csv");
    REQUIRE(ref.rows() > 0);
    for (std::size_t i = 0; i < ref.rows(); ++i) {
        const std::string fn = ref.text(i, "fn");
        const double x = ref.number(i, "x");
        INFO(fn << "(" << x << ")");
        if (fn == "pchisq_upper") {
            CHECK_THAT(chi_square_upper_p(x, ref.number(i, "df")),
                       MatchesR(ref.number(i, "value")));
        } else if (fn == "pnorm_upper") {
            CHECK_THAT(normal_upper_p(x), MatchesR(ref.number(i, "value")));
        } else {
            REQUIRE(fn == "qnorm");
            CHECK_THAT(normal_quantile(x), MatchesR(ref.number(i, "value")));
        }
    }
}

TEST_CASE("analysis: distribution helpers handle the boundaries", "[analysis][distributions]") {
    CHECK(chi_square_upper_p(0.0, 3) == 1.0);
    CHECK(chi_square_upper_p(5.0, 0) == 1.0);
    CHECK(chi_square_upper_p(INFINITY, 2) == 0.0);
    CHECK(std::isnan(chi_square_upper_p(NAN, 2)));
    CHECK(normal_two_sided_p(0.0) == 1.0);
    CHECK_THAT(normal_two_sided_p(-1.959963984540054), MatchesR(0.05));
    CHECK_THROWS_AS(normal_quantile(0.0), InvalidDataError);
    CHECK_THROWS_AS(normal_quantile(1.0), InvalidDataError);
    CHECK_THROWS_AS(normal_critical_value(95.0), InvalidDataError);
    const ChiSquareTest t = make_chi_square_test(3.84, 1);
    CHECK(t.df == 1);
    CHECK(t.p_value == chi_square_upper_p(3.84, 1));
}
