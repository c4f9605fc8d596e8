//go:build !unix

package main

import "io/fs"

// fileKey identifies a file or directory; without inode numbers, by its
// resolved absolute path.
type fileKey struct {
	path string
}

func keyOf(path string, fi fs.FileInfo) fileKey {
	return fileKey{path: absPath(path)}
}
