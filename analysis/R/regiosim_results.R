# Load a regiosim results file (docs/results-format.md) into R data frames with hdf5r
# (Debian: r-cran-hdf5r, r-cran-bit64).
#
#   source("analysis/R/regiosim_results.R")
#   runs <- read_regiosim_runs("results/reference-replications.h5")
#   library(survival)
#   fit <- survfit(Surv(months_survived, event) ~ arm, data = runs)
#
# Columns come in the order of docs/results-format.md, columns joined by the loader after them.
# Categorical columns become factors with the file's own labels (codes are 0-based). "Never"
# and "none" (-1 in month_self_sustaining, months_to_first_success and the events' partner and
# intervention) become NA. The seed is a character column holding the exact decimal value: R
# has no unsigned 64-bit type, and hdf5r's own conversion clips every seed above 2^63 - 1.

# The stored columns of each group, in the documented order.
regiosim_columns <- list(
  runs = c("run_id", "arm", "point", "replicate", "seed", "months_survived", "event", "cause",
           "month_self_sustaining", "months_to_first_success", "cost", "cumulative_results"),
  years = c("run_id", "year", "active_partners", "mean_trust", "mean_commitment",
            "cumulative_results", "intention", "conflict", "dependence", "funding", "spent",
            "phase"),
  spending = c("run_id", "year", "intervention", "amount"),
  events = c("run_id", "month", "kind", "partner", "intervention", "before", "after"),
  design = c("point", "block", "group", "factor", "step"))

# Columns where -1 means "never" or "none".
regiosim_never <- c("month_self_sustaining", "months_to_first_success", "partner", "intervention")

regiosim_open <- function(path) {
  if (!file.exists(path)) stop(path, ": no such results file", call. = FALSE)
  hdf5r::H5File$new(path, mode = "r")
}

# The exact decimal text of a uint64 dataset. Read through a big-endian unsigned memory type,
# hdf5r hands the 64 bits over unchanged as a (two's complement) integer64, where its normal
# read clips them; values from 2^63 on are then negative and get 2^64 added, in two base-10^9
# halves. bit64 reads the one pattern 2^63 as NA: the double read tells it apart. The double
# read also checks the result, so a future hdf5r that converts differently stops here instead
# of handing out wrong seeds.
regiosim_uint64_text <- function(dataset, path, name) {
  bits <- dataset$read_low_level(mem_type = hdf5r::h5types$H5T_STD_U64BE)
  approx <- dataset$read_low_level(mem_type = hdf5r::h5types$H5T_NATIVE_DOUBLE)
  text <- character(length(bits))
  low_half <- !is.na(bits) & bits >= 0
  text[low_half] <- as.character(bits[low_half])
  high_half <- !is.na(bits) & bits < 0
  if (any(high_half)) {
    # bits + 2^64 = (bits + 2^63) + 2^63, and 2^63 = 9223372036 * 10^9 + 854775808.
    q <- bits[high_half] + bit64::as.integer64("9223372036854775807") + 1L
    billion <- bit64::as.integer64(1000000000L)
    low <- as.numeric(q %% billion) + 854775808
    high <- as.numeric(q %/% billion) + 9223372036 + low %/% 1e9
    text[high_half] <- paste0(sprintf("%.0f", high), sprintf("%09.0f", low %% 1e9))
  }
  text[is.na(bits) & approx == 2^63] <- "9223372036854775808"
  if (any(text == "") || any(abs(as.numeric(text) - approx) > approx * 2^-50)) {
    stop(path, ": /", name, " could not be read exactly (unexpected hdf5r conversion)",
         call. = FALSE)
  }
  text
}

regiosim_labelled <- function(values, labels, path, name) {
  bad <- which(is.na(values) | values < 0 | values >= length(labels))
  if (length(bad) > 0) {
    stop(sprintf("%s: /%s[%d] = %s has no label; valid: a code from 0 to %d", path, name,
                 bad[1] - 1, values[bad[1]], length(labels) - 1), call. = FALSE)
  }
  factor(labels[values + 1L], levels = labels)
}

read_regiosim_group <- function(file, group, path = file$get_filename()) {
  g <- file[[group]]
  stored <- g$ls()$name
  known <- regiosim_columns[[group]]
  names <- c(intersect(known, stored), setdiff(stored, known))
  columns <- list()
  for (name in names) {
    object <- g[[name]]
    if (!inherits(object, "H5D")) next
    full <- paste0(group, "/", name)
    if (object$get_type()$get_class() == hdf5r::h5const$H5T_INTEGER &&
        object$get_type()$get_size() == 8 && object$get_type()$get_sign() == 0) {
      values <- regiosim_uint64_text(object, path, full)
    } else {
      values <- object$read()
    }
    if (object$attr_exists("labels")) {
      values <- regiosim_labelled(values, object$attr_open("labels")$read(), path, full)
    } else if (name %in% regiosim_never) {
      values[values == -1] <- NA
    }
    columns[[name]] <- values
  }
  as.data.frame(columns, stringsAsFactors = FALSE)
}

# The run of each row of a table keyed by run_id, with a clear error for an unknown run.
regiosim_run_rows <- function(run_id, runs, path, group) {
  bad <- which(run_id < 0 | run_id >= nrow(runs))
  if (length(bad) > 0) {
    stop(sprintf("%s: /%s/run_id[%d] = %s is not a run; valid: 0 to %d", path, group,
                 bad[1] - 1, run_id[bad[1]], nrow(runs) - 1), call. = FALSE)
  }
  run_id + 1
}

# The run's columns (arm, design point, …) joined to the rows of a table keyed by run_id.
regiosim_join_runs <- function(table, runs, path, group, columns = c("arm", "point")) {
  rows <- regiosim_run_rows(table$run_id, runs, path, group)
  for (column in columns) table[[column]] <- runs[[column]][rows]
  table
}

# One row per run; the factor values after the stored columns.
read_regiosim_runs <- function(path) {
  file <- regiosim_open(path)
  on.exit(file$close_all())
  runs <- read_regiosim_group(file, "runs", path)
  factors <- file[["runs/factors"]]
  for (name in factors$ls()$name) runs[[name]] <- factors[[name]]$read()
  runs
}

# Yearly trajectories (long format), the run's arm and design point joined. Stops when the
# sweep wrote no yearly output ([output] yearly = false).
read_regiosim_years <- function(path) {
  file <- regiosim_open(path)
  on.exit(file$close_all())
  years <- read_regiosim_group(file, "years", path)
  runs <- read_regiosim_group(file, "runs", path)
  if (nrow(years) == 0 && nrow(runs) > 0) {
    stop(path, ": the file has no yearly trajectories: its sweep ran with [output] yearly = ",
         "false; run it again with yearly = true", call. = FALSE)
  }
  regiosim_join_runs(years, runs, path, "years")
}

# Money per run, year and intervention kind (non-zero only), the run's arm and point joined.
read_regiosim_spending <- function(path) {
  file <- regiosim_open(path)
  on.exit(file$close_all())
  spending <- read_regiosim_group(file, "spending", path)
  runs <- read_regiosim_group(file, "runs", path)
  regiosim_join_runs(spending, runs, path, "spending")
}

# The partner names of the resolved base scenario, in partner-index order: the `name` line
# after each [[partners]] header of the text regiosim writes (groups are expanded there).
regiosim_partner_names <- function(scenario_text) {
  lines <- strsplit(scenario_text, "\n", fixed = TRUE)[[1]]
  headers <- which(lines == "[[partners]]")
  names <- vapply(headers, function(h) {
    rest <- lines[(h + 1):length(lines)]
    line <- rest[grepl("^name = \"", rest)][1]
    value <- sub("^name = \"(.*)\"\\s*(#.*)?$", "\\1", line)
    gsub("\\\\(.)", "\\1", value)
  }, character(1))
  unname(names)
}

# Event logs of the sampled runs: kind as a factor, the run's arm and the partner's name (from
# the base scenario; NA for none) joined.
read_regiosim_events <- function(path) {
  file <- regiosim_open(path)
  on.exit(file$close_all())
  events <- read_regiosim_group(file, "events", path)
  runs <- read_regiosim_group(file, "runs", path)
  events <- regiosim_join_runs(events, runs, path, "events", columns = "arm")
  partners <- regiosim_partner_names(hdf5r::h5attr(file, "scenario"))
  events$partner_name <- partners[events$partner + 1]
  events
}

# One row per design point: the structure columns, then each factor's value (named after the
# factor) and its unit-cube coordinate (unit_<factor>). attr(design, "kind") names the design.
read_regiosim_design <- function(path) {
  file <- regiosim_open(path)
  on.exit(file$close_all())
  design <- read_regiosim_group(file, "design", path)
  values <- file[["design/value"]]
  for (name in values$ls()$name) design[[name]] <- values[[name]]$read()
  units <- file[["design/unit"]]
  for (name in units$ls()$name) design[[paste0("unit_", name)]] <- units[[name]]$read()
  attr(design, "kind") <- hdf5r::h5attr(file[["design"]], "kind")
  design
}

regiosim_provenance <- function(path) {
  file <- regiosim_open(path)
  on.exit(file$close_all())
  attrs <- hdf5r::h5attr_names(file)
  setNames(lapply(attrs, function(a) hdf5r::h5attr(file, a)), attrs)
}
