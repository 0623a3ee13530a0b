// What an error answer repeats of a request: bounded, printable, valid UTF-8; and arms listed
// twice or the baseline listed at all are not counted twice.
#include <catch2/catch.hpp>
#include <string>

#include "http_client.hpp"
#include "regiosim/server/api.hpp"
#include "regiosim/server/echo.hpp"

using nlohmann::json;
using regiosim::server::echo;
using regiosim::server::max_echo_chars;
using regiosim::test::post;
using regiosim::test::request;

namespace {

/// Characters (not bytes) of valid UTF-8 text.
std::size_t chars_of(const std::string& text) {
    std::size_t n = 0;
    for (const char c : text) {
        n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
    }
    return n;
}

bool has_control_byte(const std::string& text) {
    for (const char c : text) {
        if (static_cast<unsigned char>(c) < 0x20U || c == 0x7F) {
            return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("echo() keeps 80 characters and escapes what is not printable UTF-8", "[server]") {
    CHECK(echo("makelaar") == "makelaar");
    CHECK(echo("gemeente Eindhoven ü €") == "gemeente Eindhoven ü €");
    const auto long_name = echo(std::string(900'000, 'x'));
    CHECK(long_name == std::string(max_echo_chars, 'x') + "…");
    std::string umlauts;
    for (int i = 0; i < 100; ++i) {
        umlauts += "ü";
    }
    CHECK(chars_of(echo(umlauts)) == max_echo_chars + 1);  // counted in characters, not bytes
    CHECK(chars_of(echo(std::string(300, '\x01'))) == 4 * max_echo_chars + 1);
    CHECK(echo("a\nb\x01") == "a\\x0ab\\x01");
    CHECK(echo("\x7F") == "\\x7f");
    CHECK(echo("\xC2\x85") == "\\xc2\\x85");                // C1 control (NEL)
    CHECK(echo("\xFF\xFEok") == "\\xff\\xfeok");            // not UTF-8 at all
    CHECK(echo("\xC3") == "\\xc3");                         // cut short
    CHECK(echo("\xC0\xAF") == "\\xc0\\xaf");                // overlong '/'
    CHECK(echo("\xED\xA0\x80") == "\\xed\\xa0\\x80");       // a surrogate
    CHECK(echo("\xF0\x9F\x99\x82") == "\xF0\x9F\x99\x82");  // 🙂, four bytes, one character
}

TEST_CASE("error answers repeat a client's values bounded and printable", "[server][hostile]") {
    const regiosim::test::RunningServer server;
    const auto port = server.port();
    const auto huge = post(port, "/api/run", {{"region", std::string(900'000, 'x')}});
    CHECK(huge.status == 404);
    CHECK(huge.body.size() < 2'000);  // was 900 KB: the name, whole
    CHECK(huge.json()["error"].get<std::string>().find(std::string(max_echo_chars, 'x') + "…") !=
          std::string::npos);

    // JSON strings may hold control characters; the answer shows them as \xNN, not as they are.
    const auto control = post(port, "/api/run", {{"region", "a\x01\x1b[31mred"}});
    CHECK(control.status == 404);
    const auto message = control.json()["error"].get<std::string>();
    CHECK_FALSE(has_control_byte(message));
    CHECK(message.find("a\\x01\\x1b[31mred") != std::string::npos);

    // A body that is not UTF-8 (JSON parsers differ in what they let through) and a long path.
    const auto bytes = request(port, "POST", "/api/run", "{\"region\": \"\xFF\xFE\"}");
    CHECK((bytes.status == 400 || bytes.status == 404));
    CHECK(bytes.body.find("\xFF") == std::string::npos);
    const auto path = request(port, "GET", "/" + std::string(10'000, 'p'));
    CHECK(path.status == 404);
    CHECK(path.body.size() < 1'000);

    // One problem per made-up partner: the first 50 and a count of the rest.
    json styles;
    for (int i = 0; i < 500; ++i) {
        styles["nobody " + std::to_string(i)] = "utilitair";
    }
    const auto many = post(port, "/api/scenario", {{"region", "reference"}, {"styles", styles}});
    CHECK(many.status == 422);
    const auto details = many.json()["details"];
    REQUIRE(details.size() == regiosim::server::max_error_details + 1);
    CHECK(details.back().get<std::string>() == "… and 450 more");
}

TEST_CASE("an ensemble counts the baseline once and refuses an arm listed twice",
          "[server][hostile]") {
    regiosim::server::ServerLimits limits;
    limits.max_ensemble_runs = 20;  // room for 2 arms × 10 replications, not for 3
    const regiosim::test::RunningServer server(limits);
    const auto port = server.port();
    const auto with_baseline = post(
        port, "/api/ensemble",
        {{"region", "reference"}, {"arms", {"baseline", "coordinator"}}, {"replications", 10}});
    REQUIRE(with_baseline.status == 200);
    const auto curves = with_baseline.json()["curves"];
    REQUIRE(curves.size() == 2);
    CHECK(curves[0]["arm"] == "baseline");
    CHECK(curves[1]["arm"] == "coordinator");

    const auto twice = post(
        port, "/api/ensemble",
        {{"region", "reference"}, {"arms", {"coordinator", "coordinator"}}, {"replications", 10}});
    CHECK(twice.status == 400);
    CHECK(twice.json()["error"].get<std::string>().find("`coordinator` twice") !=
          std::string::npos);
}
