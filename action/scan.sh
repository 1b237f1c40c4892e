#!/usr/bin/env bash
# The scan step of the cemap GitHub Action (action.yml at the repository root). Its inputs arrive
# as CEMAP_* variables, never pasted into the script, so that no input can inject shell code.
# It writes the SARIF log and records cemap's exit status and the log's path in $GITHUB_OUTPUT.
# Findings (status 1) do not fail this step: the upload must still run, and a later step decides;
# a failure of cemap itself (status 2) does.
set -euo pipefail

: "${CEMAP_JAR:?CEMAP_JAR names the cemap.jar to run}"
: "${GITHUB_OUTPUT:?GITHUB_OUTPUT is set by the Actions runner}"
sarif="${CEMAP_SARIF_FILE:-cemap.sarif}"

# Paths and extra options are split on white space (spaces or new lines); no globbing.
set -f
read -r -d '' -a paths <<< "${CEMAP_PATHS:-.}" || true
read -r -d '' -a extra <<< "${CEMAP_ARGS:-}" || true
set +f
if [[ ${#paths[@]} -eq 0 ]]; then
    paths=(.)
fi

args=(scan --format sarif --output "$sarif" --progress lines)
if [[ -n "${CEMAP_TARGET:-}" ]]; then
    args+=(--target "$CEMAP_TARGET")
fi
if [[ -n "${CEMAP_CONFIG:-}" ]]; then
    args+=(--config "$CEMAP_CONFIG")
fi
if [[ -n "${CEMAP_FAIL_ON:-}" ]]; then
    args+=(--fail-on "$CEMAP_FAIL_ON")
fi
args+=("${extra[@]}" -- "${paths[@]}")

status=0
# The JVM options of the ./cemap launcher (see there why); the java-options input replaces them.
# shellcheck disable=SC2086
java ${CEMAP_JAVA_OPTS:--Xmx1536m -Xss16m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -jar "$CEMAP_JAR" "${args[@]}" || status=$?
echo "exit-code=$status" >> "$GITHUB_OUTPUT"
if [[ -s "$sarif" ]]; then
    echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"
fi
if [[ "$status" -ge 2 ]]; then
    echo "::error::cemap scan failed (exit status $status)"
    exit "$status"
fi
