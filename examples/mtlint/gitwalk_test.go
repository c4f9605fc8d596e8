package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func gitRun(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=mtcheck test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main"}, args...)...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func listedFiles(t *testing.T, dir string, args ...string) []string {
	t.Helper()
	r := runArgs(t, "", append([]string{"-format", "json"}, args...)...)
	if r.code == 2 {
		t.Fatalf("code 2: %s", r.stderr)
	}
	var got []string
	for _, f := range decodeJSON(t, r.stdout).Files {
		rel, err := filepath.Rel(dir, f.Path)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, filepath.ToSlash(rel))
	}
	return got
}

// TestDirectoryWalkGitignore checks that a directory in a git work tree is
// searched the way git sees it: tracked files and untracked files that
// .gitignore does not exclude, minus hidden folders, node_modules and vendor.
func TestDirectoryWalkGitignore(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	useTestRules(t)
	dir := t.TempDir()
	writeFile(t, dir, ".gitignore", "build/\n*.draft.txt\n/generated.md\n")
	writeFile(t, dir, "a.txt", glueText)                 // tracked
	writeFile(t, dir, "docs/b.md", cleanText)            // tracked
	writeFile(t, dir, "docs/gone.txt", cleanText)        // tracked, then deleted
	writeFile(t, dir, "forced.draft.txt", cleanText)     // ignored but tracked (git add -f): git lists it
	writeFile(t, dir, "new.txt", cleanText)              // untracked, not ignored
	writeFile(t, dir, "notes.draft.txt", glueText)       // ignored
	writeFile(t, dir, "generated.md", glueText)          // ignored (anchored)
	writeFile(t, dir, "docs/generated.md", cleanText)    // not ignored: the pattern is anchored
	writeFile(t, dir, "build/out.txt", glueText)         // ignored directory
	writeFile(t, dir, ".github/hidden.md", glueText)     // hidden folder, tracked
	writeFile(t, dir, "vendor/v.txt", glueText)          // vendor, tracked
	writeFile(t, dir, "web/node_modules/n.md", glueText) // node_modules, untracked
	writeFile(t, dir, "outside/o.txt", cleanText)        // reached through a link only
	writeFile(t, dir, "sub/.hidden/x.txt", glueText)     // hidden folder deeper down
	writeFile(t, dir, "sub/.dotfile.txt", cleanText)     // a hidden file is checked, as in a plain walk
	gitRun(t, dir, "init", "-q")
	gitRun(t, dir, "add", "a.txt", "docs", ".gitignore", ".github", "vendor")
	gitRun(t, dir, "add", "-f", "forced.draft.txt")
	gitRun(t, dir, "commit", "-q", "-m", "init")
	os.Remove(filepath.Join(dir, "docs/gone.txt"))
	// outside/ is ignored, but a link to it is not: links are followed.
	writeFile(t, dir, ".git/info/exclude", "outside/\n")
	if err := os.Symlink(filepath.Join(dir, "outside"), filepath.Join(dir, "sub", "link")); err != nil {
		t.Fatal(err)
	}

	got := listedFiles(t, dir, dir)
	want := []string{"a.txt", "docs/b.md", "docs/generated.md", "forced.draft.txt", "new.txt", "sub/.dotfile.txt", "sub/link/o.txt"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("files = %v\nwant    %v", got, want)
	}
	// A sub-directory lists only its own files.
	if got := listedFiles(t, dir, filepath.Join(dir, "docs")); strings.Join(got, " ") != "docs/b.md docs/generated.md" {
		t.Errorf("docs/: %v", got)
	}
	// An ignored directory named on the command line is checked (walked).
	if got := listedFiles(t, dir, filepath.Join(dir, "build")); strings.Join(got, " ") != "build/out.txt" {
		t.Errorf("build/: %v", got)
	}
	// An ignored file named on the command line is checked.
	if got := listedFiles(t, dir, filepath.Join(dir, "notes.draft.txt")); strings.Join(got, " ") != "notes.draft.txt" {
		t.Errorf("notes.draft.txt: %v", got)
	}
	// Without git, the directory is walked: ignore files do not count.
	old := gitCommand
	gitCommand = func() string { return "" }
	defer func() { gitCommand = old }()
	got = listedFiles(t, dir, dir)
	want = []string{"a.txt", "build/out.txt", "docs/b.md", "docs/generated.md", "forced.draft.txt", "generated.md", "new.txt", "notes.draft.txt", "outside/o.txt", "sub/.dotfile.txt"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("without git: files = %v\nwant                %v", got, want)
	}
}

// TestDirectoryLoopInGitTree checks that links looping back are still
// reported inside a work tree.
func TestDirectoryLoopInGitTree(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	useTestRules(t)
	dir := t.TempDir()
	writeFile(t, dir, "top/a.txt", glueText)
	gitRun(t, dir, "init", "-q")
	if err := os.Symlink("..", filepath.Join(dir, "top", "up")); err != nil {
		t.Fatal(err)
	}
	r := runArgs(t, "", "-format", "json", filepath.Join(dir, "top"))
	if r.code != 2 || !strings.Contains(r.stderr, "directory loop") {
		t.Errorf("code %d, stderr %q", r.code, r.stderr)
	}
	if files := decodeJSON(t, r.stdout).Files; len(files) != 2 {
		t.Errorf("files: %+v", files)
	}
}
