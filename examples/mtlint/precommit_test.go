package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// preCommit returns the pre-commit program, or skips (fails with
// MTCHECK_REQUIRE_TOOLS=1) when it is not installed.
func preCommit(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("pre-commit")
	if err != nil {
		if os.Getenv("MTCHECK_REQUIRE_TOOLS") == "1" {
			t.Fatal("pre-commit not installed (run .ci/install-deps)")
		}
		t.Skip("pre-commit not installed (apt-get install pre-commit, or .ci/install-deps)")
	}
	return p
}

// hookFields reads the top-level fields of the one hook in
// .pre-commit-hooks.yaml (a flat list of "key: value" lines).
func hookFields(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(repoRoot, ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fields := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		line = strings.TrimPrefix(strings.TrimPrefix(line, "- "), "  ")
		k, v, ok := strings.Cut(line, ": ")
		if !ok {
			t.Fatalf("unexpected line in .pre-commit-hooks.yaml: %q", sc.Text())
		}
		if _, dup := fields[k]; dup {
			t.Fatalf("more than one hook, or key %q twice", k)
		}
		fields[k] = v
	}
	for k, want := range map[string]string{"id": "mtcheck", "entry": "mtlint", "language": "golang", "types": "[text]", "files": `\.(txt|md|markdown|html?)$`} {
		if fields[k] != want {
			t.Errorf(".pre-commit-hooks.yaml %s = %q, want %q", k, fields[k], want)
		}
	}
	return fields
}

// hookRepo makes a git repository holding a damaged article, a clean one and
// files the hook must not look at, all staged.
func hookRepo(t *testing.T, config string) string {
	t.Helper()
	dir := t.TempDir()
	sample, err := os.ReadFile(filepath.Join(repoRoot, "testdata/articles/sample.txt"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "news/damaged.md", string(sample))
	writeFile(t, dir, "news/clean.txt", "The committee met on Tuesday and approved the budget for next year.\n")
	writeFile(t, dir, "main.go", "package main // "+string(sample[:80])+"\n") // not matched by files
	writeFile(t, dir, "notes.rst", string(sample))                            // not matched by files
	writeFile(t, dir, ".pre-commit-config.yaml", config)
	gitRun(t, dir, "init", "-q")
	gitRun(t, dir, "add", "-A")
	return dir
}

func runPreCommit(t *testing.T, dir string, env []string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(preCommit(t), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), append([]string{"PRE_COMMIT_HOME=" + filepath.Join(dir, ".cache-pre-commit"), "NO_COLOR=1",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com"}, env...)...)
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, string(out)
}

// TestPreCommitHookLocal runs the hook as .pre-commit-hooks.yaml defines
// it (id, types, files) through the real pre-commit, as a local hook of
// language system pointing at the built binary: offline, and the files
// pre-commit passes are the ones the definition selects.
func TestPreCommitHookLocal(t *testing.T) {
	pc := preCommit(t)
	fields := hookFields(t)
	if out, err := exec.Command(pc, "validate-manifest", filepath.Join(repoRoot, ".pre-commit-hooks.yaml")).CombinedOutput(); err != nil {
		t.Fatalf("pre-commit validate-manifest: %v\n%s", err, out)
	}
	bin := buildBinary(t)
	config := "repos:\n  - repo: local\n    hooks:\n      - id: " + fields["id"] +
		"\n        name: " + fields["name"] +
		"\n        entry: " + bin +
		"\n        language: system" +
		"\n        types: " + fields["types"] +
		"\n        files: " + fields["files"] + "\n"
	dir := hookRepo(t, config)

	code, out := runPreCommit(t, dir, nil, "run", "--all-files")
	if code != 1 || !strings.Contains(out, "mtcheck") || !strings.Contains(out, "Failed") {
		t.Fatalf("damaged file: exit %d:\n%s", code, out)
	}
	if !strings.Contains(out, "news/damaged.md:") || strings.Contains(out, "notes.rst") || strings.Contains(out, "main.go") {
		t.Errorf("wrong files checked:\n%s", out)
	}
	// A commit runs the hook on the staged files and is refused.
	if code, out := runPreCommit(t, dir, nil, "install"); code != 0 {
		t.Fatalf("install: %s", out)
	}
	cmd := exec.Command("git", "commit", "-q", "-m", "add news")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PRE_COMMIT_HOME="+filepath.Join(dir, ".cache-pre-commit"),
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
	if b, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(b), "news/damaged.md:") {
		t.Errorf("commit of a damaged file not refused (%v):\n%s", err, b)
	}
	// Clean files pass.
	os.Remove(filepath.Join(dir, "news/damaged.md"))
	gitRun(t, dir, "add", "-A")
	if code, out := runPreCommit(t, dir, nil, "run", "--all-files"); code != 0 || !strings.Contains(out, "Passed") {
		t.Errorf("clean files: exit %d:\n%s", code, out)
	}
}

// TestPreCommitHookGolang installs the hook exactly as published
// (language golang: pre-commit runs "go install ./..." in a copy of this
// repository) with "pre-commit try-repo", which also picks up uncommitted
// changes. It stays offline by pointing Go at the local module cache with
// GOPROXY=off; without the modules there it skips.
func TestPreCommitHookGolang(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the hook with go install")
	}
	preCommit(t)
	hookFields(t)
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, ".git")); err != nil {
		t.Skip("the repository is not a git checkout")
	}
	modcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	dir := hookRepo(t, "repos: []\n")
	env := []string{"GOMODCACHE=" + strings.TrimSpace(string(modcache)), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local"}
	code, out := runPreCommit(t, dir, env, "try-repo", root, "mtcheck", "--all-files")
	if strings.Contains(out, "GOPROXY=off") || strings.Contains(out, "module lookup disabled") {
		t.Skipf("modules missing from the local cache:\n%s", out)
	}
	if code != 1 || !strings.Contains(out, "news/damaged.md:") || strings.Contains(out, "notes.rst") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	t.Logf("pre-commit try-repo output:\n%s", out[:min(len(out), 800)])
}
