package rules

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/mtchecktest"
)

func nmcCheck(t testing.TB, r *mtcheck.Rule, text string) []mtcheck.Diagnostic {
	t.Helper()
	c, err := mtcheck.New([]*mtcheck.Rule{r})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := c.Check(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	return rep.Diagnostics
}

func TestNameConsistencySeed(t *testing.T) {
	text := mtchecktest.Seed(t)
	var got []string
	for _, d := range nmcCheck(t, NameConsistency, text) {
		got = append(got, d.Text(text))
		t.Logf("%s (%.2f): %s", d.Text(text), d.Confidence, d.Message)
		if d.Text(text) == "Stoltemberg" {
			if len(d.Related) != 4 {
				t.Errorf("related spans: got %d, want the 4 \"Stoltenberg\"s", len(d.Related))
			}
			for _, r := range d.Related {
				if r.Text(text) != "Stoltenberg" {
					t.Errorf("related span %v covers %q", r, r.Text(text))
				}
			}
		}
	}
	if strings.Join(got, "|") != "Stoltemberg" {
		t.Errorf("seed: got %q, want only \"Stoltemberg\"", got)
	}
}

func TestNameConsistencyFixtures(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/name-consistency/positive.txt", NameConsistency)
	mtchecktest.Run(t, "../testdata/rules/name-consistency/negative.txt", NameConsistency)
	mtchecktest.Run(t, "../testdata/rules/name-consistency/positive_variants.txt", NameConsistency)
}

var _ = os.ReadFile
