#pragma once

#include <functional>
#include <string>

#include "regiosim/server/limits.hpp"
#include "regiosim/server/region_catalog.hpp"

namespace regiosim::server {

/// A request as the HTTP layer hands it over.
struct ApiRequest {
    std::string method;  ///< "GET", "POST", …
    std::string target;  ///< path and query, e.g. "/api/run"
    std::string body;
};

/// An answer, before the HTTP layer frames it.
struct ApiResponse {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::string allow;  ///< for 405: the methods the path accepts
    std::string cache_control = "no-store";
};

/// Which pool the work of a request runs on; `immediate` answers on the network thread.
enum class WorkKind { immediate, run, ensemble };

struct RoutedRequest {
    WorkKind kind = WorkKind::immediate;
    std::function<ApiResponse()> work;  ///< never throws: errors become 4xx/5xx answers
};

/// The server's endpoints, independent of sockets:
///
/// | method | path | answer |
/// |---|---|---|
/// | GET | `/`, `/app.js`, `/app.css`, `/info.html` | the embedded web app |
/// | GET | `/api/health` | `{"status":"ok"}` |
/// | GET | `/api/limits` | the ServerLimits in force |
/// | GET | `/api/regions` | the shipped regions |
/// | POST | `/api/scenario` | a setting's scenario: partners, interventions, resolved TOML |
/// | POST | `/api/run` | one run, month by month |
/// | POST | `/api/ensemble` | Kaplan–Meier curves and the what-if table |
///
/// POST bodies are a ClassSetting as JSON. Errors are `{"error": sentence, "details": [...]}`.
class Api {
  public:
    Api(const RegionCatalog& catalog, const ServerLimits& limits)
        : catalog_(&catalog), limits_(&limits) {}

    [[nodiscard]] RoutedRequest route(const ApiRequest& request) const;

  private:
    [[nodiscard]] ApiResponse scenario(const std::string& body) const;
    [[nodiscard]] ApiResponse run(const std::string& body) const;
    [[nodiscard]] ApiResponse ensemble(const std::string& body) const;

    const RegionCatalog* catalog_;
    const ServerLimits* limits_;
};

/// The details an error answer lists at most; one more line says how many were left out.
inline constexpr std::size_t max_error_details = 50;

/// The JSON error answer every failing request gets.
[[nodiscard]] ApiResponse error_response(int status, const std::string& message,
                                         const std::vector<std::string>& details = {});

}  // namespace regiosim::server
