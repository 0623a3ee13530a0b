// [[partner_groups]]: counts by largest remainder, names, attributes and limits.

#include <catch2/catch.hpp>
#include <numeric>
#include <random>

#include "regiosim/scenario/loader.hpp"
#include "regiosim/scenario/partner_groups.hpp"
#include "scenario_fixtures.hpp"

using namespace regiosim;

TEST_CASE("largest remainder apportionment", "[scenario]") {
    using A = std::array<int, 4>;
    CHECK(apportion_styles(120, {0.7, 0.3, 0, 0}) == A{84, 36, 0, 0});
    CHECK(apportion_styles(7, {1.0 / 3, 1.0 / 3, 1.0 / 3, 0}) == A{3, 2, 2, 0});
    CHECK(apportion_styles(7, {0, 1.0 / 3, 1.0 / 3, 1.0 / 3}) == A{0, 3, 2, 2});
    CHECK(apportion_styles(10, {0.25, 0.25, 0.25, 0.25}) == A{3, 3, 2, 2});
    CHECK(apportion_styles(1, {0.1, 0.2, 0.3, 0.4}) == A{0, 0, 0, 1});
    CHECK(apportion_styles(3, {0.5, 0.5, 0, 0}) == A{2, 1, 0, 0});
    CHECK(apportion_styles(0, {0.5, 0.5, 0, 0}) == A{0, 0, 0, 0});
    CHECK(apportion_styles(10000, {0.1, 0.2, 0.3, 0.4}) == A{1000, 2000, 3000, 4000});
}

TEST_CASE("apportionment always hands out exactly count seats", "[scenario]") {
    std::mt19937_64 engine(42);
    for (int trial = 0; trial < 2000; ++trial) {
        StyleShares shares{};
        double sum = 0;
        for (auto& s : shares) {
            s = (engine() % 2 == 0) ? 0.0 : static_cast<double>(engine() % 1000 + 1);
            sum += s;
        }
        if (sum == 0) {
            shares[0] = sum = 1;
        }
        for (auto& s : shares) {
            s /= sum;
        }
        const int count = static_cast<int>(engine() % 10000) + 1;
        const auto seats = apportion_styles(count, shares);
        INFO("count " << count);
        CHECK(std::accumulate(seats.begin(), seats.end(), 0) == count);
        for (std::size_t i = 0; i < shares.size(); ++i) {
            CHECK(std::abs(seats[i] - count * shares[i]) < 1.0 + 1e-6);
            if (shares[i] == 0) {
                CHECK(seats[i] == 0);
            }
        }
    }
}

TEST_CASE("a group expands into numbered partners in style order", "[scenario]") {
    const std::string text = R"([scenario]
name = "groups"

[[partner_groups]]
name = "bedrijf"
type = "company"
count = 120
styles = { utilitair = 0.3, defensief = 0.7 }
kartrekkers = 2
commitment = 0.25
parallel_collaborations = 3
)";
    const Scenario s = test::load_text(text).scenario;
    REQUIRE(s.partners.size() == 120);
    int defensief = 0;
    int utilitair = 0;
    for (std::size_t k = 0; k < s.partners.size(); ++k) {
        const PartnerSpec& p = s.partners[k];
        CHECK(p.name == "bedrijf " + std::to_string(k + 1));
        CHECK(p.group == "bedrijf");
        CHECK(p.type == PartnerType::company);
        CHECK(p.commitment == 0.25);
        CHECK(p.parallel_collaborations == 3);
        CHECK(p.kartrekker == (k < 2));
        CHECK(p.capacity == ModelParameters{}.initial_capacity_company);
        (p.style == Style::defensief ? defensief : utilitair) += 1;
        CHECK(p.style == (k < 84 ? Style::defensief : Style::utilitair));
    }
    CHECK(defensief == 84);
    CHECK(utilitair == 36);
    CHECK(s.partners[0].alignment == ModelParameters{}.initial_alignment_defensief);
    CHECK(s.partners[119].alignment == ModelParameters{}.initial_alignment_utilitair);
}

TEST_CASE("seven partners in three equal shares give 3/2/2", "[scenario]") {
    const Scenario s = test::load_text(R"([scenario]
name = "thirds"
[[partner_groups]]
name = "school"
type = "vo_school"
count = 7
styles = { defensief = 0.3333333333333333, offensief = 0.3333333333333333, overstijgend = 0.3333333333333334 }
)")
                           .scenario;
    std::array<int, 4> counts{};
    for (const auto& p : s.partners) {
        ++counts[static_cast<std::size_t>(p.style)];
    }
    CHECK(counts == std::array<int, 4>{3, 0, 2, 2});
}

TEST_CASE("group problems are reported", "[scenario]") {
    const std::string head = "[scenario]\nname = \"g\"\n";
    SECTION("shares that do not sum to 1") {
        const auto d = test::diagnostics_of(head + R"([[partner_groups]]
name = "b"
type = "company"
count = 10
styles = { defensief = 0.7, utilitair = 0.2 }
)");
        REQUIRE(d.size() == 1);
        CHECK(d[0].key_path == "partner_groups[0].styles");
        CHECK(d[0].where.line == 7);
        CHECK(d[0].problem == "the shares sum to 0.8999999999999999, not 1");
    }
    SECTION("an unknown style in the shares") {
        const auto d = test::diagnostics_of(head + R"([[partner_groups]]
name = "b"
type = "company"
count = 10
styles = { defensive = 1.0 }
)");
        REQUIRE(d.size() == 1);
        CHECK(d[0].key_path == "partner_groups[0].styles.defensive");
        CHECK(d[0].problem.find("did you mean `defensief`?") != std::string::npos);
    }
    SECTION("more than 10000 partners in total") {
        std::string text = head;
        for (int k = 0; k < 3; ++k) {
            text += "[[partner_groups]]\nname = \"g" + std::to_string(k) +
                    "\"\ntype = \"company\"\ncount = 4000\nstyles = { utilitair = 1.0 }\n";
        }
        const auto d = test::diagnostics_of(text);
        REQUIRE(d.size() == 1);
        CHECK(d[0].key_path == "partner_groups");
        CHECK(d[0].problem == "the groups bring the region to 12000 partners");
    }
    SECTION("a generated name that is already taken") {
        const auto d = test::diagnostics_of(head + R"([[partners]]
name = "bedrijf 2"
type = "company"
style = "utilitair"
[[partner_groups]]
name = "bedrijf"
type = "company"
count = 3
styles = { utilitair = 1.0 }
)");
        REQUIRE(d.size() == 1);
        CHECK(d[0].key_path == "partner_groups[0].name");
        CHECK(d[0].problem ==
              "the group generates `bedrijf 2`, which is already the name of partners[0]");
    }
    SECTION("more kartrekkers than members") {
        const auto d = test::diagnostics_of(head + R"([[partner_groups]]
name = "b"
type = "company"
count = 3
styles = { utilitair = 1.0 }
kartrekkers = 4
)");
        REQUIRE(d.size() == 1);
        CHECK(d[0].key_path == "partner_groups[0].kartrekkers");
    }
}

TEST_CASE("a region of 10000 partners loads and round-trips", "[scenario]") {
    const LoadedScenario loaded = test::load_text(R"([scenario]
name = "large"
[[partner_groups]]
name = "bedrijf"
type = "company"
count = 9990
styles = { defensief = 0.6, utilitair = 0.3, offensief = 0.1 }
[[partner_groups]]
name = "school"
type = "vo_school"
count = 10
styles = { overstijgend = 1.0 }
)");
    REQUIRE(loaded.scenario.partners.size() == 10000);
    CHECK(test::load_text(loaded.resolved_text).scenario == loaded.scenario);
}
