#pragma once

#include <string>

#include "regiosim/errors/errors.hpp"

/// @file
/// The one error the design generators throw.

namespace regiosim::design {

/// A design was requested with impossible arguments (fewer than two levels, no factors, an odd
/// Morris grid, a factor range with lo >= hi …). The experiment loader should reject such input
/// with a file:line diagnostic first; this is the backstop, so it carries the data exit code.
class DesignError : public Error {
  public:
    explicit DesignError(const std::string& message) : Error(ExitCode::data, message) {}
};

}  // namespace regiosim::design
