package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const repoRoot = "../.."

// runScript runs one of the action's scripts with env added to a minimal
// environment, in dir; it returns the exit status and the output.
func runScript(t *testing.T, script, dir string, env ...string) (int, string, string) {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join(repoRoot, "examples", "mtlint", "action", script))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(abs)
	cmd.Dir = dir
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME")}, env...)
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, out.String(), errb.String()
}

// fakeMtlint writes a stand-in for mtlint that records its arguments, one
// per line, and exits with $FAKE_CODE.
func fakeMtlint(t *testing.T) (bin, argsFile string) {
	t.Helper()
	dir := t.TempDir()
	argsFile = filepath.Join(dir, "args")
	bin = filepath.Join(dir, "mtlint")
	script := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > " + argsFile + "\necho report\nexit ${FAKE_CODE:-0}\n"
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return bin, argsFile
}

// TestActionRunArguments checks how the run script turns the action's
// inputs into mtlint's command line and exit status.
func TestActionRunArguments(t *testing.T) {
	bin, argsFile := fakeMtlint(t)
	dir := t.TempDir()
	for _, c := range []struct {
		name     string
		env      []string
		wantArgs string
		wantCode int
	}{
		{"defaults", nil, "-format github -fail-level warning -- .", 0},
		{"empty inputs as GitHub passes them", []string{"INPUT_PATHS=", "INPUT_FORMAT=", "INPUT_FAIL_LEVEL=", "INPUT_CONFIG=", "INPUT_OUTPUT="},
			"-format github -fail-level warning -- .", 0},
		{"white-space separated, no globbing", []string{"INPUT_PATHS=docs  README.md\t*.txt", "INPUT_FORMAT=sarif", "INPUT_FAIL_LEVEL=error"},
			"-format sarif -fail-level error -- docs README.md *.txt", 0},
		{"one per line keeps spaces", []string{"INPUT_PATHS=  my docs/\n\nnotes/a b.md  \n-odd\n"},
			"-format github -fail-level warning -- my docs/ notes/a b.md -odd", 0},
		{"config", []string{"INPUT_CONFIG=.mtcheck.yml"}, "-format github -fail-level warning -config .mtcheck.yml -- .", 0},
		{"findings fail the step", []string{"FAKE_CODE=1"}, "-format github -fail-level warning -- .", 1},
		{"input errors fail the step", []string{"FAKE_CODE=2"}, "-format github -fail-level warning -- .", 2},
		{"none: findings do not fail", []string{"FAKE_CODE=1", "INPUT_FAIL_LEVEL=none"}, "-format github -fail-level error -- .", 0},
		{"none: input errors still fail", []string{"FAKE_CODE=2", "INPUT_FAIL_LEVEL=none"}, "-format github -fail-level error -- .", 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			ghOut := filepath.Join(t.TempDir(), "github_output")
			env := append([]string{"MTLINT=" + bin, "GITHUB_OUTPUT=" + ghOut}, c.env...)
			code, stdout, stderr := runScript(t, "action-run.sh", dir, env...)
			if code != c.wantCode {
				t.Errorf("exit %d, want %d (stderr %q)", code, c.wantCode, stderr)
			}
			if stdout != "report\n" {
				t.Errorf("stdout %q", stdout)
			}
			b, err := os.ReadFile(argsFile)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(strings.Split(strings.TrimSuffix(string(b), "\n"), "\n"), " "); got != c.wantArgs {
				t.Errorf("args %q, want %q", got, c.wantArgs)
			}
			fake := "0"
			for _, e := range c.env {
				if v, ok := strings.CutPrefix(e, "FAKE_CODE="); ok {
					fake = v
				}
			}
			if o, _ := os.ReadFile(ghOut); string(o) != "exit-code="+fake+"\n" {
				t.Errorf("GITHUB_OUTPUT = %q", o)
			}
		})
	}
	// The output input sends the report to a file.
	out := filepath.Join(t.TempDir(), "report.sarif")
	if code, stdout, _ := runScript(t, "action-run.sh", dir, "MTLINT="+bin, "INPUT_OUTPUT="+out); code != 0 || stdout != "" {
		t.Errorf("output: exit %d, stdout %q", code, stdout)
	}
	if b, _ := os.ReadFile(out); string(b) != "report\n" {
		t.Errorf("output file holds %q", b)
	}
}

// TestActionRunRealMtlint runs the run script with the built mtlint on a
// workspace holding the sample article: annotations, SARIF to a file, and
// the fail levels.
func TestActionRunRealMtlint(t *testing.T) {
	bin := buildBinary(t)
	ws := t.TempDir()
	sample, err := os.ReadFile(filepath.Join(repoRoot, "testdata/articles/sample.txt"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, ws, "articles/sample.txt", string(sample))
	writeFile(t, ws, "node_modules/x/readme.md", string(sample)) // skipped

	code, stdout, stderr := runScript(t, "action-run.sh", ws, "MTLINT="+bin, "GITHUB_STEP_SUMMARY="+filepath.Join(ws, "..", "summary.md"))
	if code != 1 {
		t.Fatalf("exit %d, want 1 (findings): %s", code, stderr)
	}
	if !regexp.MustCompile(`(?m)^::(error|warning) file=articles/sample\.txt,line=\d+,`).MatchString(stdout) || strings.Contains(stdout, "node_modules") {
		t.Errorf("no annotations for the sample (or node_modules checked):\n%s", stdout)
	}
	// none never fails for findings.
	if code, _, _ := runScript(t, "action-run.sh", ws, "MTLINT="+bin, "INPUT_FAIL_LEVEL=none"); code != 0 {
		t.Errorf("fail-level none: exit %d", code)
	}
	writeFile(t, ws, "clean/ok.txt", "The committee met on Tuesday and approved the budget for next year.\n")
	if code, _, stderr := runScript(t, "action-run.sh", ws, "MTLINT="+bin, "INPUT_PATHS=clean"); code != 0 {
		t.Errorf("clean directory: exit %d: %s", code, stderr)
	}
	// SARIF to a file, several paths on separate lines.
	sarif := filepath.Join(ws, "..", "mtcheck.sarif")
	code, stdout, _ = runScript(t, "action-run.sh", ws, "MTLINT="+bin, "INPUT_FORMAT=sarif", "INPUT_OUTPUT="+sarif, "INPUT_PATHS=articles\nclean\n")
	if code != 1 || stdout != "" {
		t.Errorf("sarif: exit %d, stdout %q", code, stdout)
	}
	var log struct {
		Version string
		Runs    []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct{ ArtifactLocation struct{ URI string } }
				}
			}
		}
	}
	b, _ := os.ReadFile(sarif)
	if err := json.Unmarshal(b, &log); err != nil || log.Version != "2.1.0" || len(log.Runs) != 1 || len(log.Runs[0].Results) == 0 {
		t.Fatalf("SARIF file: %v: %.300s", err, b)
	}
	if uri := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI; uri != "articles/sample.txt" {
		t.Errorf("SARIF URI %q, want the workspace-relative path", uri)
	}
	// A path that does not exist is an input error: exit 2.
	if code, _, _ := runScript(t, "action-run.sh", ws, "MTLINT="+bin, "INPUT_PATHS=missing.txt", "INPUT_FAIL_LEVEL=none"); code != 2 {
		t.Errorf("missing path: exit %d, want 2", code)
	}
}

// TestActionInstall runs the install script the way the action does (no
// version: build the action's checkout) into a temporary GOBIN.
func TestActionInstall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds mtlint")
	}
	root, _ := filepath.Abs(repoRoot)
	gobin := t.TempDir()
	ghOut := filepath.Join(t.TempDir(), "out")
	env := []string{"GITHUB_ACTION_PATH=" + root, "GOBIN=" + gobin, "GITHUB_OUTPUT=" + ghOut, "INPUT_VERSION="}
	for _, k := range []string{"GOPATH", "GOCACHE", "GOMODCACHE", "GOFLAGS", "GOPROXY", "GOTOOLCHAIN"} {
		if v := os.Getenv(k); v != "" {
			env = append(env, k+"="+v)
		}
	}
	code, stdout, stderr := runScript(t, "action-install.sh", t.TempDir(), env...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "mtlint ") {
		t.Errorf("version line %q", stdout)
	}
	if o, _ := os.ReadFile(ghOut); string(o) != "mtlint="+filepath.Join(gobin, "mtlint")+"\n" {
		t.Errorf("GITHUB_OUTPUT = %q", o)
	}
	if code, _, stderr := runScript(t, "action-install.sh", t.TempDir(), append(env, "INPUT_VERSION=main; rm -rf /")...); code != 2 || !strings.Contains(stderr, "version must be") {
		t.Errorf("bad version: exit %d, %s", code, stderr)
	}
}

// TestActionYAML checks action.yml against the scripts: a composite action
// whose shell steps call the scripts, with every input handed to them as an
// INPUT_* variable.
func TestActionYAML(t *testing.T) {
	f, err := os.Open(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var inputs, mapped, runs []string
	section := ""
	keyRE := regexp.MustCompile(`^  ([a-z-]+):\s*$`)
	envRE := regexp.MustCompile(`^\s+(INPUT_[A-Z_]+): \$\{\{ inputs\.([a-z-]+) \}\}$`)
	runRE := regexp.MustCompile(`^\s+run: '"\$GITHUB_ACTION_PATH/examples/mtlint/action/([a-z-]+\.sh)"'$`)
	composite := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, " ") && strings.HasSuffix(line, ":") {
			section = strings.TrimSuffix(line, ":")
		}
		if m := keyRE.FindStringSubmatch(line); m != nil && section == "inputs" {
			inputs = append(inputs, m[1])
		}
		if m := envRE.FindStringSubmatch(line); m != nil {
			if want := "INPUT_" + strings.ToUpper(strings.ReplaceAll(m[2], "-", "_")); m[1] != want {
				t.Errorf("%s carries inputs.%s; want %s", m[1], m[2], want)
			}
			mapped = append(mapped, m[2])
		}
		if m := runRE.FindStringSubmatch(line); m != nil {
			runs = append(runs, m[1])
		} else if strings.Contains(line, "run:") {
			t.Errorf("run step not calling a script in examples/mtlint/action/: %q", line)
		}
		if strings.TrimSpace(line) == "using: composite" {
			composite = true
		}
	}
	if !composite {
		t.Error("not a composite action")
	}
	want := map[string]bool{"paths": true, "format": true, "fail-level": true, "config": true, "version": true}
	for _, in := range inputs {
		delete(want, in)
	}
	if len(want) > 0 {
		t.Errorf("inputs missing: %v (have %v)", want, inputs)
	}
	for _, in := range inputs {
		if in == "setup-go" {
			continue // used by the setup-go step's if:
		}
		found := false
		for _, m := range mapped {
			found = found || m == in
		}
		if !found {
			t.Errorf("input %q is not passed to any script", in)
		}
	}
	if strings.Join(runs, " ") != "action-install.sh action-run.sh" {
		t.Errorf("run steps call %v", runs)
	}
	for _, s := range runs {
		fi, err := os.Stat(filepath.Join(repoRoot, "examples", "mtlint", "action", s))
		if err != nil || fi.Mode()&0o111 == 0 {
			t.Errorf("examples/mtlint/action/%s missing or not executable (%v)", s, err)
		}
	}
}
