# analysis/R/regiosim_results.R on a real sweep: the data frames are complete and consistent.
args <- commandArgs(trailingOnly = TRUE)
source(args[1])
path <- args[2]
runs <- read_regiosim_runs(path)
years <- read_regiosim_years(path)
meta <- regiosim_provenance(path)
stopifnot(nrow(runs) == 320)
stopifnot(identical(levels(runs$arm), c("baseline", "execution_team")))
stopifnot(all(table(runs$arm) == 160))
censored <- runs[runs$event == 0, ]
stopifnot(all(censored$months_survived == censored$horizon * 12))
stopifnot(nrow(years) == sum((runs$months_survived + 11) %/% 12))
stopifnot(meta$format == "regiosim-results")
cat("R helper ok:", nrow(runs), "runs\n")
