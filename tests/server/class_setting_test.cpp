// Reading a class setting: what is accepted and what is refused, without a network.
#include "regiosim/server/class_setting.hpp"

#include <catch2/catch.hpp>

#include "regiosim/server/request_error.hpp"

using regiosim::server::parse_class_setting;
using regiosim::server::RequestError;

TEST_CASE("a full class setting is read", "[server]") {
    const regiosim::server::ServerLimits limits;
    const auto s = parse_class_setting(
        R"({"region": "reference", "styles": {"ROC": "defensief"}, "seed": "18446744073709551615",
            "interventions": [{"arm": "coordinator", "name": "coordinator", "enabled": false,
                               "start_month": 12}],
            "arm": "coordinator", "arms": ["meetings"], "replications": 50, "run_index": 2})",
        limits);
    CHECK(s.region == "reference");
    CHECK(s.styles.at("ROC") == regiosim::Style::defensief);
    CHECK(s.seed == 18446744073709551615ULL);
    REQUIRE(s.interventions.size() == 1);
    CHECK_FALSE(s.interventions[0].enabled);
    CHECK(s.interventions[0].start_month == 12);
    CHECK(s.arms == std::vector<std::string>{"meetings"});
    CHECK(s.replications == 50);
    CHECK(s.run_index == 2);
}

TEST_CASE("settings that are wrong are refused with status 400", "[server]") {
    const regiosim::server::ServerLimits limits;
    const auto status_of = [&](const char* body) {
        try {
            (void)parse_class_setting(body, limits);
        } catch (const RequestError& e) {
            return e.status();
        }
        return 200;
    };
    CHECK(status_of(R"({})") == 400);  // neither region nor file
    CHECK(status_of(R"({"region": "a", "scenario_text": "b"})") == 400);
    CHECK(status_of(R"({"region": 5})") == 400);
    CHECK(status_of(R"({"region": "a", "seed": -1})") == 400);
    CHECK(status_of(R"({"region": "a", "seed": "99999999999999999999"})") == 400);
    CHECK(status_of(R"({"region": "a", "replications": 0})") == 400);
    CHECK(status_of(R"({"region": "a", "interventions": [{"name": "x", "start_month": 601}]})") ==
          400);
    CHECK(status_of(R"({"region": "a", "interventions": [{"start_month": 1}]})") == 400);
    CHECK(status_of(R"({"region": "a", "arms": ["1","2","3","4","5","6","7","8","9","10","11",
                        "12","13","14","15","16","17"]})") == 400);
    CHECK(status_of(R"({"region": "a"})") == 200);
}
