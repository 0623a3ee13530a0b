#include "arm_tests.hpp"

#include <algorithm>
#include <exception>
#include <optional>

#include "regiosim/analysis/cox_model.hpp"
#include "regiosim/analysis/cox_zph.hpp"
#include "regiosim/analysis/logrank.hpp"

namespace regiosim {

namespace {

using nlohmann::json;

// Baseline (group 0) and arm (group 1) in one data set, the arm as the Cox covariate.
struct Pair {
    analysis::SurvivalData data;
    Eigen::MatrixXd arm;
};

Pair pair_of(const analysis::ArmSample& base, const analysis::ArmSample& arm) {
    Pair p;
    const auto n = static_cast<Eigen::Index>(base.months.size() + arm.months.size());
    p.arm.resize(n, 1);
    Eigen::Index row = 0;
    for (const auto* s : {&base, &arm}) {
        const int code = s == &base ? 0 : 1;
        for (std::size_t i = 0; i < s->months.size(); ++i, ++row) {
            p.data.time.push_back(s->months[i]);
            p.data.event.push_back(s->ended[i]);
            p.data.group.push_back(code);
            p.arm(row, 0) = code;
        }
    }
    return p;
}

bool has_events(const analysis::ArmSample& s) {
    return std::any_of(s.ended.begin(), s.ended.end(), [](int e) { return e != 0; });
}

// The proportional-hazards test, or nothing where the Cox model has no estimate (an arm without
// events has a monotone likelihood) or its information matrix is singular.
std::optional<analysis::ChiSquareTest> ph_test(const Pair& p, const analysis::ArmSample& base,
                                               const analysis::ArmSample& arm) {
    if (!has_events(base) || !has_events(arm)) {
        return std::nullopt;
    }
    try {
        const auto fit = analysis::cox_fit(p.data, p.arm);
        return analysis::cox_zph(fit, p.data.time, p.data.event, p.arm).global;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace

nlohmann::json arm_tests_json(const std::vector<analysis::ArmSample>& samples) {
    json out = json::array();
    if (samples.empty()) {
        return out;
    }
    const auto& base = samples.front();
    for (std::size_t a = 1; a < samples.size(); ++a) {
        const auto& arm = samples[a];
        json row = {{"arm", arm.name}};
        for (const char* key : {"logrank_chisq", "logrank_df", "logrank_p_value", "ph_chisq",
                                "ph_df", "ph_p_value"}) {
            row[key] = nullptr;
        }
        if (!base.months.empty() && !arm.months.empty()) {
            const Pair p = pair_of(base, arm);
            const auto logrank = analysis::logrank(p.data).test;
            row["logrank_chisq"] = logrank.statistic;
            row["logrank_df"] = logrank.df;
            row["logrank_p_value"] = logrank.p_value;
            if (const auto ph = ph_test(p, base, arm)) {
                row["ph_chisq"] = ph->statistic;
                row["ph_df"] = ph->df;
                row["ph_p_value"] = ph->p_value;
            }
        }
        out.push_back(std::move(row));
    }
    return out;
}

}  // namespace regiosim
