package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck/format"
)

// input is one file to check, found on the command line or in a directory.
type input struct {
	path  string // as reported
	real  string // as opened
	stdin bool
	err   error // set when the path cannot be checked
}

// fileState is what a file looked like when it was read, to notice changes
// before -fix overwrites it.
type fileState struct {
	size  int64
	mtime time.Time
	mode  fs.FileMode
}

func utf8ValidString(s string) bool { return utf8.ValidString(s) }

// skipDir reports directories the walk never enters.
func skipDir(name string) bool {
	return strings.HasPrefix(name, ".") || name == "node_modules" || name == "vendor"
}

// plainErr drops the path from an *fs.PathError, since results name the
// file anyway.
func plainErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(pe.Err, fs.ErrNotExist):
			return fmt.Errorf("cannot read: no such file (or a dangling symbolic link)")
		case errors.Is(pe.Err, fs.ErrPermission):
			return fmt.Errorf("cannot read: permission denied")
		}
		return fmt.Errorf("cannot read (%s): %v", pe.Op, pe.Err)
	}
	return err
}

type collector struct {
	exts    []string
	out     []input
	seen    map[fileKey]bool // files and directories already taken
	hasStdn bool
}

// collect expands the command-line paths into the files to check, sorted by
// path, each file once.
func collect(paths []string, exts []string) []input {
	c := &collector{exts: exts, seen: map[fileKey]bool{}}
	for _, p := range paths {
		if p == "-" {
			if !c.hasStdn {
				c.hasStdn = true
				c.out = append(c.out, input{path: format.StdinName, stdin: true})
			}
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			c.out = append(c.out, input{path: p, real: p, err: plainErr(err)})
			continue
		}
		switch {
		case fi.IsDir():
			c.addDir(p, fi)
		case fi.Mode().IsRegular():
			c.addFile(p, fi)
		default:
			c.out = append(c.out, input{path: p, real: p, err: fmt.Errorf("not a regular file (%v)", fi.Mode().Type())})
		}
	}
	sortInputs(c.out)
	return c.out
}

func (c *collector) addFile(p string, fi fs.FileInfo) {
	k := keyOf(p, fi)
	if c.seen[k] {
		return
	}
	c.seen[k] = true
	c.out = append(c.out, input{path: p, real: p})
}

func (c *collector) wanted(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range c.exts {
		if ext == e {
			return true
		}
	}
	return false
}

// walk adds the wanted files under dir. ancestors are the directories on the
// way down, to detect symbolic-link loops.
func (c *collector) walk(dir string, fi fs.FileInfo, ancestors []fileKey) {
	k := keyOf(dir, fi)
	for _, a := range ancestors {
		if a == k {
			c.out = append(c.out, input{path: dir, real: dir, err: fmt.Errorf("directory loop: a symbolic link leads back to a directory being searched")})
			return
		}
	}
	if c.seen[k] {
		return // reached again through another link: already searched
	}
	c.seen[k] = true
	entries, err := os.ReadDir(dir)
	if err != nil {
		c.out = append(c.out, input{path: dir, real: dir, err: plainErr(err)})
		return
	}
	ancestors = append(ancestors, k)
	for _, e := range entries {
		name := e.Name()
		full := filepath.Join(dir, name)
		typ := e.Type()
		if typ&fs.ModeSymlink != 0 {
			target, err := os.Stat(full)
			if err != nil {
				if c.wanted(name) {
					c.out = append(c.out, input{path: full, real: full, err: plainErr(err)})
				}
				continue
			}
			if target.IsDir() {
				if !skipDir(name) {
					c.walk(full, target, ancestors)
				}
				continue
			}
			if target.Mode().IsRegular() && c.wanted(name) {
				c.addFile(full, target)
			}
			continue
		}
		if e.IsDir() {
			if skipDir(name) {
				continue
			}
			sub, err := e.Info()
			if err != nil {
				c.out = append(c.out, input{path: full, real: full, err: plainErr(err)})
				continue
			}
			c.walk(full, sub, ancestors)
			continue
		}
		if typ.IsRegular() && c.wanted(name) {
			info, err := e.Info()
			if err != nil {
				c.out = append(c.out, input{path: full, real: full, err: plainErr(err)})
				continue
			}
			c.addFile(full, info)
		}
	}
}

// readFile reads a whole file into one string (one allocation of the file's
// size) and records its state.
func readFile(path string) (string, fileState, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fileState{}, plainErr(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return "", fileState{}, plainErr(err)
	}
	if fi.IsDir() {
		return "", fileState{}, fmt.Errorf("cannot read: is a directory")
	}
	var b strings.Builder
	if fi.Size() > 0 {
		b.Grow(int(fi.Size()) + 1)
	}
	if _, err := io.Copy(&b, f); err != nil {
		return "", fileState{}, plainErr(err)
	}
	return b.String(), fileState{size: fi.Size(), mtime: fi.ModTime(), mode: fi.Mode()}, nil
}
