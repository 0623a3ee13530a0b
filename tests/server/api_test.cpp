// The API as the page uses it: regions, a class setting's scenario, one run, an ensemble.
#include <catch2/catch.hpp>

#include "http_client.hpp"
#include "regiosim/core/simulation.hpp"
#include "regiosim/scenario/loader.hpp"

using nlohmann::json;
using regiosim::test::post;
using regiosim::test::request;

TEST_CASE("the app and its assets are served from the binary", "[server]") {
    const regiosim::test::RunningServer server;
    const auto page = request(server.port(), "GET", "/");
    CHECK(page.status == 200);
    CHECK(page.content_type.rfind("text/html", 0) == 0);
    CHECK(page.body.find("/app.js") != std::string::npos);
    const auto script = request(server.port(), "GET", "/app.js");
    CHECK(script.status == 200);
    CHECK(script.body.size() > 10'000);  // uPlot and Cytoscape are bundled, no CDN
    CHECK(request(server.port(), "GET", "/app.css").status == 200);
    CHECK(request(server.port(), "GET", "/info.html").body.find("Things to try") !=
          std::string::npos);
    const auto head = request(server.port(), "HEAD", "/app.js");
    CHECK(head.status == 200);
}

TEST_CASE("the shipped regions are listed, the reference first", "[server]") {
    const regiosim::test::RunningServer server;
    const auto reply = request(server.port(), "GET", "/api/regions");
    REQUIRE(reply.status == 200);
    const auto regions = reply.json();
    REQUIRE(regions.size() >= 5);
    CHECK(regions[0]["id"] == "reference");
    CHECK(request(server.port(), "GET", "/api/health").json()["status"] == "ok");
    CHECK(request(server.port(), "GET", "/api/limits").json()["max_replications"] == 1000);
}

TEST_CASE("a class setting's scenario downloads as TOML the loader accepts", "[server]") {
    const regiosim::test::RunningServer server;
    const json setting{
        {"region", "reference"},
        {"styles", {{"makelaar", "defensief"}, {"bedrijf 1", "overstijgend"}}},
        {"interventions",
         {{{"arm", "execution_team"}, {"name", "uitvoeringsteam"}, {"start_month", 36}},
          {{"arm", "covenant_and_team"}, {"name", "convenant"}, {"enabled", false}}}}};
    const auto reply = post(server.port(), "/api/scenario", setting);
    REQUIRE(reply.status == 200);
    const auto body = reply.json();
    CHECK(body["partners"].size() == 20);

    const auto loaded = regiosim::load_scenario_from_string(
        body["toml"].get<std::string>(), "download.toml", REGIOSIM_SOURCE_DIR "/scenarios");
    const auto& s = loaded;
    CHECK(s.partners[static_cast<std::size_t>(s.partner_index("makelaar"))].style ==
          regiosim::Style::defensief);
    CHECK(s.partners[static_cast<std::size_t>(s.partner_index("bedrijf 1"))].style ==
          regiosim::Style::overstijgend);
    const auto* team = s.find_arm("execution_team");
    REQUIRE(team != nullptr);
    CHECK(team->interventions.at(0).start_month == 36);
    const auto* both = s.find_arm("covenant_and_team");
    REQUIRE(both != nullptr);
    REQUIRE(both->interventions.size() == 1);
    CHECK(both->interventions[0].name == "uitvoeringsteam");
}

TEST_CASE("a stepped run is the core's run, month by month, and repeatable", "[server]") {
    const regiosim::test::RunningServer server;
    const json setting{
        {"region", "reference"}, {"arm", "covenant_and_team"}, {"seed", 7}, {"run_index", 3}};
    const auto reply = post(server.port(), "/api/run", setting);
    REQUIRE(reply.status == 200);
    const auto body = reply.json();

    const auto scenario = regiosim::load_scenario(REGIOSIM_SOURCE_DIR "/scenarios/reference.toml");
    regiosim::Simulation simulation(scenario, *scenario.find_arm("covenant_and_team"));
    const auto& expected = simulation.run(7, 3);
    CHECK(body["run"]["months_survived"] == expected.months_survived);
    CHECK(body["run"]["cause"] == std::string(regiosim::to_string(expected.cause)));
    const auto months = body["series"]["month"].size();
    CHECK(months == static_cast<std::size_t>(expected.months_survived));
    CHECK(body["partner_commitment"].size() == months);
    CHECK(body["partner_commitment"][0].size() == 20);
    CHECK(body["edges"][0].size() % 3 == 0);
    CHECK(body["events"].size() == expected.events.size());
    CHECK(body["series"]["active_partners"].back() == expected.years.back().active_partners);

    CHECK(post(server.port(), "/api/run", setting).body == reply.body);
    auto other = setting;
    other["run_index"] = 4;
    CHECK(post(server.port(), "/api/run", other).body != reply.body);
}

TEST_CASE("an ensemble gives Kaplan-Meier curves and the what-if table", "[server]") {
    const regiosim::test::RunningServer server;
    const json setting{{"region", "reference"},
                       {"arms", {"covenant_and_team"}},
                       {"replications", 40},
                       {"seed", 11}};
    const auto reply = post(server.port(), "/api/ensemble", setting);
    REQUIRE(reply.status == 200);
    const auto body = reply.json();
    REQUIRE(body["curves"].size() == 2);
    CHECK(body["curves"][0]["arm"] == "baseline");
    CHECK(body["curves"][1]["arm"] == "covenant_and_team");
    for (const auto& curve : body["curves"]) {
        CHECK(curve["surv"][0] == 1.0);
        const auto& surv = curve["surv"];
        for (std::size_t i = 1; i < surv.size(); ++i) {
            CHECK(surv[i].get<double>() <= surv[i - 1].get<double>());  // a survival curve
        }
    }
    REQUIRE(body["table"].size() == 2);
    CHECK(body["table"][0]["runs"] == 40);
    CHECK(body["table"][0]["hazard_ratio"].is_null());  // the baseline is the reference
    CHECK(body["table"][1]["hazard_ratio"].is_object());
}
