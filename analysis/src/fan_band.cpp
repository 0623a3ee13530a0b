#include "regiosim/analysis/fan_band.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "regiosim/analysis/errors.hpp"
#include "regiosim/analysis/sample_quantile.hpp"

namespace regiosim::analysis {

namespace {

int output_length(std::span<const int> time_index, const FanBandOptions& options) {
    if (options.time_count && *options.time_count < 0) {
        throw InvalidDataError("fan band time_count is " + std::to_string(*options.time_count) +
                               "; it must be >= 0");
    }
    int largest = -1;
    for (std::size_t r = 0; r < time_index.size(); ++r) {
        const int t = time_index[r];
        if (t < 0 || (options.time_count && t >= *options.time_count)) {
            throw InvalidDataError(
                "time_index[" + std::to_string(r) + "] is " + std::to_string(t) +
                "; time indices must be >= 0" +
                (options.time_count ? " and < time_count = " + std::to_string(*options.time_count)
                                    : std::string()));
        }
        largest = std::max(largest, t);
    }
    return options.time_count ? *options.time_count : largest + 1;
}

}  // namespace

FanBand fan_band(std::span<const int> time_index, std::span<const double> value,
                 const FanBandOptions& options) {
    if (time_index.size() != value.size()) {
        throw InvalidDataError("fan band given " + std::to_string(time_index.size()) +
                               " time indices and " + std::to_string(value.size()) +
                               " values; they must pair up one to one");
    }
    for (const double p : options.probabilities) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw InvalidDataError("fan band probability " + std::to_string(p) +
                                   " is outside [0, 1]");
        }
    }
    const int times = output_length(time_index, options);

    // Bucket the values by time index (counting sort), then sort each bucket once.
    std::vector<std::size_t> start(static_cast<std::size_t>(times) + 1, 0);
    for (std::size_t r = 0; r < value.size(); ++r) {
        if (!std::isnan(value[r])) {
            ++start[static_cast<std::size_t>(time_index[r]) + 1];
        }
    }
    for (std::size_t t = 1; t < start.size(); ++t) {
        start[t] += start[t - 1];
    }
    std::vector<double> bucketed(start.back());
    std::vector<std::size_t> fill(start.begin(), start.end() - 1);
    for (std::size_t r = 0; r < value.size(); ++r) {
        if (!std::isnan(value[r])) {
            bucketed[fill[static_cast<std::size_t>(time_index[r])]++] = value[r];
        }
    }

    FanBand band;
    band.probabilities = options.probabilities;
    band.count.resize(static_cast<std::size_t>(times));
    band.quantiles.resize(times, static_cast<Eigen::Index>(options.probabilities.size()));
    for (int t = 0; t < times; ++t) {
        const auto st = static_cast<std::size_t>(t);
        const auto first = bucketed.begin() + static_cast<std::ptrdiff_t>(start[st]);
        const auto last = bucketed.begin() + static_cast<std::ptrdiff_t>(start[st + 1]);
        std::sort(first, last);
        const std::span<const double> sorted(first, last);
        band.count[st] = static_cast<int>(sorted.size());
        for (std::size_t q = 0; q < options.probabilities.size(); ++q) {
            band.quantiles(t, static_cast<Eigen::Index>(q)) =
                quantile_type7(sorted, options.probabilities[q]);
        }
    }
    return band;
}

}  // namespace regiosim::analysis
