// Command serve serves a folder (by default examples/wasm/web) on the
// loopback interface, with .wasm files as application/wasm so browsers can
// compile them while downloading. For trying the demo page:
//
//	examples/wasm/build.sh && go run ./examples/wasm/serve
//	# open http://127.0.0.1:8080/
package main

import (
	"flag"
	"log"
	"mime"
	"net/http"
	"path/filepath"
	"runtime"
)

func main() {
	_, self, _, _ := runtime.Caller(0)
	dir := flag.String("dir", filepath.Join(filepath.Dir(self), "..", "web"), "folder to serve")
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()
	if err := mime.AddExtensionType(".wasm", "application/wasm"); err != nil {
		log.Fatal(err)
	}
	files := http.FileServer(http.Dir(*dir))
	log.Printf("serving %s on http://%s/", *dir, *addr)
	log.Fatal(http.ListenAndServe(*addr, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})))
}
