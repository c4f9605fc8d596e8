package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// errChanged is returned when a file changed on disk between reading and
// writing its fixes.
var errChanged = errors.New("not fixed: the file changed on disk since it was read")

// appliedEdits returns the edits of the safe fixes ApplyFixes accepted, in
// order.
func appliedEdits(res mtcheck.FixResult) []mtcheck.TextEdit {
	var edits []mtcheck.TextEdit
	for _, d := range res.Applied {
		edits = append(edits, d.Fixes[0].Edits...)
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
	return edits
}

// fixFile applies the safe fixes of f, writes the file atomically, reports
// what changed on stderr and re-checks the fixed text so that the report
// shows what is left.
func fixFile(f *file, stderr io.Writer) {
	res := mtcheck.ApplyFixes(f.text, f.report.Diagnostics, true)
	if res.Text == f.text {
		return
	}
	if err := writeAtomic(f.real, f.text, res.Text, f.state); err != nil {
		f.err = err
		return
	}
	for _, d := range res.Applied {
		p := f.report.Position(d.Start)
		fmt.Fprintf(stderr, "%s:%d:%d: fixed %s: %s\n", f.path, p.Line, p.Column, d.Rule, d.Fixes[0].Message)
	}
	for _, s := range res.Skipped {
		p := f.report.Position(s.Diagnostic.Start)
		fmt.Fprintf(stderr, "%s:%d:%d: not fixed %s: %s\n", f.path, p.Line, p.Column, s.Diagnostic.Rule, s.Reason)
	}
	fmt.Fprintf(stderr, "mtlint: fixed %s: %d %s applied\n", f.path, len(res.Applied), pluralize(len(res.Applied), "fix", "fixes"))
	f.text = res.Text
	rep, err := f.check(f.text)
	if err != nil {
		f.err = fmt.Errorf("re-checking after fixing: %w", err)
		f.report = nil
		return
	}
	f.report = rep
}

func pluralize(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// writeAtomic replaces the file at path (following symbolic links) with
// text: it writes a temporary file in the same directory, syncs it, gives it
// the original mode and renames it over the original — but only if the
// original still has the size, modification time and content (old) it had
// when it was read (the content is compared byte for byte).
func writeAtomic(path, old, text string, st fileState) error {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return plainErr(err)
	}
	dir := filepath.Dir(real)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(real)+".mtlint-*")
	if err != nil {
		return fmt.Errorf("not fixed: cannot create a temporary file: %v", plainErr(err))
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := io.WriteString(tmp, text); err != nil {
		return fmt.Errorf("not fixed: writing: %v", err)
	}
	if err := tmp.Chmod(st.mode & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)); err != nil {
		return fmt.Errorf("not fixed: keeping the file mode: %v", err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("not fixed: syncing: %v", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("not fixed: closing: %v", err)
	}
	if err := unchanged(real, old, st); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), real); err != nil {
		return fmt.Errorf("not fixed: renaming: %v", err)
	}
	done = true
	if d, err := os.Open(dir); err == nil {
		d.Sync() // make the rename durable; not all systems support it
		d.Close()
	}
	return nil
}

// unchanged checks that the file at path still is what was read.
func unchanged(path, old string, st fileState) error {
	fi, err := os.Stat(path)
	if err != nil {
		return errChanged
	}
	if fi.Size() != st.size || !fi.ModTime().Equal(st.mtime) {
		return errChanged
	}
	now, err := os.ReadFile(path)
	if err != nil {
		return errChanged
	}
	if string(now) != old { // compares without copying
		return errChanged
	}
	return nil
}

// writeDiff prints the unified diff of f's safe fixes.
func writeDiff(w io.Writer, f *file) error {
	res := mtcheck.ApplyFixes(f.text, f.report.Diagnostics, true)
	if res.Text == f.text {
		return nil
	}
	name := filepath.ToSlash(f.path)
	var b strings.Builder
	unifiedDiff(&b, "a/"+strings.TrimPrefix(name, "/"), "b/"+strings.TrimPrefix(name, "/"), f.text, appliedEdits(res))
	_, err := io.WriteString(w, b.String())
	return err
}
