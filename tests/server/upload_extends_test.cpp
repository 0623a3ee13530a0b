// An uploaded scenario may `extends` a shipped region and nothing else, however the key is
// spelled: the server decides on the parsed document, answers the same whether the named file
// exists or not, and never shows a path or a byte of a file outside the catalogue.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "http_client.hpp"

using nlohmann::json;
using regiosim::test::post;

namespace {

namespace fs = std::filesystem;

/// Two files outside the catalogue, each holding a marker that must never reach a client: a
/// valid scenario (it would come back whole) and an invalid one (its keys would be listed).
class ForeignFiles {
  public:
    ForeignFiles() : dir_(fs::temp_directory_path() / ("regiosim-foreign-" + unique_suffix())) {
        fs::create_directories(dir_);
        write("valid.toml", "[scenario]\nextends = \"" REGIOSIM_SOURCE_DIR
                            "/scenarios/reference.toml\"\nname = \"" +
                                std::string(marker) + "\"\n");
        write("invalid.toml",
              "[scenario]\nname = \"x\"\n" + std::string(marker) + " = \"secret value\"\n");
    }
    ~ForeignFiles() {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
    ForeignFiles(const ForeignFiles&) = delete;
    ForeignFiles& operator=(const ForeignFiles&) = delete;

    static constexpr const char* marker = "foreign_marker_7f3a";

    [[nodiscard]] std::string path(const char* name) const { return (dir_ / name).string(); }
    [[nodiscard]] std::string dir() const { return dir_.string(); }

  private:
    static std::string unique_suffix() { return std::to_string(::getpid()); }
    void write(const char* name, const std::string& text) const {
        std::ofstream(dir_ / name, std::ios::binary) << text;
    }

    fs::path dir_;
};

/// Every way of writing `[scenario] extends = <target>` that a pattern over the raw text misses
/// (or, for the last two, takes the decoy for the real one).
std::vector<std::string> spellings(const std::string& target) {
    const std::string q = "\"" + target + "\"";
    return {
        "[scenario]\nextends = " + q + "\n",
        "[scenario]\n\"extends\" = " + q + "\n",
        "[scenario]\n'extends' = '" + target + "'\n",
        "[scenario]\n\"ext\\u0065nds\" = " + q + "\n",
        "scenario.\"extends\" = " + q + "\n",
        "scenario = { 'extends' = " + q + " }\n",
        "[scenario]\n# extends = \"reference.toml\"\nextends = " + q + "\n",
        "# extends = \"reference.toml\"\n[scenario]\n\"extends\" = " + q + "\n",
    };
}

}  // namespace

TEST_CASE("an upload cannot extend a file outside the shipped regions, however it spells it",
          "[server][hostile]") {
    const ForeignFiles files;
    const regiosim::test::RunningServer server;
    const auto port = server.port();
    const std::vector<std::string> targets{files.path("valid.toml"), files.path("invalid.toml"),
                                           files.path("missing.toml"), "../README.md.toml",
                                           "experiments/../reference.toml"};
    for (const char* endpoint : {"/api/scenario", "/api/run"}) {
        for (std::size_t s = 0; s < spellings("x").size(); ++s) {
            std::string first_body;
            for (const auto& target : targets) {
                const auto text = spellings(target)[s];
                CAPTURE(endpoint, text);
                const auto reply = post(port, endpoint, {{"scenario_text", text}});
                CHECK(reply.status == 422);
                CHECK(reply.body.find(ForeignFiles::marker) == std::string::npos);
                CHECK(reply.body.find(files.dir()) == std::string::npos);
                CHECK(reply.body.find(REGIOSIM_SOURCE_DIR) == std::string::npos);
                // The answer says what is allowed instead.
                CHECK(reply.json()["details"].dump().find(
                          "scenario.extends: names a file this scenario may not extend; valid: "
                          "extends = one of reference.toml") != std::string::npos);
                // Present, missing or not a scenario at all: one and the same answer.
                if (first_body.empty()) {
                    first_body = reply.body;
                } else {
                    CHECK(reply.body == first_body);
                }
            }
        }
    }
}

TEST_CASE("an upload that extends a shipped region still loads, whatever the key's spelling",
          "[server]") {
    const regiosim::test::RunningServer server;
    const auto port = server.port();
    for (const auto& text : spellings("reference.toml")) {
        CAPTURE(text);
        const auto reply = post(port, "/api/scenario", {{"scenario_text", text}});
        REQUIRE(reply.status == 200);
        CHECK(reply.json()["partners"].size() == 20);  // the reference region's partners
    }
    const auto run =
        post(port, "/api/run",
             {{"scenario_text", "[scenario]\n'extends' = 'leiden-coordinator.toml'\n"}});
    CHECK(run.status == 200);
}
