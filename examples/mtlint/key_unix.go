//go:build unix

package main

import (
	"io/fs"
	"syscall"
)

// fileKey identifies a file or directory whatever the path to it.
type fileKey struct {
	dev, ino uint64
	path     string
}

func keyOf(path string, fi fs.FileInfo) fileKey {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return fileKey{dev: uint64(st.Dev), ino: uint64(st.Ino)}
	}
	return fileKey{path: absPath(path)}
}
