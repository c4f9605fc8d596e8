package format

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// sarifSchema compiles the SARIF 2.1.0 schema kept in testdata: the
// official OASIS schema (errata01) with every constraint unchanged and the
// description annotations dropped (see the file's description).
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(goldenDir + "/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const url = "https://example.invalid/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validateSARIF(t *testing.T, s *jsonschema.Schema, out []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("SARIF output is not JSON: %v", err)
	}
	if err := s.Validate(v); err != nil {
		t.Errorf("SARIF output fails the schema: %v\n%s", err, out)
	}
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	s := sarifSchema(t)
	f, _ := Lookup("sarif")
	for name, results := range map[string][]Result{
		"fixture": fixtureResults(t),
		"empty":   nil,
		"stdin":   {{Path: StdinName, Report: fixtureResults(t)[0].Report}},
		"odd path": {{Path: "/elsewhere/dir with space/a:b.txt", Report: fixtureResults(t)[0].Report},
			{Path: "rel/ünï.txt", Report: fixtureResults(t)[2].Report}},
	} {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			if err := f.Format(&out, results, fixtureOptions(nil)); err != nil {
				t.Fatal(err)
			}
			validateSARIF(t, s, out.Bytes())
		})
	}
	// The schema is not a rubber stamp: a broken log fails.
	var out bytes.Buffer
	f.Format(&out, fixtureResults(t), fixtureOptions(nil))
	broken := strings.Replace(out.String(), `"level": "warning"`, `"level": "serious"`, 1)
	v, _ := jsonschema.UnmarshalJSON(strings.NewReader(broken))
	if s.Validate(v) == nil {
		t.Error("schema accepted an invalid level")
	}
	broken = strings.Replace(out.String(), `"startLine": 1`, `"startLine": 0`, 1)
	v, _ = jsonschema.UnmarshalJSON(strings.NewReader(broken))
	if s.Validate(v) == nil {
		t.Error("schema accepted line 0")
	}
}

// TestSARIFGitHubRequirements checks what GitHub code scanning needs beyond
// the schema: rule metadata, repository-relative URIs, 1-based UTF-16
// columns with an exclusive end, and stable fingerprints.
func TestSARIFGitHubRequirements(t *testing.T) {
	f, _ := Lookup("sarif")
	var out bytes.Buffer
	results := fixtureResults(t)
	results[0].Path = "/repo/docs/a.txt" // absolute inside BaseDir
	if err := f.Format(&out, results, fixtureOptions(nil)); err != nil {
		t.Fatal(err)
	}
	var log sarifDecoded
	if err := json.Unmarshal(out.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != "mtcheck" || run.Tool.Driver.InformationURI == "" || run.Tool.Driver.Version == "" {
		t.Errorf("driver = %+v", run.Tool.Driver)
	}
	for _, r := range run.Tool.Driver.Rules {
		if r.ID == "" || r.ShortDescription.Text == "" || r.FullDescription.Text == "" || r.Help.Text == "" || r.DefaultConfiguration.Level == "" {
			t.Errorf("incomplete rule descriptor %+v", r)
		}
	}
	if len(run.Results) != 4 {
		t.Fatalf("%d results", len(run.Results))
	}
	r := run.Results[1] // "twice.Guests" after é, curly quotes and an emoji
	loc := r.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "docs/a.txt" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
		t.Errorf("artifact = %+v", loc.ArtifactLocation)
	}
	// "The café “opened” at noon 🙂 " is 28 UTF-16 units (the emoji is 2).
	if reg := loc.Region; reg.StartLine != 2 || reg.StartColumn != 30 || reg.EndColumn != 42 || reg.CharLength != 12 {
		t.Errorf("region = %+v", reg)
	}
	if run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
		t.Errorf("ruleIndex %d does not point at %s", r.RuleIndex, r.RuleID)
	}
	// Fingerprints ignore line numbers: moving the text down a line keeps them.
	moved := "\n" + fixtureText
	var diags []mtcheck.Diagnostic
	for _, d := range results[0].Report.Diagnostics {
		d.Span = mtcheck.Span{Start: d.Start + 1, End: d.End + 1}
		for i := range d.Fixes {
			d.Fixes[i].Edits = append([]mtcheck.TextEdit(nil), d.Fixes[i].Edits...)
			for j := range d.Fixes[i].Edits {
				d.Fixes[i].Edits[j].Span = mtcheck.Span{Start: d.Fixes[i].Edits[j].Start + 1, End: d.Fixes[i].Edits[j].End + 1}
			}
		}
		d.Related = nil
		diags = append(diags, d)
	}
	var out2 bytes.Buffer
	f.Format(&out2, []Result{{Path: "docs/a.txt", Report: mtcheck.NewReport(mtcheck.NewDocument(moved), diags)}}, fixtureOptions(nil))
	var log2 sarifDecoded
	json.Unmarshal(out2.Bytes(), &log2)
	for i, r2 := range log2.Runs[0].Results {
		if a, b := run.Results[i].PartialFingerprints["mtcheck/v1"], r2.PartialFingerprints["mtcheck/v1"]; a != b || a == "" {
			t.Errorf("result %d: fingerprint changed when the text moved: %s vs %s", i, a, b)
		}
		if r2.Locations[0].PhysicalLocation.Region.StartLine != run.Results[i].Locations[0].PhysicalLocation.Region.StartLine+1 {
			t.Errorf("result %d did not move", i)
		}
	}
	// Two findings of one rule on the same text differ by occurrence.
	if Fingerprint("r", "x", 0) == Fingerprint("r", "x", 1) {
		t.Error("occurrence index not in fingerprint")
	}
}

// sarifDecoded reads back what the sarif format wrote.
type sarifDecoded struct {
	Runs []struct {
		Tool    sarifTool
		Results []sarifResult
	}
}
