//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main explains how to build this program: it only does something useful as
// WebAssembly in a browser.
func main() {
	fmt.Fprintln(os.Stderr, "examples/wasm is a WebAssembly program: build it with examples/wasm/build.sh (GOOS=js GOARCH=wasm)")
	os.Exit(2)
}
