package main

import "path/filepath"

// absPath resolves symbolic links and makes path absolute, as well as it can.
func absPath(path string) string {
	if r, err := filepath.EvalSymlinks(path); err == nil {
		path = r
	}
	if a, err := filepath.Abs(path); err == nil {
		return a
	}
	return path
}
