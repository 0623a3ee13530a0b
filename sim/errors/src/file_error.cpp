#include "regiosim/errors/file_error.hpp"

#include <utility>
#include <vector>

namespace regiosim {

DataError data_error_about_file(const std::string& file, std::string problem, std::string valid) {
    Diagnostic d;
    d.where.file = file;
    d.problem = std::move(problem);
    d.valid = std::move(valid);
    std::vector<Diagnostic> list;
    list.push_back(std::move(d));
    return DataError(std::move(list));
}

}  // namespace regiosim
