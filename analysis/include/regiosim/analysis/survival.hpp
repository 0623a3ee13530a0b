#pragma once

/// @file
/// Everything in regiosim::analysis's survival statistics, for callers such as the command
/// line's what-if tables:
///
///     auto km = kaplan_meier(data);
///     auto med = median_survival(km);
///     auto at24 = survival_at(km, 24.0);
///     auto area = rmst(km, 60.0);
///     auto test = logrank(data);
///     auto cox = cox_fit(data.time, data.event, X);
///     auto cif = cumulative_incidence(data);

#include "regiosim/analysis/concordance.hpp"
#include "regiosim/analysis/confidence_interval.hpp"
#include "regiosim/analysis/cox_model.hpp"
#include "regiosim/analysis/cox_zph.hpp"
#include "regiosim/analysis/cumulative_incidence.hpp"
#include "regiosim/analysis/distributions.hpp"
#include "regiosim/analysis/errors.hpp"
#include "regiosim/analysis/kaplan_meier.hpp"
#include "regiosim/analysis/logrank.hpp"
#include "regiosim/analysis/restricted_mean.hpp"
#include "regiosim/analysis/survival_data.hpp"
#include "regiosim/analysis/survival_quantiles.hpp"
