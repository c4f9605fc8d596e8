#!/usr/bin/env bash
# Runs mtlint for the GitHub Action (action.yml) from its inputs:
#
#   INPUT_PATHS       files and directories; white-space separated, or one per
#                     line when the value has several lines (default ".")
#   INPUT_FORMAT      -format (default github)
#   INPUT_FAIL_LEVEL  -fail-level: info|warning|error, or none (default warning)
#   INPUT_CONFIG      -config file (empty: none)
#   INPUT_OUTPUT      write the report to this file instead of standard output
#   MTLINT            the mtlint binary (default: mtlint on PATH)
#   GITHUB_OUTPUT     receives exit-code=<mtlint's exit status>
#
# The exit status is mtlint's: 0 clean, 1 findings at or above the fail
# level (never with none), 2 usage or input errors.
set -euo pipefail
set -f # paths are literal: no globbing
mtlint="${MTLINT:-mtlint}"
format="${INPUT_FORMAT:-github}"
level="${INPUT_FAIL_LEVEL:-warning}"
never_fail=0
if [ "$level" = none ]; then
  level=error
  never_fail=1
fi
args=(-format "$format" -fail-level "$level")
if [ -n "${INPUT_CONFIG:-}" ]; then
  args+=(-config "$INPUT_CONFIG")
fi

raw="${INPUT_PATHS:-}"
paths=()
if [[ "$raw" == *$'\n'* ]]; then
  while IFS= read -r line; do
    line="${line#"${line%%[![:space:]]*}"}" # trim leading white space
    line="${line%"${line##*[![:space:]]}"}" # and trailing
    [ -n "$line" ] && paths+=("$line")
  done <<< "$raw"
else
  read -r -a paths <<< "$raw" || true
fi
if [ ${#paths[@]} -eq 0 ]; then
  paths=(.)
fi

status=0
if [ -n "${INPUT_OUTPUT:-}" ]; then
  "$mtlint" "${args[@]}" -- "${paths[@]}" > "$INPUT_OUTPUT" || status=$?
else
  "$mtlint" "${args[@]}" -- "${paths[@]}" || status=$?
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "exit-code=$status" >> "$GITHUB_OUTPUT"
fi
if [ "$never_fail" = 1 ] && [ "$status" = 1 ]; then
  status=0
fi
exit "$status"
