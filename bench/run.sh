#!/usr/bin/env bash
# Benchmark: cemap and cppcheck on the same generated Windows CE 6 platform tree.
#
#   bench/run.sh [FILES]       FILES: files in the generated tree (default 10000, about 2M lines)
#
# Environment:
#   SEED=N               seed of the tree (default 1); the same FILES and SEED give the same bytes
#   CPPCHECK_FILES=N     measure cppcheck on a tree of N files instead; cemap is then measured on
#                        that tree too, so that the speed ratio always compares the same tree
#   SKIP_CPPCHECK=1      measure cemap only
#   BENCH_WORK=DIR       trees and results (default target/bench in the checkout); trees are kept
#                        there and reused for the same FILES and SEED
#   CEMAP_JAVA_OPTS      JVM options for cemap (read by the ./cemap wrapper), e.g. -Xmx2g
#
# Wall time, CPU and peak RSS come from GNU time (-v). files/s counts the C/C++ source files the
# tools are given (.c/.cpp); lines/s counts every line of C/C++ in the tree, headers included.
# cemap's SARIF is checked against the defects the generator planted, so that speed is never
# bought with missed findings unnoticed. Results are printed and kept in BENCH_WORK/results-*.txt.
set -euo pipefail

REPO="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
FILES="${1:-10000}"
SEED="${SEED:-1}"
WORK="${BENCH_WORK:-$REPO/target/bench}"
JAR="$REPO/cli/target/cemap.jar"

note() {
    printf 'bench: %s\n' "$*" >&2
}

die() {
    printf 'bench: error: %s\n' "$*" >&2
    exit 2
}

[[ "$FILES" =~ ^[0-9]+$ ]] || die "FILES must be a number, got '$FILES'"

apt_install() {
    local package="$1"
    note "installing $package (apt-get)"
    if [[ "$(id -u)" != 0 ]]; then
        die "$package is missing; install it (apt-get install $package) and run again"
    fi
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >&2 \
        || die "could not install $package"
}

ensure_tools() {
    [[ -x /usr/bin/time ]] || apt_install time
    if [[ "${SKIP_CPPCHECK:-0}" != 1 ]] && ! command -v cppcheck > /dev/null; then
        apt_install cppcheck
    fi
}

# shellcheck source=bench/ensure-jar.sh
source "$REPO/bench/ensure-jar.sh"

# Prints the tree's folder, generating it first when there is no complete one.
tree_for() {
    local files="$1"
    local tree="$WORK/bsp-$files-seed$SEED"
    if [[ ! -f "$tree/.complete" ]]; then
        rm -rf "$tree"
        note "generating $tree"
        java "$REPO/bench/GenerateBsp.java" --files "$files" --seed "$SEED" --out "$tree" >&2
    fi
    echo "$tree"
}

property() {
    sed -n "s/^$2=//p" "$1/bench-tree.properties"
}

# measure NAME TREE COMMAND...: runs COMMAND under GNU time; exit status 0 and 1 both count as a
# completed run (1 = findings), anything else fails the benchmark.
measure() {
    local name="$1" tree="$2"
    shift 2
    local out="$WORK/$name"
    note "running $name: $*"
    local status=0
    /usr/bin/time -v -o "$out.time" "$@" > "$out.stdout" 2> "$out.stderr" || status=$?
    if [[ "$status" -gt 1 ]]; then
        tail -20 "$out.stderr" >&2
        die "$name exited with status $status (output in $out.stderr)"
    fi
    local wall rss cpu
    wall="$(sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out.time" \
        | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.1f", s }')"
    rss="$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$out.time")"
    cpu="$(sed -n 's/^\s*Percent of CPU this job got: //p' "$out.time")"
    local files lines
    files="$(property "$tree" source_files)"
    lines="$(property "$tree" c_lines)"
    # name tree files lines wall rss-kB cpu
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$tree" "$files" "$lines" "$wall" "$rss" "$cpu" >> "$ROWS"
}

row_table() {
    awk -F'\t' '
        BEGIN { printf "%-26s %8s %10s %8s %9s %10s %12s %6s\n", "run", "files", "lines", "wall s", "files/s", "lines/s", "peak RSS MB", "CPU" }
        { printf "%-26s %8d %10d %8.1f %9.1f %10.0f %12.0f %6s\n", $1, $3, $4, $5, $3 / $5, $4 / $5, $6 / 1024, $7 }
    ' "$ROWS"
}

field() {
    awk -F'\t' -v name="$1" -v column="$2" '$1 == name { print $column }' "$ROWS"
}

machine() {
    local cpu
    cpu="$(sed -n 's/^model name\s*: //p' /proc/cpuinfo 2> /dev/null | head -1)"
    echo "machine: $(nproc) cores (${cpu:-unknown CPU}), $(free -g 2> /dev/null | awk '/^Mem:/ { print $2 " GB" }') RAM, $(uname -sr)"
    echo "java: $(java -version 2>&1 | head -1)"
    # The machine may be shared: the load before the runs says how idle it was.
    echo "load average before the runs: $LOAD_BEFORE"
    if command -v cppcheck > /dev/null; then
        echo "cppcheck: $(cppcheck --version)"
    fi
}

main() {
    mkdir -p "$WORK"
    LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
    ensure_tools
    ensure_jar
    # This run's rows only, should another run share the work folder.
    ROWS="$(mktemp "$WORK/rows.XXXXXX")"
    trap 'rm -f "$ROWS"' EXIT
    local tree
    tree="$(tree_for "$FILES")"
    local cemap_sarif="$WORK/cemap-$FILES.sarif"
    measure "cemap-$FILES" "$tree" \
        "$REPO/cemap" scan --stats --format sarif --output "$cemap_sarif" "$tree"
    local comparison
    comparison="$(java "$REPO/bench/CompareFindings.java" "$tree/bench-expected.tsv" "$cemap_sarif")"

    local ratio_tree="$tree" ratio_cemap="cemap-$FILES" ratio_cppcheck=""
    if [[ "${SKIP_CPPCHECK:-0}" != 1 ]]; then
        local cpp_files="${CPPCHECK_FILES:-$FILES}"
        if [[ "$cpp_files" != "$FILES" ]]; then
            ratio_tree="$(tree_for "$cpp_files")"
            ratio_cemap="cemap-$cpp_files"
            measure "$ratio_cemap" "$ratio_tree" \
                "$REPO/cemap" scan --format sarif --output "$WORK/cemap-$cpp_files.sarif" "$ratio_tree"
        fi
        ratio_cppcheck="cppcheck-$cpp_files"
        # cppcheck prints its findings on stderr; -q drops the progress lines.
        measure "$ratio_cppcheck" "$ratio_tree" cppcheck --library=windows -j2 -q "$ratio_tree"
    fi

    local report="$WORK/results-$FILES-seed$SEED.txt"
    {
        echo "cemap benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
        machine
        echo "tree: ${tree#"$REPO"/}: $(property "$tree" files) files ($(property "$tree" source_files) .c/.cpp," \
            "$(property "$tree" header_files) headers), $(property "$tree" c_lines) lines of C/C++," \
            "$(property "$tree" mapping_files) files with mapping calls, seed $SEED"
        echo
        row_table
        echo
        echo "cemap findings: $comparison"
        grep '^cemap: stats:' "$WORK/cemap-$FILES.stderr" || true
        local wall rss
        wall="$(field "cemap-$FILES" 5)"
        rss="$(field "cemap-$FILES" 6)"
        echo "target: under 60 s wall:     $(awk -v w="$wall" 'BEGIN { print (w < 60 ? "met" : "missed") " (" w " s)" }')"
        echo "target: peak RSS under 2 GB: $(awk -v r="$rss" 'BEGIN { printf "%s (%.0f MB)\n", (r < 2 * 1024 * 1024 ? "met" : "missed"), r / 1024 }')"
        if [[ -n "$ratio_cppcheck" ]]; then
            local ratio
            ratio="$(awk -v a="$(field "$ratio_cppcheck" 5)" -v b="$(field "$ratio_cemap" 5)" 'BEGIN { printf "%.1f", a / b }')"
            echo "speed ratio (cppcheck wall / cemap wall, same tree ${ratio_tree#"$REPO"/}): ${ratio}x"
            echo "target: at least 10x faster than cppcheck: $(awk -v r="$ratio" 'BEGIN { print (r >= 10 ? "met" : "missed") }')"
        fi
    } | tee "$report"
    note "results kept in ${report#"$REPO"/}"
}

main "$@"
