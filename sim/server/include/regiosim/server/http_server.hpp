#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "regiosim/server/limits.hpp"

namespace regiosim::server {

struct ServerOptions {
    std::string host = "127.0.0.1";                    ///< loopback unless the user asks otherwise
    unsigned short port = 8080;                        ///< 0: any free port (tests)
    std::filesystem::path scenario_dir = "scenarios";  ///< the shipped regions
    ServerLimits limits;
    bool stop_on_signals = false;  ///< SIGINT and SIGTERM end run() (the command line sets it)
};

/// The HTTP server (Boost.Beast): one network thread that parses requests and writes answers,
/// and two bounded work queues (single runs, ensembles) that do the simulating, so a long
/// ensemble never holds up the page or another tab's run.
class HttpServer {
  public:
    /// Reads the shipped regions and binds the address. Throws regiosim::UsageError when the
    /// address cannot be bound (in use, not an address of this machine).
    explicit HttpServer(ServerOptions options);
    ~HttpServer();

    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    /// The port bound, useful with port 0.
    [[nodiscard]] unsigned short port() const noexcept;

    /// Serves until stop() (or a signal, if asked for). Call from one thread.
    void run();

    /// Ends run(); safe from any thread.
    void stop();

    /// The state behind the connections (defined in http_server.cpp).
    struct Impl;

  private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace regiosim::server
