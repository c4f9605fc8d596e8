#!/usr/bin/env bash
# Builds mtcheck's WebAssembly front-end next to the demo page:
#   web/mtcheck.wasm       rules-only build (default rules needing no prose
#                          layers; tag mtcheck_noprose leaves prose out)
#   web/mtcheck-full.wasm  full build (tag full: every default rule)
#   web/wasm_exec.js       Go's JavaScript support file, copied unmodified
#                          from this Go installation (it must match the Go
#                          version that built the .wasm, so it is not committed)
# With a directory argument, the page is copied there too (a "dist" folder to
# deploy). The outputs are ignored by git. Serve the folder with
#   go run ./examples/wasm/serve
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/web}
mkdir -p "$out"
out=$(cd "$out" && pwd)
cd "$here"

goroot=$(go env GOROOT)
exec_js="$goroot/lib/wasm/wasm_exec.js" # Go 1.24 and later
[ -f "$exec_js" ] || exec_js="$goroot/misc/wasm/wasm_exec.js"
cp "$exec_js" "$out/wasm_exec.js"
if [ "$out" != "$here/web" ]; then
  cp web/index.html web/app.js web/client.js web/worker.js web/style.css "$out/"
fi

build() { # build <output> <tags>
  GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -tags "$2" -o "$out/$1" .
  printf '%-18s %9d bytes, %9d gzipped\n' "$1" "$(wc -c <"$out/$1")" "$(gzip -9 -c "$out/$1" | wc -c)"
}
build mtcheck.wasm mtcheck_noprose
build mtcheck-full.wasm full
