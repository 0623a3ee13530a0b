#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace regiosim {

/// Exit codes follow sysexits.h so shell scripts and schedulers can tell failures apart.
enum class ExitCode : int {
    ok = 0,
    usage = 64,        ///< EX_USAGE: the command line was wrong
    data = 65,         ///< EX_DATAERR: a scenario or results file is malformed
    no_input = 66,     ///< EX_NOINPUT: an input file does not exist or cannot be read
    software = 70,     ///< EX_SOFTWARE: an internal invariant failed
    cant_create = 73,  ///< EX_CANTCREAT: an output file cannot be created
    io = 74,           ///< EX_IOERR: reading or writing failed part-way
};

/// Where in an input file a problem was found. Line and column are 1-based; 0 means unknown.
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
};

/// One problem in an input: where, which key, what is wrong and what would be valid.
struct Diagnostic {
    SourceLocation where;
    std::string key_path;
    std::string problem;
    std::string valid;

    /// `file:line:column: key.path: problem; valid` — the format every command prints.
    [[nodiscard]] std::string to_string() const;
};

/// Base of every error regiosim reports to a user. Carries the exit code to end with.
class Error : public std::runtime_error {
  public:
    Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
    [[nodiscard]] ExitCode exit_code() const noexcept { return code_; }

  private:
    ExitCode code_;
};

/// The command line asked for something impossible.
class UsageError : public Error {
  public:
    explicit UsageError(const std::string& message) : Error(ExitCode::usage, message) {}
};

/// An input file is malformed; holds every diagnostic found in one pass.
class DataError : public Error {
  public:
    explicit DataError(std::vector<Diagnostic> diagnostics);
    [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept {
        return diagnostics_;
    }

  private:
    std::vector<Diagnostic> diagnostics_;
};

/// An input file is missing or unreadable.
class MissingInputError : public Error {
  public:
    explicit MissingInputError(const std::string& message) : Error(ExitCode::no_input, message) {}
};

/// An output file or directory cannot be created.
class OutputError : public Error {
  public:
    explicit OutputError(const std::string& message) : Error(ExitCode::cant_create, message) {}
};

/// Reading or writing failed after it had started.
class IoError : public Error {
  public:
    explicit IoError(const std::string& message) : Error(ExitCode::io, message) {}
};

}  // namespace regiosim
