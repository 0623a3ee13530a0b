// Requests a careless or hostile client sends: each gets a 4xx or 503 with a message, and the
// server keeps answering afterwards.
#include <catch2/catch.hpp>
#include <future>
#include <vector>

#include "http_client.hpp"

using nlohmann::json;
using regiosim::test::post;
using regiosim::test::raw;
using regiosim::test::request;

namespace {

void check_error(const regiosim::test::Reply& reply, int status) {
    CHECK(reply.status == status);
    REQUIRE(reply.content_type == "application/json");
    CHECK_FALSE(reply.json()["error"].get<std::string>().empty());
}

void check_still_up(unsigned short port) {
    CHECK(request(port, "GET", "/api/health").status == 200);
}

}  // namespace

TEST_CASE("malformed and invalid bodies get 400 or 422 with the loader's diagnostics",
          "[server][hostile]") {
    const regiosim::test::RunningServer server;
    const auto port = server.port();
    check_error(request(port, "POST", "/api/run", "{\"region\": "), 400);
    check_error(request(port, "POST", "/api/run", "[1, 2, 3]"), 400);
    check_error(request(port, "POST", "/api/run", std::string(100, '[')), 400);
    check_error(post(port, "/api/run", {{"region", "reference"}, {"colour", "red"}}), 400);
    check_error(post(port, "/api/run", {{"region", "reference"}, {"styles", {{"ROC", "lazy"}}}}),
                400);
    check_error(post(port, "/api/run", {{"region", "nowhere"}}), 404);
    check_error(post(port, "/api/run", {{"region", "reference"}, {"arm", "magic"}}), 422);
    check_error(
        post(port, "/api/run", {{"region", "reference"}, {"styles", {{"Nobody", "utilitair"}}}}),
        422);

    const auto bad = post(port, "/api/scenario",
                          {{"scenario_text", "[scenario]\nname = \"x\"\nhorizon_years = -3\n"}});
    check_error(bad, 422);
    const auto details = bad.json()["details"];
    REQUIRE_FALSE(details.empty());
    CHECK(details[0].get<std::string>().rfind("upload.toml:", 0) == 0);  // file:line:col

    // An upload may extend a shipped region, never read another file of the server.
    const auto escape =
        post(port, "/api/scenario", {{"scenario_text", "[scenario]\nextends = \"/etc/passwd\"\n"}});
    check_error(escape, 422);
    CHECK(escape.json()["details"].dump().find("valid: extends = one of reference.toml") !=
          std::string::npos);
    const auto derived =
        post(port, "/api/scenario",
             {{"scenario_text", "[scenario]\nextends = \"reference.toml\"\nname = \"mine\"\n"}});
    CHECK(derived.status == 200);
    check_still_up(port);
}

TEST_CASE("requests beyond the limits are refused with the limit named", "[server][hostile]") {
    regiosim::server::ServerLimits limits;
    const regiosim::test::RunningServer server(limits);
    const auto port = server.port();
    check_error(post(port, "/api/ensemble", {{"region", "reference"}, {"replications", 100000}}),
                400);
    const auto too_many =
        post(port, "/api/ensemble", {{"region", "reference"}, {"replications", 1000}});
    check_error(too_many, 422);  // 12 arms × 1000 > 5000 runs
    CHECK(too_many.json()["details"][0].get<std::string>().find("5000") != std::string::npos);

    const auto big_region =
        post(port, "/api/run",
             {{"scenario_text",
               "[scenario]\nname = \"big\"\n[[partner_groups]]\nname = \"b\"\ntype = \"company\"\n"
               "count = 5000\nstyles = { utilitair = 1.0 }\n"}});
    check_error(big_region, 422);
    const auto long_run = post(
        port, "/api/run",
        {{"scenario_text", "[scenario]\nextends = \"reference.toml\"\nhorizon_years = 100\n"}});
    check_error(long_run, 422);

    // The body limit is checked from Content-Length, before a byte of the body is read.
    const auto oversized = raw(port,
                               "POST /api/run HTTP/1.1\r\nHost: x\r\nContent-Type: "
                               "application/json\r\nContent-Length: 5000000\r\n\r\n");
    check_error(oversized, 413);
    const auto huge_header =
        raw(port, "GET / HTTP/1.1\r\nHost: x\r\nX-Junk: " + std::string(40'000, 'a') + "\r\n\r\n");
    check_error(huge_header, 431);
    check_still_up(port);
}

TEST_CASE("unknown paths, wrong methods and garbage get 4xx", "[server][hostile]") {
    const regiosim::test::RunningServer server;
    const auto port = server.port();
    check_error(request(port, "GET", "/etc/passwd"), 404);
    check_error(request(port, "GET", "/../../etc/passwd"), 404);
    const auto get_run = request(port, "GET", "/api/run");
    check_error(get_run, 405);
    CHECK(get_run.allow == "POST");
    check_error(request(port, "DELETE", "/"), 405);
    check_error(request(port, "PUT", "/api/regions", "{}"), 405);
    check_error(raw(port, "BLAH BLAH BLAH\r\n\r\n"), 400);
    check_error(raw(port, "GET / HTTP/1.1\r\nContent-Length: -5\r\n\r\n"), 400);
    check_still_up(port);
}

TEST_CASE("a flood of ensembles gets 503 with Retry-After, and the server stays up",
          "[server][hostile]") {
    regiosim::server::ServerLimits limits;
    limits.ensemble_workers = 1;
    limits.max_queued_ensembles = 1;
    const regiosim::test::RunningServer server(limits);
    const auto port = server.port();
    // Each ensemble is 2 × 1000 runs: far longer than it takes to send all the requests, so at
    // most two are taken and the rest are turned away at once.
    const json heavy{{"region", "reference"}, {"arms", {"coordinator"}}, {"replications", 1000}};
    constexpr int clients = 12;
    std::vector<std::future<regiosim::test::Reply>> replies;
    for (int i = 0; i < clients; ++i) {
        replies.push_back(
            std::async(std::launch::async, [&] { return post(port, "/api/ensemble", heavy); }));
    }
    int ok = 0;
    int busy = 0;
    for (auto& f : replies) {
        const auto reply = f.get();
        if (reply.status == 200) {
            ++ok;
        } else {
            check_error(reply, 503);
            CHECK(reply.retry_after == std::to_string(limits.retry_after_seconds));
            ++busy;
        }
    }
    CHECK(ok >= 1);
    CHECK(busy >= 1);
    CHECK(ok + busy == clients);
    check_still_up(port);
    CHECK(post(port, "/api/run", {{"region", "reference"}}).status == 200);
}
