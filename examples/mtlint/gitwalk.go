package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
)

// Directories inside a git work tree are searched the way git sees them:
// tracked files plus untracked files that .gitignore (and .git/info/exclude,
// and the global excludes file) does not exclude, from
// "git ls-files --cached --others --exclude-standard -z". Hidden folders,
// node_modules and vendor are skipped as in a plain walk. Without git, outside
// a work tree, or when git fails, the directory is walked normally. A
// directory that is itself ignored but named on the command line is walked
// normally too: what the user names is checked.

var (
	gitOnce sync.Once
	gitPath string
)

// gitCommand is the git executable, "" when there is none; tests replace it.
var gitCommand = func() string {
	gitOnce.Do(func() {
		if p, err := exec.LookPath("git"); err == nil {
			gitPath = p
		}
	})
	return gitPath
}

// gitListFiles returns the paths (relative to dir, slash-separated) git
// considers part of the work tree under dir, and whether dir is in a work
// tree at all and not itself ignored.
func gitListFiles(dir string) ([]string, bool) {
	git := gitCommand()
	if git == "" {
		return nil, false
	}
	out, err := exec.Command(git, "-C", dir, "ls-files", "--cached", "--others", "--exclude-standard", "-z").Output()
	if err != nil {
		return nil, false // not a work tree (or inside .git, or git failed)
	}
	if len(out) == 0 {
		// Nothing listed: an empty directory, or one that is ignored as a
		// whole; walk the latter normally since it was asked for.
		if exec.Command(git, "-C", dir, "check-ignore", "-q", ".").Run() == nil {
			return nil, false
		}
		return nil, true
	}
	var files []string
	for _, p := range bytes.Split(bytes.TrimSuffix(out, []byte{0}), []byte{0}) {
		if len(p) > 0 {
			files = append(files, string(p))
		}
	}
	return files, true
}

// addDir adds the wanted files under dir: as git lists them when dir is in
// a work tree, else by walking it.
func (c *collector) addDir(dir string, fi fs.FileInfo) {
	files, ok := gitListFiles(dir)
	if !ok {
		c.walk(dir, fi, nil)
		return
	}
	k := keyOf(dir, fi)
	if c.seen[k] {
		return
	}
	c.seen[k] = true
	ancestors := []fileKey{k}
	for _, rel := range files {
		if gitSkipped(rel) {
			continue
		}
		full := filepath.Join(dir, filepath.FromSlash(rel))
		name := filepath.Base(full)
		li, err := os.Lstat(full)
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) && c.wanted(name) {
				c.out = append(c.out, input{path: full, real: full, err: plainErr(err)})
			}
			continue // a tracked file deleted from the work tree
		}
		target := li
		if li.Mode()&fs.ModeSymlink != 0 {
			if target, err = os.Stat(full); err != nil {
				if c.wanted(name) {
					c.out = append(c.out, input{path: full, real: full, err: plainErr(err)})
				}
				continue
			}
			if target.IsDir() {
				// git does not follow links; a plain walk does, and so do we.
				if !skipDir(name) {
					c.walk(full, target, ancestors)
				}
				continue
			}
		}
		switch {
		case target.IsDir():
			// A submodule (or nested repository): its own work tree.
			if !skipDir(name) {
				c.addDir(full, target)
			}
		case target.Mode().IsRegular() && c.wanted(name):
			c.addFile(full, target)
		}
	}
}

// gitSkipped reports a path under a directory the walk never enters.
func gitSkipped(rel string) bool {
	parts := strings.Split(rel, "/")
	for _, d := range parts[:len(parts)-1] {
		if skipDir(d) {
			return true
		}
	}
	return false
}
