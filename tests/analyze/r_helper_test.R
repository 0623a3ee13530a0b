# analysis/R/regiosim_results.R on a real sweep: the data frames are complete and consistent,
# and a seed read in R re-runs its run.
#
#   Rscript r_helper_test.R LOADER.R SMALL.h5 REGIOSIM EXPERIMENT.toml DOCS.md SCRATCH
args <- commandArgs(trailingOnly = TRUE)
source(args[1])
path <- args[2]
regiosim <- args[3]
experiment <- args[4]
docs <- args[5]
scratch <- args[6]
runs <- read_regiosim_runs(path)
years <- read_regiosim_years(path)
spending <- read_regiosim_spending(path)
events <- read_regiosim_events(path)
design <- read_regiosim_design(path)
meta <- regiosim_provenance(path)
stopifnot(nrow(runs) == 320)
stopifnot(identical(levels(runs$arm), c("baseline", "execution_team")))
stopifnot(all(table(runs$arm) == 160))
censored <- runs[runs$event == 0, ]
stopifnot(all(censored$months_survived == censored$horizon * 12))
stopifnot(nrow(years) == sum((runs$months_survived + 11) %/% 12))
stopifnot(meta$format == "regiosim-results")
stopifnot(nrow(design) == 8, attr(design, "kind") == "latin_hypercube",
          all(design$turnover >= 0.05 & design$turnover <= 0.30))

# The stored columns in the order docs/results-format.md lists them, joined ones after.
lines <- readLines(docs, encoding = "UTF-8")
rows <- regmatches(lines, regexec("^\\| *`/([a-z]+)/([a-z_]+)`", lines))
rows <- do.call(rbind, Filter(function(m) length(m) == 3, rows))
frames <- list(runs = runs, years = years, spending = spending, events = events, design = design)
for (group in names(frames)) {
  documented <- rows[rows[, 2] == group, 3]
  got <- names(frames[[group]])[seq_along(documented)]
  if (!identical(got, documented)) stop(group, ": columns ", paste(got, collapse = ", "))
}

# -1 ("never", "none") becomes NA, every other value is kept.
file <- hdf5r::H5File$new(path, mode = "r")
for (name in c("month_self_sustaining", "months_to_first_success")) {
  raw <- file[[paste0("runs/", name)]]$read()
  stopifnot(any(raw == -1), any(raw != -1), identical(is.na(runs[[name]]), raw == -1),
            all(runs[[name]][raw != -1] == raw[raw != -1]))
}
stopifnot(identical(is.na(events$partner), file[["events/partner"]]$read() == -1))
stopifnot(nrow(spending) == length(file[["spending/amount"]]$read()), nrow(spending) > 0)
file$close_all()
stopifnot(all(spending$arm == runs$arm[spending$run_id + 1]))
stopifnot(all(spending$arm == "execution_team"))  # the baseline pays for nothing
stopifnot(all(events$arm == runs$arm[events$run_id + 1]))

# The seed read in R re-runs the run: `sweep --rerun` reports that seed and the same outcome,
# and tells of the partners the events name.
stopifnot(all(nchar(runs$seed) > 0), any(as.numeric(runs$seed) > 2^63))
run <- events$run_id[events$kind == "key_figure_left"][1]
rerun <- system2(regiosim, c("sweep", shQuote(experiment), "--rerun", run, "--json"),
                 stdout = TRUE)
seed <- sub('.*"seed": *([0-9]+).*', "\\1", grep('"seed":', rerun, value = TRUE)[1])
months <- as.integer(sub('.*"months_survived": *([0-9]+).*', "\\1",
                         grep('"months_survived":', rerun, value = TRUE)[1]))
if (!identical(seed, runs$seed[run + 1])) stop("seed ", runs$seed[run + 1], " reran as ", seed)
stopifnot(months == runs$months_survived[run + 1])
told <- sub(".*the key figure of (.+) left;.*", "\\1",
            grep("the key figure of .+ left;", rerun, value = TRUE))
left <- events$partner_name[events$run_id == run & events$kind == "key_figure_left"]
if (!identical(left, told)) stop("partners ", paste(left, collapse = ", "), " vs ",
                                 paste(told, collapse = ", "))

# A sweep without yearly output: read_regiosim_years says so instead of returning no rows.
dir.create(scratch, recursive = TRUE, showWarnings = FALSE)
text <- readLines(experiment)
text <- sub("yearly = true", "yearly = false", text, fixed = TRUE)
text <- sub("replications = 20", "replications = 1", text, fixed = TRUE)
reference <- normalizePath(file.path(dirname(experiment), "../../../scenarios/reference.toml"))
text <- sub('^scenario = ".*"', paste0('scenario = "', reference, '"'), text)
writeLines(text, file.path(scratch, "no-years.toml"))
out <- file.path(scratch, "no-years.h5")
unlink(out)
status <- system2(regiosim, c("sweep", shQuote(file.path(scratch, "no-years.toml")), "--out",
                              shQuote(out), "--progress", "never"), stdout = FALSE)
stopifnot(status == 0)
message <- tryCatch({
  read_regiosim_years(out)
  ""
}, error = function(e) conditionMessage(e))
if (!grepl("yearly = false", message, fixed = TRUE) || !grepl(out, message, fixed = TRUE)) {
  stop("read_regiosim_years on a file without yearly output: '", message, "'")
}
stopifnot(nrow(read_regiosim_runs(out)) == 16)
cat("R helper ok:", nrow(runs), "runs\n")
