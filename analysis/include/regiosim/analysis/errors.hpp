#pragma once

#include <stdexcept>
#include <string>

/// @file
/// Errors thrown by the survival-statistics library.
///
/// Every function in regiosim::analysis reports a problem it cannot work around by throwing one of
/// these, never by returning NaN-filled results. Messages are plain sentences that say what was
/// wrong and what would be valid, e.g. "time[3] is -1.5; survival times must be finite and >= 0".

namespace regiosim::analysis {

/// Base of every error thrown by regiosim::analysis.
class AnalysisError : public std::runtime_error {
  public:
    explicit AnalysisError(const std::string& message) : std::runtime_error(message) {}
};

/// The input cannot be analysed at all: mismatched lengths, negative or non-finite times,
/// event codes other than 0/1, a missing group or cause column, an argument out of range.
class InvalidDataError : public AnalysisError {
  public:
    explicit InvalidDataError(const std::string& message) : AnalysisError(message) {}
};

/// The input is well-formed but the requested model cannot be estimated from it: a constant or
/// collinear covariate, no events, or an information matrix that is not positive definite.
class ModelFitError : public AnalysisError {
  public:
    explicit ModelFitError(const std::string& message) : AnalysisError(message) {}
};

}  // namespace regiosim::analysis
