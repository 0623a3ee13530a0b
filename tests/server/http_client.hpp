#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "regiosim/server/http_server.hpp"

namespace regiosim::test {

/// An answer as the tests read it.
struct Reply {
    int status = 0;
    std::string content_type;
    std::string retry_after;
    std::string allow;
    std::string body;

    [[nodiscard]] nlohmann::json json() const { return nlohmann::json::parse(body); }
};

/// A server on 127.0.0.1 with a free port, serving the source tree's scenarios, running on its
/// own thread for the lifetime of the object.
class RunningServer {
  public:
    explicit RunningServer(server::ServerLimits limits = {});
    ~RunningServer();
    RunningServer(const RunningServer&) = delete;
    RunningServer& operator=(const RunningServer&) = delete;

    [[nodiscard]] unsigned short port() const { return server_->port(); }

  private:
    std::unique_ptr<server::HttpServer> server_;
    std::thread thread_;
};

/// One request on a fresh connection.
[[nodiscard]] Reply request(unsigned short port, const std::string& method,
                            const std::string& target, const std::string& body = {});

/// POST of a JSON body.
[[nodiscard]] Reply post(unsigned short port, const std::string& target,
                         const nlohmann::json& body);

/// One request on a fresh connection from the loopback address `source` (127.0.0.2, …: every
/// 127.x.y.z is this machine on Linux), for tests of limits per client address.
[[nodiscard]] Reply request_from(const std::string& source, unsigned short port,
                                 const std::string& method, const std::string& target);

/// Sends `bytes` as they are and reads one HTTP answer (status 0 if the server just closed).
[[nodiscard]] Reply raw(unsigned short port, const std::string& bytes);

}  // namespace regiosim::test
