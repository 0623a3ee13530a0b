#pragma once

#include <string>

#include "regiosim/errors/errors.hpp"

namespace regiosim {

/// A DataError with one problem about a whole file (no line to point at): a results file, a
/// sweep manifest.
[[nodiscard]] DataError data_error_about_file(const std::string& file, std::string problem,
                                              std::string valid);

}  // namespace regiosim
