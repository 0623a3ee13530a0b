# Load a regiosim results file (docs/results-format.md) into R data frames with hdf5r
# (Debian: r-cran-hdf5r).
#
#   source("analysis/R/regiosim_results.R")
#   runs <- read_regiosim_runs("results/reference-replications.h5")
#   library(survival)
#   fit <- survfit(Surv(months_survived, event) ~ arm, data = runs)
#
# Categorical columns become factors with the file's own labels (codes are 0-based).

read_regiosim_group <- function(file, group) {
  g <- file[[group]]
  names <- g$ls()$name
  columns <- list()
  for (name in names) {
    object <- g[[name]]
    if (!inherits(object, "H5D")) next
    values <- object$read()
    if (object$attr_exists("labels")) {
      labels <- object$attr_open("labels")$read()
      values <- factor(labels[values + 1L], levels = labels)
    }
    columns[[name]] <- values
  }
  as.data.frame(columns, stringsAsFactors = FALSE)
}

read_regiosim_runs <- function(path) {
  file <- hdf5r::H5File$new(path, mode = "r")
  on.exit(file$close_all())
  runs <- read_regiosim_group(file, "runs")
  factors <- file[["runs/factors"]]
  for (name in factors$ls()$name) runs[[name]] <- factors[[name]]$read()
  runs
}

read_regiosim_years <- function(path) {
  file <- hdf5r::H5File$new(path, mode = "r")
  on.exit(file$close_all())
  years <- read_regiosim_group(file, "years")
  runs <- read_regiosim_group(file, "runs")
  years$arm <- runs$arm[years$run_id + 1]
  years$point <- runs$point[years$run_id + 1]
  years
}

regiosim_provenance <- function(path) {
  file <- hdf5r::H5File$new(path, mode = "r")
  on.exit(file$close_all())
  attrs <- hdf5r::h5attr_names(file)
  setNames(lapply(attrs, function(a) hdf5r::h5attr(file, a)), attrs)
}
