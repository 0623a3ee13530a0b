#!/bin/sh
# Nothing that is not a replaceable output is replaced: `sweep --force` and `report -o` refuse
# (exit 73) a fifo, a folder, a symbolic link to a device, an input of the same command and a
# file that is not theirs, and leave each exactly as it was; they do replace their own files.
# Usage: output_not_overwritten.sh REGIOSIM SOURCE_DIR SCRATCH_DIR RESULTS_FILE
set -u
cli=$1 src=$2 dir=$3 results=$4
rm -rf "$dir" && mkdir -p "$dir"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# expect CODE PATTERN COMMAND…: the command exits with CODE and says PATTERN on stderr.
expect() {
    code=$1 pattern=$2
    shift 2
    "$@" >"$dir/stdout" 2>"$dir/stderr"
    got=$?
    [ "$got" -eq "$code" ] || fail "$* exited $got, expected $code: $(cat "$dir/stderr")"
    grep -q -- "$pattern" "$dir/stderr" || [ -z "$pattern" ] ||
        fail "$* did not say '$pattern': $(cat "$dir/stderr")"
}

# The experiment in the scratch folder, its scenario by absolute path.
sed "s|^scenario = .*|scenario = \"$src/scenarios/reference.toml\"|" \
    "$src/tests/sweep/data/small-lhs.toml" >"$dir/exp.toml"
cp "$dir/exp.toml" "$dir/exp.orig"
printf 'note = "not results"\n' >"$dir/notes.toml"
cp "$dir/notes.toml" "$dir/notes.orig"
mkfifo "$dir/fifo"
mkdir "$dir/folder"
ln -s /dev/null "$dir/null-link"
ln -s "$dir/fifo" "$dir/fifo-link"
sweep() { "$cli" sweep "$dir/exp.toml" --progress never --force --out "$@"; }

expect 73 "fifo (named pipe), not a regular file" sweep "$dir/fifo"
[ -p "$dir/fifo" ] || fail "the fifo was replaced"
expect 73 "a symbolic link to a fifo" sweep "$dir/fifo-link"
[ -L "$dir/fifo-link" ] && [ -p "$dir/fifo" ] || fail "the link to the fifo was replaced"
expect 73 "a symbolic link to a character device" sweep "$dir/null-link"
[ -L "$dir/null-link" ] && [ -c /dev/null ] || fail "the link to /dev/null was replaced"
expect 73 "is a directory" sweep "$dir/folder"
[ -d "$dir/folder" ] || fail "the folder was replaced"
expect 73 "an input of this command" sweep "$dir/exp.toml"
cmp -s "$dir/exp.toml" "$dir/exp.orig" || fail "the experiment file was overwritten"
expect 73 "an input of this command" sweep "$dir/./exp.toml"
cmp -s "$dir/exp.toml" "$dir/exp.orig" || fail "the experiment file was overwritten (./)"
expect 73 "not a regiosim results file" sweep "$dir/notes.toml"
cmp -s "$dir/notes.toml" "$dir/notes.orig" || fail "an unrelated file was overwritten"
[ ! -e "$dir/notes.toml.parts" ] || fail "a refused sweep left a parts folder"

# report: never its input, never a device; an earlier report yes; another file only with --force.
cp "$results" "$dir/r.h5"
cp "$results" "$dir/r.orig"
ln "$dir/r.h5" "$dir/r-hardlink.h5"
report() { "$cli" report "$dir/r.h5" "$@"; }
expect 73 "an input of this command" report -o "$dir/r.h5"
expect 73 "an input of this command" report -o "$dir/r-hardlink.h5" --force
cmp -s "$dir/r.h5" "$dir/r.orig" || fail "report overwrote its results file"
expect 73 "not a regular file" report -o "$dir/fifo" --force
[ -p "$dir/fifo" ] || fail "report replaced the fifo"
expect 73 "not a report regiosim wrote" report -o "$dir/notes.toml"
cmp -s "$dir/notes.toml" "$dir/notes.orig" || fail "report overwrote an unrelated file"
expect 0 "" report -o "$dir/report.html"
expect 0 "" report -o "$dir/report.html"
grep -q 'name="generator" content="regiosim report"' "$dir/report.html" ||
    fail "the report lacks its generator mark"
expect 0 "" report -o "$dir/notes.toml" --force
grep -q 'name="generator"' "$dir/notes.toml" || fail "--force did not replace the file"

# sweep --force does replace a results file (the copy of one of another sweep).
# The hard link keeps the old file; the new one records another command line.
expect 0 "" sweep "$dir/r.h5"
! cmp -s "$dir/r.h5" "$dir/r-hardlink.h5" || fail "sweep --force did not replace the results file"

[ "$failures" -eq 0 ] || exit 1
echo "ok: every refusal left its target untouched"
