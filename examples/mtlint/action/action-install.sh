#!/usr/bin/env bash
# Installs mtlint for the GitHub Action (action.yml).
#
#   INPUT_VERSION   empty: build the action's own checkout ($GITHUB_ACTION_PATH);
#                   otherwise a module version (v0.1.0, latest) for go install.
#   GITHUB_OUTPUT   receives mtlint=<path of the installed binary>.
set -euo pipefail
version="${INPUT_VERSION:-}"
if [ -z "$version" ]; then
  cd "${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}"
  go install ./examples/mtlint
else
  case "$version" in
    latest|v[0-9]*) ;;
    *) echo "mtcheck action: version must be latest or vX.Y.Z, got \"$version\"" >&2; exit 2 ;;
  esac
  go install "github.com/mtcheck/mtcheck/examples/mtlint@$version"
fi
bin="$(go env GOBIN)"
if [ -z "$bin" ]; then
  bin="$(go env GOPATH)/bin"
fi
mtlint="$bin/mtlint"
"$mtlint" -version
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "mtlint=$mtlint" >> "$GITHUB_OUTPUT"
fi
