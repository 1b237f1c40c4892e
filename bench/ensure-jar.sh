# Sourced by the benchmark scripts. Builds the jar when it is missing or older than any main
# source or pom, so that what is measured is the code in the checkout. Needs REPO, JAR and the
# caller's note and die functions.
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
