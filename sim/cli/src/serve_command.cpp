#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "regiosim/errors/errors.hpp"
#include "regiosim/server/http_server.hpp"

namespace regiosim::cli {

namespace {

namespace fs = std::filesystem;

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string scenarios;
    server::ServerLimits limits;  ///< the connection options below change its defaults
    int idle_seconds = static_cast<int>(limits.idle_timeout.count());
    int header_seconds = static_cast<int>(limits.header_timeout.count());
};

/// The shipped regions: ./scenarios when run from the source tree, else the tree the binary was
/// built in (build/<dir>/bin/regiosim).
fs::path default_scenario_dir() {
    std::error_code ec;
    const fs::path candidates[] = {
        fs::current_path(ec) / "scenarios",
        fs::read_symlink("/proc/self/exe", ec).parent_path() / ".." / ".." / ".." / "scenarios",
    };
    for (const auto& dir : candidates) {
        if (fs::is_directory(dir, ec)) {
            return fs::weakly_canonical(dir, ec);
        }
    }
    return "scenarios";
}

bool is_loopback(const std::string& host) {
    return host.rfind("127.", 0) == 0 || host == "::1";
}

}  // namespace

Command add_serve_command(CLI::App& app) {
    auto o = std::make_shared<ServeOptions>();
    auto* sub = app.add_subcommand(
        "serve", "Explore a region in the browser: step through a run, compare arms, share a link");
    sub->add_option("--host", o->host,
                    "Address to listen on (default 127.0.0.1: this machine only; 0.0.0.0: every "
                    "network)");
    sub->add_option("--port", o->port, "Port (default 8080; 0 picks a free one)")
        ->check(CLI::Range(0, 65535));
    sub->add_option("--scenarios", o->scenarios,
                    "Folder of shipped regions (default: ./scenarios or the source tree's)");
    auto& connections = o->limits.connections;
    sub->add_option("--max-connections", connections.max_connections,
                    "Open connections in all (default 128)")
        ->check(CLI::Range(1, 100'000));
    sub->add_option("--max-connections-per-client", connections.max_per_client,
                    "Open connections from one address (default 32; raise it when a class shares "
                    "one proxy or NAT address)")
        ->check(CLI::Range(1, 100'000));
    sub->add_option("--reserved-connections", connections.reserved_for_new_clients,
                    "Of --max-connections, those kept for addresses with no open connection "
                    "(default 16)")
        ->check(CLI::Range(0, 100'000));
    sub->add_option("--idle-timeout", o->idle_seconds,
                    "Seconds a connection may wait before the first byte of a request (default 10)")
        ->check(CLI::Range(1, 3600));
    sub->add_option("--header-timeout", o->header_seconds,
                    "Seconds a request's headers may take from their first byte (default 5)")
        ->check(CLI::Range(1, 3600));
    return {sub, [o]() {
                server::ServerOptions options;
                options.host = o->host;
                options.port = static_cast<unsigned short>(o->port);
                options.limits = o->limits;
                options.limits.idle_timeout = std::chrono::seconds(o->idle_seconds);
                options.limits.header_timeout = std::chrono::seconds(o->header_seconds);
                options.scenario_dir =
                    o->scenarios.empty() ? default_scenario_dir() : fs::path(o->scenarios);
                options.stop_on_signals = true;
                if (!o->scenarios.empty() && !fs::is_directory(options.scenario_dir)) {
                    throw MissingInputError(
                        fmt::format("--scenarios {}: no such folder", o->scenarios));
                }
                if (!is_loopback(o->host)) {
                    std::cerr << fmt::format(
                        "regiosim serve: warning: listening on {} makes the app reachable from "
                        "other machines on that network; it has no login. Use it on a classroom "
                        "network you trust, and stop it after the lesson.\n",
                        o->host);
                }
                server::HttpServer http(std::move(options));
                const auto shown =
                    is_loopback(o->host) || o->host == "0.0.0.0" ? "127.0.0.1" : o->host;
                std::cout << fmt::format("regiosim serve: open http://{}:{}/ (Ctrl-C stops it)\n",
                                         shown, http.port())
                          << std::flush;
                http.run();
                std::cout << "regiosim serve: stopped\n";
                return 0;
            }};
}

}  // namespace regiosim::cli
