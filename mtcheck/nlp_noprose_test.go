//go:build mtcheck_noprose

package mtcheck

import (
	"context"
	"strings"
	"testing"
)

// In a build without prose, rules that need no layer run as usual and a rule
// that needs one is refused when the Checker is built, not silently starved.
func TestNoProseBuild(t *testing.T) {
	if LayersAvailable {
		t.Fatal("LayersAvailable is true in an mtcheck_noprose build")
	}
	cheap := &Rule{Name: "cheap", Run: func(p *Pass) error {
		p.Reportf(Span{0, 5}, 1, nil, "found")
		return nil
	}}
	c, err := New([]*Rule{cheap})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := c.Check(context.Background(), "Hello world.")
	if err != nil || len(rep.Diagnostics) != 1 {
		t.Fatalf("cheap rule: %v, %v", rep, err)
	}
	needy := &Rule{Name: "needy", Needs: NeedSentences | NeedTags, Run: func(*Pass) error { return nil }}
	_, err = New([]*Rule{cheap, needy})
	if err == nil || !strings.Contains(err.Error(), "needy") || !strings.Contains(err.Error(), "mtcheck_noprose") {
		t.Fatalf("New with a rule needing layers: err = %v, want a refusal naming the rule and the tag", err)
	}
	// Registered but not enabled: no refusal.
	if _, err := New([]*Rule{cheap}, WithRegistry([]*Rule{needy})); err != nil {
		t.Fatalf("needy rule only registered: %v", err)
	}
}
