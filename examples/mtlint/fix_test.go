package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mtcheck/mtcheck/mtcheck"
)

func TestFixWritesSafeFixesAndIsIdempotent(t *testing.T) {
	useTestRules(t)
	dir := t.TempDir()
	text := "The council met on Monday.Nothing changed.\nShare post:\nThe mayor left early.Others stayed.\n"
	p := writeFile(t, dir, "a.txt", text)
	if err := os.Chmod(p, 0o640); err != nil {
		t.Fatal(err)
	}
	r := runArgs(t, "", "-fix", p)
	want := "The council met on Monday. Nothing changed.\nShare post:\nThe mayor left early. Others stayed.\n"
	got, _ := os.ReadFile(p)
	if string(got) != want {
		t.Fatalf("fixed file:\n%s\nwant:\n%s", got, want)
	}
	if !strings.Contains(r.stderr, p+":1:25: fixed t-glue: insert a space") || !strings.Contains(r.stderr, "fixed "+p+": 2 fixes applied") {
		t.Errorf("fix report missing: %q", r.stderr)
	}
	// The unsafe boilerplate fix is not applied; its finding is still reported
	// (from the re-check, at its new position) and fails the run.
	if r.code != 1 || !strings.Contains(r.stdout, p+":2:1: error t-boiler") || strings.Contains(r.stdout, "t-glue") {
		t.Errorf("after fix: code %d, stdout %q", r.code, r.stdout)
	}
	fi, _ := os.Stat(p)
	if fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", fi.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	mtime := fi.ModTime()
	r = runArgs(t, "", "-fix", p)
	again, _ := os.ReadFile(p)
	fi2, _ := os.Stat(p)
	if string(again) != want || strings.Contains(r.stderr, "fixed") || !fi2.ModTime().Equal(mtime) {
		t.Errorf("second -fix changed something: stderr %q", r.stderr)
	}
}

func TestFixFollowsSymlink(t *testing.T) {
	useTestRules(t)
	dir := t.TempDir()
	target := writeFile(t, dir, "real.txt", glueText)
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	runArgs(t, "", "-fix", link)
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("symlink replaced by a file")
	}
	if got, _ := os.ReadFile(target); !strings.Contains(string(got), "Monday. Nothing") {
		t.Errorf("target not fixed: %q", got)
	}
}

func TestFixRefusesFileChangedOnDisk(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "a.txt", "old text.\n")
	text, st, err := readFile(p)
	if err != nil {
		t.Fatal(err)
	}
	// Same size, different content, mtime restored: only the content check
	// can notice.
	if err := os.WriteFile(p, []byte("new text.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, time.Now(), st.mtime); err != nil {
		t.Fatal(err)
	}
	if err := writeAtomic(p, text, "fixed text.\n", st); err != errChanged {
		t.Errorf("writeAtomic = %v, want errChanged", err)
	}
	if got, _ := os.ReadFile(p); string(got) != "new text.\n" {
		t.Errorf("file overwritten: %q", got)
	}
	// A size change is caught too.
	os.WriteFile(p, []byte("longer new text.\n"), 0o644)
	if err := writeAtomic(p, text, "fixed text.\n", st); err != errChanged {
		t.Errorf("writeAtomic after size change = %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	// Unchanged: written.
	text, st, _ = readFile(p)
	if err := writeAtomic(p, text, "fixed text.\n", st); err != nil {
		t.Errorf("writeAtomic on unchanged file: %v", err)
	}
}

func TestDiff(t *testing.T) {
	useTestRules(t)
	dir := t.TempDir()
	lines := []string{"The council met on Monday.Nothing changed.", "b", "c", "d", "e", "f", "g", "h", "i", "j", "The mayor left early.Others stayed."}
	text := strings.Join(lines, "\n") // no final newline
	p := writeFile(t, dir, "a.txt", text)
	r := runArgs(t, "", "-diff", p)
	name := strings.TrimPrefix(filepath.ToSlash(p), "/")
	want := "--- a/" + name + "\n+++ b/" + name + "\n" +
		"@@ -1,4 +1,4 @@\n-The council met on Monday.Nothing changed.\n+The council met on Monday. Nothing changed.\n b\n c\n d\n" +
		"@@ -8,4 +8,4 @@\n h\n i\n j\n-The mayor left early.Others stayed.\n\\ No newline at end of file\n+The mayor left early. Others stayed.\n\\ No newline at end of file\n"
	if r.stdout != want {
		t.Errorf("diff:\n%s\nwant:\n%s", r.stdout, want)
	}
	if r.code != 1 {
		t.Errorf("code %d", r.code)
	}
	if got, _ := os.ReadFile(p); string(got) != text {
		t.Errorf("-diff wrote the file")
	}
	// -fix -diff shows the diff and writes nothing either.
	if r := runArgs(t, "", "-fix", "-diff", p); r.stdout != want {
		t.Errorf("-fix -diff: %q", r.stdout)
	}
	if got, _ := os.ReadFile(p); string(got) != text {
		t.Errorf("-fix -diff wrote the file")
	}
}

// TestUnifiedDiffApplies checks diffs of awkward edits by applying them
// with patch(1), when it is installed.
func TestUnifiedDiffApplies(t *testing.T) {
	patch, err := exec.LookPath("patch")
	if err != nil {
		t.Skip("patch not installed")
	}
	cases := []struct {
		name  string
		text  string
		edits []mtcheck.TextEdit
	}{
		{"delete whole line", "a\nb\nShare post:\nc\n", []mtcheck.TextEdit{{Span: mtcheck.Span{Start: 4, End: 16}}}},
		{"join lines", "one\ntwo\nthree\n", []mtcheck.TextEdit{{Span: mtcheck.Span{Start: 3, End: 4}, NewText: " "}}},
		{"insert at end without newline", "x\ny", []mtcheck.TextEdit{{Span: mtcheck.Span{Start: 3, End: 3}, NewText: "z\n"}}},
		{"append after final newline", "x\ny\n", []mtcheck.TextEdit{{Span: mtcheck.Span{Start: 4, End: 4}, NewText: "tail\n"}}},
		{"two edits on one line", "ab.Cd.Ef\nq\n", []mtcheck.TextEdit{{Span: mtcheck.Span{Start: 3, End: 3}, NewText: " "}, {Span: mtcheck.Span{Start: 6, End: 6}, NewText: " "}}},
		{"delete everything", "only\n", []mtcheck.TextEdit{{Span: mtcheck.Span{Start: 0, End: 5}}}},
		{"into empty", "", []mtcheck.TextEdit{{Span: mtcheck.Span{Start: 0, End: 0}, NewText: "new\n"}}},
		{"far apart", strings.Repeat("l\n", 20) + "x.Y\n" + strings.Repeat("m\n", 20) + "p.Q\n", []mtcheck.TextEdit{{Span: mtcheck.Span{Start: 42, End: 42}, NewText: " "}, {Span: mtcheck.Span{Start: 86, End: 86}, NewText: " "}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want := mtcheck.ApplyFixes(tc.text, []mtcheck.Diagnostic{{Fixes: []mtcheck.Fix{{Edits: tc.edits, Safe: true}}}}, true).Text
			dir := t.TempDir()
			f := filepath.Join(dir, "f.txt")
			os.WriteFile(f, []byte(tc.text), 0o644)
			var b strings.Builder
			unifiedDiff(&b, "a/f.txt", "b/f.txt", tc.text, tc.edits)
			cmd := exec.Command(patch, "-s", "-p1", "-d", dir)
			cmd.Stdin = strings.NewReader(b.String())
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("patch: %v\n%s\ndiff:\n%s", err, out, b.String())
			}
			got, _ := os.ReadFile(f)
			if string(got) != want {
				t.Errorf("patched %q, want %q\ndiff:\n%s", got, want, b.String())
			}
		})
	}
}
