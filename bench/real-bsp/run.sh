#!/usr/bin/env bash
# Precision and recall of cemap on the public development trees (see ../shared/devcorpus/REPOS.md
# in the workspace, or README "Measuring on real trees"). Run by hand: CI cannot fetch the trees.
#
#   bench/real-bsp/run.sh [--list] TREE_DIR...
#
# TREE_DIR is an unpacked tree whose folder name is the tree's name in labels.tsv and
# reviewed.tsv: projects_wince_old, projects_wince_BB, WINCELOADER. Without TREE_DIR, the trees
# under $DEV_TREES (default /tmp/dev) are used.
#
# Each tree is scanned with the checkout's cemap (built when stale) into
# $REAL_BSP_WORK/NAME.sarif (default target/real-bsp), with wall time, CPU time and peak RSS
# from GNU time; then score.py compares the findings with the labels and the review:
# recall on labelled defects, clean look-alikes reported, precision of reviewed findings.
# --list also lists missed defects and findings nobody has reviewed yet.
# Exit status: score.py's (1 when a finding judged wrong or a clean site comes back).
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

ensure_jar() {
    local stale=""
    if [[ -f "$JAR" ]]; then
        stale="$(find "$REPO" -path "$REPO/target" -prune -o \( -path '*/src/main/*' -o -name pom.xml \) \
            -newer "$JAR" -type f -print -quit)"
    fi
    if [[ ! -f "$JAR" || -n "$stale" ]]; then
        note "building cemap (mvn -B -q -DskipTests package)"
        (cd "$REPO" && mvn -B -q -DskipTests package) >&2 || die "the build failed"
    fi
}

# scan TREE_DIR: writes WORK/NAME.sarif and prints "NAME=WORK/NAME.sarif".
scan() {
    local tree="$1" name
    name="$(basename "$tree")"
    local out="$WORK/$name"
    note "scanning $tree"
    local status=0
    /usr/bin/time -v -o "$out.time" "$REPO/cemap" scan --quiet --stats --format sarif \
        --output "$out.sarif" "$tree" 2> "$out.stderr" || status=$?
    if [[ "$status" -gt 1 ]]; then
        tail -20 "$out.stderr" >&2
        die "cemap exited with status $status on $tree (see $out.stderr)"
    fi
    local wall user rss
    wall="$(sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out.time" \
        | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.1f", s }')"
    user="$(sed -n 's/^\s*User time (seconds): //p' "$out.time")"
    rss="$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$out.time")"
    note "$name: ${wall} s wall, ${user} s user, $((rss / 1024)) MB peak RSS"
    echo "$name=$out.sarif"
}

main() {
    local list=()
    local trees=()
    for arg in "$@"; do
        case "$arg" in
            --list) list=(--list) ;;
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
