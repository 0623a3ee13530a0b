#include "regiosim/experiment/run_table.hpp"

namespace regiosim {

void RunColumns::resize(std::size_t rows, std::size_t factor_count) {
    run_id.resize(rows);
    arm.resize(rows);
    point.resize(rows);
    replicate.resize(rows);
    seed.resize(rows);
    months_survived.resize(rows);
    event.resize(rows);
    cause.resize(rows);
    month_self_sustaining.resize(rows);
    months_to_first_success.resize(rows);
    cost.resize(rows);
    cumulative_results.resize(rows);
    factors.resize(factor_count);
    for (auto& column : factors) {
        column.resize(rows);
    }
}

void YearColumns::reserve(std::size_t rows) {
    run_id.reserve(rows);
    year.reserve(rows);
    active_partners.reserve(rows);
    mean_trust.reserve(rows);
    mean_commitment.reserve(rows);
    cumulative_results.reserve(rows);
    intention.reserve(rows);
    conflict.reserve(rows);
    dependence.reserve(rows);
    funding.reserve(rows);
    spent.reserve(rows);
    phase.reserve(rows);
}

void RunTable::clear() {
    runs.resize(0, runs.factors.size());
    years = {};
    spending = {};
    events = {};
}

}  // namespace regiosim
