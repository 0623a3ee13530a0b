#include "regiosim/server/api.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "regiosim/errors/errors.hpp"
#include "regiosim/server/class_setting.hpp"
#include "regiosim/server/echo.hpp"
#include "regiosim/server/ensemble.hpp"
#include "regiosim/server/json_views.hpp"
#include "regiosim/server/request_error.hpp"
#include "regiosim/server/run_recording.hpp"
#include "regiosim/server/static_assets.hpp"

namespace regiosim::server {

namespace {

using nlohmann::json;

ApiResponse json_response(const json& j) {
    ApiResponse r;
    // Replace invalid UTF-8 (a partner name from an uploaded file) instead of failing the dump.
    r.body = j.dump(-1, ' ', false, json::error_handler_t::replace);
    return r;
}

/// Runs `work`, turning every failure into the answer a client can act on.
template <class Work>
ApiResponse guarded(Work&& work) {
    try {
        return work();
    } catch (const RequestError& e) {
        return error_response(e.status(), e.what(), e.details());
    } catch (const DataError& e) {
        std::vector<std::string> details;
        for (const auto& d : e.diagnostics()) {
            details.push_back(d.to_string());
        }
        return error_response(422, "the scenario is not valid", details);
    } catch (const Error& e) {
        return error_response(422, e.what());
    } catch (const std::bad_alloc&) {
        return error_response(503, "the server is out of memory for this request");
    } catch (const std::exception& e) {
        return error_response(500, fmt::format("internal error: {}", e.what()));
    }
}

json limits_json(const ServerLimits& l) {
    return {{"max_body_bytes", l.max_body_bytes},
            {"max_partners", l.max_partners},
            {"max_horizon_months", l.max_horizon_months},
            {"max_replications", l.max_replications},
            {"max_arms", l.max_arms},
            {"max_ensemble_runs", l.max_ensemble_runs},
            {"max_edges_per_frame", l.max_edges_per_frame}};
}

std::string path_of(const std::string& target) {
    const auto q = target.find('?');
    return q == std::string::npos ? target : target.substr(0, q);
}

ApiResponse method_not_allowed(const std::string& method, const std::string& path,
                               const char* allow) {
    auto r = error_response(
        405, fmt::format("{} is not allowed on {}; use {}", echo(method), echo(path), allow));
    r.allow = allow;
    return r;
}

}  // namespace

ApiResponse error_response(int status, const std::string& message,
                           const std::vector<std::string>& details) {
    // A request can provoke a problem per entry of its body (a style for each of 100,000 made-up
    // partners); the first few say what is wrong, the rest would only make the answer large.
    auto shown = details;
    if (shown.size() > max_error_details) {
        shown.resize(max_error_details);
        shown.push_back(fmt::format("… and {} more", details.size() - max_error_details));
    }
    auto r = json_response({{"error", message}, {"details", shown}});
    r.status = status;
    return r;
}

RoutedRequest Api::route(const ApiRequest& request) const {
    const auto path = path_of(request.target);
    const auto& method = request.method;
    const auto immediate = [](ApiResponse r) {
        return RoutedRequest{WorkKind::immediate, [r = std::move(r)] { return r; }};
    };

    if (path == "/api/scenario" || path == "/api/run" || path == "/api/ensemble") {
        if (method != "POST") {
            return immediate(method_not_allowed(method, path, "POST"));
        }
        auto body = std::make_shared<const std::string>(request.body);
        if (path == "/api/scenario") {
            return {WorkKind::run,
                    [this, body] { return guarded([&] { return scenario(*body); }); }};
        }
        if (path == "/api/run") {
            return {WorkKind::run, [this, body] { return guarded([&] { return run(*body); }); }};
        }
        return {WorkKind::ensemble,
                [this, body] { return guarded([&] { return ensemble(*body); }); }};
    }

    const bool get = method == "GET" || method == "HEAD";
    if (path == "/api/health" || path == "/api/limits" || path == "/api/regions") {
        if (!get) {
            return immediate(method_not_allowed(method, path, "GET, HEAD"));
        }
        if (path == "/api/health") {
            return immediate(json_response({{"status", "ok"}}));
        }
        return immediate(
            json_response(path == "/api/limits" ? limits_json(*limits_) : regions_json(*catalog_)));
    }
    if (const auto* asset = find_static_asset(path)) {
        if (!get) {
            return immediate(method_not_allowed(method, path, "GET, HEAD"));
        }
        ApiResponse r;
        r.content_type = std::string(asset->content_type);
        r.body = std::string(asset->bytes);
        r.cache_control = "no-cache";
        return immediate(std::move(r));
    }
    return immediate(error_response(
        404, fmt::format("nothing at {}; the app is at / and the API under /api/", echo(path))));
}

ApiResponse Api::scenario(const std::string& body) const {
    const auto setting = parse_class_setting(body, *limits_);
    return json_response(scenario_json(resolve_setting(setting, *catalog_, *limits_)));
}

ApiResponse Api::run(const std::string& body) const {
    const auto setting = parse_class_setting(body, *limits_);
    const auto loaded = resolve_setting(setting, *catalog_, *limits_);
    const auto& scenario = loaded.scenario;
    const Arm* arm = scenario.find_arm(setting.arm);
    if (arm == nullptr) {
        std::vector<std::string> valid;
        for (const auto& a : scenario.arms) {
            valid.push_back(a.name);
        }
        throw RequestError(
            422, fmt::format("no arm named `{}` in {}", echo(setting.arm), echo(scenario.name)),
            {fmt::format("valid: {}", fmt::join(valid, ", "))});
    }
    const auto seed = setting.seed.value_or(scenario.seed);
    const auto recording =
        record_run(scenario, *arm, seed, setting.run_index, limits_->max_edges_per_frame);
    return json_response(run_json(recording, scenario));
}

ApiResponse Api::ensemble(const std::string& body) const {
    const auto setting = parse_class_setting(body, *limits_);
    const auto loaded = resolve_setting(setting, *catalog_, *limits_);
    const auto& scenario = loaded.scenario;
    EnsemblePlan plan;
    plan.arms = setting.arms;
    plan.replications = setting.replications.value_or(scenario.replications);
    plan.seed = setting.seed.value_or(scenario.seed);
    plan.threads = limits_->ensemble_threads;
    // Counted as they will run: the baseline once, however the request lists it.
    const std::size_t arm_count = ensemble_arms(scenario, plan.arms).size();
    if (plan.replications > limits_->max_replications ||
        static_cast<long long>(plan.replications) * static_cast<long long>(arm_count) >
            limits_->max_ensemble_runs) {
        throw RequestError(
            422,
            fmt::format("{} replications × {} arms is more than this server runs at once",
                        plan.replications, arm_count),
            {fmt::format("at most {} replications per arm and {} runs per request; choose fewer "
                         "arms or replications",
                         limits_->max_replications, limits_->max_ensemble_runs)});
    }
    if (arm_count > static_cast<std::size_t>(limits_->max_arms)) {
        throw RequestError(422, fmt::format("{} arms; this server compares at most {} at once",
                                            arm_count, limits_->max_arms));
    }
    return json_response(ensemble_json(run_ensemble(scenario, plan)));
}

}  // namespace regiosim::server
