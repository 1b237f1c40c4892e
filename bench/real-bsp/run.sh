#!/usr/bin/env bash
# Precision and recall of cemap on the public development trees (see ../shared/devcorpus/REPOS.md
# in the workspace, or README "Measuring on real trees"). Run by hand: CI cannot fetch the trees.
#
#   bench/real-bsp/run.sh [--list] [--cppcheck] TREE_DIR...
#
# TREE_DIR is an unpacked tree whose folder name is the tree's name in labels.tsv and
# reviewed*.tsv: projects_wince_old, projects_wince_BB, WINCELOADER. Without TREE_DIR, the trees
# under $DEV_TREES (default /tmp/dev) are used.
#
# Each tree is scanned with the checkout's cemap (built when stale) into
# $REAL_BSP_WORK/NAME.sarif (default target/real-bsp), with wall time, CPU time and peak RSS
# from GNU time; then score.py compares the findings with the labels and the review:
# recall on labelled defects, clean look-alikes reported, precision of reviewed findings.
# --list also lists missed defects and findings nobody has reviewed yet.
# --cppcheck also runs cppcheck -j2 --library=windows on each tree in the same run (the speed
# reference of the speed issue) and prints how many times faster cemap was, JVM start included.
# A tree may also be a folder inside one (e.g. .../projects_wince_old/EVM_OMAP3530): it is then
# timed and compared, and scored against the labels of the tree it belongs to.
# Exit status: score.py's (1 when a finding judged wrong, or a clean site, is reported above note).
set -euo pipefail

HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
WORK="${REAL_BSP_WORK:-$REPO/target/real-bsp}"
JAR="$REPO/cli/target/cemap.jar"

note() {
    printf 'real-bsp: %s\n' "$*" >&2
}

die() {
    printf 'real-bsp: error: %s\n' "$*" >&2
    exit 2
}

# shellcheck source=bench/ensure-jar.sh
source "$REPO/bench/ensure-jar.sh"

# wall_seconds TIME_FILE: the wall time GNU time wrote, in seconds.
wall_seconds() {
    sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1" \
        | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.1f", s }'
}

# timing TOOL NAME TIME_FILE: one line of wall time, CPU time and peak RSS on stderr.
timing() {
    local user sys rss
    user="$(sed -n 's/^\s*User time (seconds): //p' "$3")"
    sys="$(sed -n 's/^\s*System time (seconds): //p' "$3")"
    rss="$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$3")"
    note "$1 on $2: $(wall_seconds "$3") s wall, ${user} s user, ${sys} s system, $((rss / 1024)) MB peak RSS"
}

# name_of TREE_DIR: the labelled tree's name (the folder under DEV_TREES) and, for a folder
# inside it, that folder's path joined with '+', e.g. projects_wince_old+EVM_OMAP3530.
name_of() {
    local tree="$1" root="${DEV_TREES:-/tmp/dev}"
    root="$(cd "$root" 2> /dev/null && pwd || echo "$root")"
    if [[ "$tree" == "$root"/*/* ]]; then
        local inside="${tree#"$root"/}"
        echo "${inside//\//+}"
    else
        basename "$tree"
    fi
}

# scan TREE_DIR: writes WORK/NAME.sarif and prints "NAME=WORK/NAME.sarif" for score.py.
scan() {
    local tree="$1" name
    name="$(name_of "$tree")"
    local out="$WORK/$name"
    note "scanning $tree"
    local status=0
    /usr/bin/time -v -o "$out.time" "$REPO/cemap" scan --quiet --stats --format sarif \
        --output "$out.sarif" "$tree" 2> "$out.stderr" || status=$?
    if [[ "$status" -gt 1 ]]; then
        tail -20 "$out.stderr" >&2
        die "cemap exited with status $status on $tree (see $out.stderr)"
    fi
    timing cemap "$name" "$out.time"
    if [[ "$CPPCHECK" == 1 ]]; then
        /usr/bin/time -v -o "$out.cppcheck.time" cppcheck -j2 --library=windows --quiet \
            --output-file="$out.cppcheck.txt" "$tree" > /dev/null 2>&1 || true
        timing "cppcheck -j2" "$name" "$out.cppcheck.time"
        note "$name: cemap was $(awk -v a="$(wall_seconds "$out.cppcheck.time")" \
            -v b="$(wall_seconds "$out.time")" 'BEGIN { printf "%.1f", a / b }')x faster than cppcheck -j2"
    fi
    echo "$name=$out.sarif"
}

CPPCHECK=0

main() {
    local list=()
    local trees=()
    for arg in "$@"; do
        case "$arg" in
            --list) list=(--list) ;;
            --cppcheck) CPPCHECK=1 ;;
            -*) die "unknown option $arg" ;;
            *) [[ -d "$arg" ]] || die "no such tree: $arg"; trees+=("$(cd "$arg" && pwd)") ;;
        esac
    done
    if [[ ${#trees[@]} -eq 0 ]]; then
        local root="${DEV_TREES:-/tmp/dev}"
        for name in projects_wince_old projects_wince_BB WINCELOADER; do
            [[ -d "$root/$name" ]] && trees+=("$root/$name")
        done
        [[ ${#trees[@]} -gt 0 ]] || die "no trees given and none under $root"
    fi
    [[ -x /usr/bin/time ]] || die "GNU time is missing (apt-get install time)"
    if [[ "$CPPCHECK" == 1 ]]; then
        command -v cppcheck > /dev/null || die "cppcheck is missing (apt-get install cppcheck)"
    fi
    command -v python3 > /dev/null || die "python3 is missing"
    mkdir -p "$WORK"
    ensure_jar
    local reports=()
    for tree in "${trees[@]}"; do
        reports+=("$(scan "$tree")")
    done
    python3 "$HERE/score.py" "${list[@]}" "${reports[@]}"
}

main "$@"
