#include "regiosim/analysis/survival_data.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "regiosim/analysis/errors.hpp"

namespace regiosim::analysis {

namespace {

std::string index_name(const char* column, std::size_t i) {
    return std::string(column) + "[" + std::to_string(i) + "]";
}

void require_groups(const SurvivalData& data) {
    if (!data.has_groups()) {
        throw InvalidDataError(
            "the survival data has no group column; fill SurvivalData::group with one code per "
            "subject to compare groups");
    }
}

}  // namespace

SurvivalData from_causes(std::vector<double> time, std::vector<int> cause) {
    SurvivalData data;
    data.event.reserve(cause.size());
    for (int c : cause) {
        data.event.push_back(c != 0 ? 1 : 0);
    }
    data.time = std::move(time);
    data.cause = std::move(cause);
    return data;
}

void validate(const SurvivalData& data) {
    const std::size_t n = data.size();
    if (n == 0) {
        throw InvalidDataError("the survival data is empty; at least one subject is needed");
    }
    if (data.event.size() != n) {
        throw InvalidDataError("the survival data has " + std::to_string(n) + " times but " +
                               std::to_string(data.event.size()) +
                               " event flags; both columns need one entry per subject");
    }
    if (data.has_groups() && data.group.size() != n) {
        throw InvalidDataError("the group column has " + std::to_string(data.group.size()) +
                               " entries for " + std::to_string(n) +
                               " subjects; leave it empty or give one code per subject");
    }
    if (data.has_causes() && data.cause.size() != n) {
        throw InvalidDataError("the cause column has " + std::to_string(data.cause.size()) +
                               " entries for " + std::to_string(n) +
                               " subjects; leave it empty or give one code per subject");
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(data.time[i]) || data.time[i] < 0.0) {
            throw InvalidDataError(index_name("time", i) + " is " + std::to_string(data.time[i]) +
                                   "; survival times must be finite and >= 0");
        }
        if (data.event[i] != 0 && data.event[i] != 1) {
            throw InvalidDataError(index_name("event", i) + " is " + std::to_string(data.event[i]) +
                                   "; use 1 for an observed event and 0 for censored");
        }
        if (data.has_causes()) {
            if (data.cause[i] < 0) {
                throw InvalidDataError(index_name("cause", i) + " is " +
                                       std::to_string(data.cause[i]) +
                                       "; cause codes are 0 (censored) or positive");
            }
            if ((data.cause[i] != 0) != (data.event[i] == 1)) {
                throw InvalidDataError(
                    index_name("cause", i) + " is " + std::to_string(data.cause[i]) + " but " +
                    index_name("event", i) + " is " + std::to_string(data.event[i]) +
                    "; a nonzero cause needs event 1 and cause 0 needs event 0");
            }
        }
    }
}

std::vector<int> group_codes(const SurvivalData& data) {
    require_groups(data);
    std::vector<int> codes = data.group;
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    return codes;
}

SurvivalData select_group(const SurvivalData& data, int group) {
    require_groups(data);
    validate(data);
    SurvivalData out;
    for (std::size_t i = 0; i < data.size(); ++i) {
        if (data.group[i] != group) {
            continue;
        }
        out.time.push_back(data.time[i]);
        out.event.push_back(data.event[i]);
        out.group.push_back(group);
        if (data.has_causes()) {
            out.cause.push_back(data.cause[i]);
        }
    }
    return out;
}

}  // namespace regiosim::analysis
