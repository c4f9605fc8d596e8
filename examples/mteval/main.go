// Command mteval measures mtcheck's rules: precision and recall per rule over
// the annotated testdata, and false positives per 10,000 words on clean
// prose, so every change to a rule can be judged by numbers.
//
//	go run ./examples/mteval                      # testdata only
//	go run ./examples/mteval -corpus /usr/share/common-licenses -max-fp 1
//
// Annotated files under testdata/rules/<rule>/ are checked with that rule
// alone; annotated articles under testdata/articles/ (those with at least
// one expectation) with the default rules.
// The held-out sets under testdata/heldout*/, written blind to the rules'
// code, is checked with the default rules and compared leniently: a
// diagnostic meets an expectation of the same rule when it overlaps the
// expected text on the expected line.
// Clean prose (testdata/clean/ and every -corpus path: files or folders of
// plain text, Markdown and HTML, gzipped or not; Markdown and HTML are
// checked through mtcheck/markup) is checked with the default rules: every
// diagnostic there is a false positive. With -max-fp, mteval exits 1 when a
// default rule exceeds that many false positives per 10,000 words.
package main

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/markup"
	"github.com/mtcheck/mtcheck/mtcheck/mtchecktest"
	"github.com/mtcheck/mtcheck/rules"
)

type corpusList []string

func (c *corpusList) String() string     { return strings.Join(*c, ",") }
func (c *corpusList) Set(v string) error { *c = append(*c, v); return nil }

// ruleStats accumulates one rule's numbers.
type ruleStats struct {
	Rule           string  `json:"rule"`
	Default        bool    `json:"default"`
	TruePositives  int     `json:"truePositives"`
	FalsePositives int     `json:"falsePositives"`
	FalseNegatives int     `json:"falseNegatives"`
	Precision      float64 `json:"precision"`
	Recall         float64 `json:"recall"`
	HeldTP         int     `json:"heldOutTruePositives"`
	HeldFP         int     `json:"heldOutFalsePositives"`
	HeldFN         int     `json:"heldOutFalseNegatives"`
	HeldPrecision  float64 `json:"heldOutPrecision"`
	HeldRecall     float64 `json:"heldOutRecall"`
	CleanFP        int     `json:"cleanFalsePositives"`
	CleanFPPer10k  float64 `json:"cleanFalsePositivesPer10kWords"`
}

type result struct {
	CleanWords int          `json:"cleanWords"`
	Rules      []*ruleStats `json:"rules"`
	Examples   []string     `json:"cleanExamples,omitempty"`
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("mteval", flag.ContinueOnError)
	fl.SetOutput(stderr)
	testdata := fl.String("testdata", "testdata", "the testdata folder")
	var corpus corpusList
	fl.Var(&corpus, "corpus", "clean prose: a file or folder (repeatable)")
	maxFP := fl.Float64("max-fp", -1, "fail when a default rule has more false positives per 10,000 clean words (negative: never)")
	asJSON := fl.Bool("json", false, "print JSON instead of a table")
	verbose := fl.Bool("v", false, "list every false positive on clean prose")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	res, err := evaluate(*testdata, append([]string{filepath.Join(*testdata, "clean")}, corpus...), *verbose)
	if err != nil {
		fmt.Fprintln(stderr, "mteval:", err)
		return 2
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(res); err != nil {
			return 2
		}
	} else {
		printTable(stdout, res)
	}
	code := 0
	if *maxFP >= 0 {
		for _, st := range res.Rules {
			if st.Default && st.CleanFPPer10k > *maxFP {
				fmt.Fprintf(stderr, "mteval: %s: %.2f false positives per 10,000 words on clean prose (limit %.2f)\n", st.Rule, st.CleanFPPer10k, *maxFP)
				code = 1
			}
		}
	}
	return code
}

func evaluate(testdata string, clean []string, verbose bool) (*result, error) {
	defaults := map[string]bool{}
	for _, r := range rules.Default() {
		defaults[r.Name] = true
	}
	stats := map[string]*ruleStats{}
	var order []string
	for _, r := range rules.All() {
		stats[r.Name] = &ruleStats{Rule: r.Name, Default: defaults[r.Name]}
		order = append(order, r.Name)
	}
	def, err := mtcheck.New(rules.Default())
	if err != nil {
		return nil, err
	}
	ctx := context.Background()

	// Annotated testdata.
	annotated, err := filepath.Glob(filepath.Join(testdata, "rules", "*", "*.txt"))
	if err != nil {
		return nil, err
	}
	articles, _ := filepath.Glob(filepath.Join(testdata, "articles", "*.txt"))
	for _, path := range append(annotated, articles...) {
		c := def
		if ruleName := filepath.Base(filepath.Dir(path)); filepath.Base(filepath.Dir(filepath.Dir(path))) == "rules" {
			r := rules.ByName(ruleName)
			if r == nil {
				// Fixtures of rule kinds built from user specs (phrase
				// rules) have no built-in rule to measure.
				continue
			}
			if c, err = mtcheck.New([]*mtcheck.Rule{r}); err != nil {
				return nil, err
			}
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		f, err := mtchecktest.Parse(string(data))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if c == def && len(f.Wants) == 0 {
			continue // an article without expectations is a sample, not a test
		}
		rep, err := c.Check(ctx, f.Text)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		cmp := mtchecktest.Compare(f, rep)
		for _, d := range cmp.Matched {
			stat(stats, &order, d.Rule).TruePositives++
		}
		for _, d := range cmp.Unexpected {
			stat(stats, &order, d.Rule).FalsePositives++
		}
		for _, w := range cmp.Missing {
			stat(stats, &order, w.Rule).FalseNegatives++
		}
	}

	// Held-out articles, compared leniently.
	heldout, _ := filepath.Glob(filepath.Join(testdata, "heldout*", "*.txt"))
	for _, path := range heldout {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		f, err := mtchecktest.Parse(string(data))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		rep, err := def.Check(ctx, f.Text)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		tp, fp, fn := compareLenient(f, rep)
		for _, d := range tp {
			stat(stats, &order, d.Rule).HeldTP++
		}
		for _, d := range fp {
			stat(stats, &order, d.Rule).HeldFP++
			if verbose {
				pos := rep.Position(d.Start)
				fmt.Fprintf(os.Stderr, "held-out FP %s:%d:%d: %s %q\n", path, f.FileLine(pos.Line), pos.Column, d.Rule, excerpt(f.Text, d.Span))
			}
		}
		for _, w := range fn {
			stat(stats, &order, w.Rule).HeldFN++
			if verbose {
				fmt.Fprintf(os.Stderr, "held-out FN %s:%d: %s %q\n", path, w.Line, w.Rule, w.Text)
			}
		}
	}

	// Clean prose.
	res := &result{}
	for _, root := range clean {
		err := walkText(root, func(path, text string) error {
			if err := mtcheck.ValidateText([]byte(text)); err != nil {
				return nil // not prose we can check; skip quietly
			}
			kind := markup.KindFromPath(strings.TrimSuffix(path, ".gz"))
			rep, err := markup.Check(ctx, def, kind, text)
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			res.CleanWords += rep.Words
			for _, d := range rep.Diagnostics {
				stat(stats, &order, d.Rule).CleanFP++
				if verbose {
					pos := rep.Position(d.Start)
					res.Examples = append(res.Examples, fmt.Sprintf("%s:%d:%d: %s %q (%.2f) %s", path, pos.Line, pos.Column, d.Rule, excerpt(text, d.Span), d.Confidence, d.Message))
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	for _, name := range order {
		st := stats[name]
		st.Precision = ratio(st.TruePositives, st.TruePositives+st.FalsePositives)
		st.Recall = ratio(st.TruePositives, st.TruePositives+st.FalseNegatives)
		st.HeldPrecision = ratio(st.HeldTP, st.HeldTP+st.HeldFP)
		st.HeldRecall = ratio(st.HeldTP, st.HeldTP+st.HeldFN)
		if res.CleanWords > 0 {
			st.CleanFPPer10k = 10000 * float64(st.CleanFP) / float64(res.CleanWords)
		}
		res.Rules = append(res.Rules, st)
	}
	return res, nil
}

// compareLenient matches diagnostics with expectations of the same rule
// whose text, found on the expected line, the diagnostic overlaps.
func compareLenient(f *mtchecktest.File, rep *mtcheck.Report) (tp []mtcheck.Diagnostic, fp []mtcheck.Diagnostic, fn []mtchecktest.Want) {
	doc := rep.Document()
	spans := make([]mtcheck.Span, len(f.Wants))
	for i, w := range f.Wants {
		spans[i] = mtcheck.Span{Start: -1, End: -1}
		for n := 1; n <= doc.LineCount(); n++ {
			if f.FileLine(n) != w.Line {
				continue
			}
			ln := doc.Line(n)
			if k := strings.Index(f.Text[ln.Start:], w.Text); k >= 0 {
				spans[i] = mtcheck.Span{Start: ln.Start + k, End: ln.Start + k + len(w.Text)}
			}
			break
		}
	}
	met := make([]bool, len(f.Wants))
	for _, d := range rep.Diagnostics {
		ok := false
		for i, w := range f.Wants {
			if !met[i] && w.Rule == d.Rule && spans[i].Start >= 0 && (d.Overlaps(spans[i]) || d.Len() == 0 && spans[i].Contains(d.Span)) {
				met[i], ok = true, true
				break
			}
		}
		if ok {
			tp = append(tp, d)
		} else {
			fp = append(fp, d)
		}
	}
	for i, w := range f.Wants {
		if !met[i] {
			fn = append(fn, w)
		}
	}
	return tp, fp, fn
}

func stat(stats map[string]*ruleStats, order *[]string, name string) *ruleStats {
	st, ok := stats[name]
	if !ok {
		st = &ruleStats{Rule: name}
		stats[name] = st
		*order = append(*order, name)
	}
	return st
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func excerpt(text string, s mtcheck.Span) string {
	const max = 80
	if s.Len() <= max {
		return text[s.Start:s.End]
	}
	end := s.Start + max
	for end > s.Start && end < len(text) && text[end]&0xC0 == 0x80 {
		end--
	}
	return text[s.Start:end] + "…"
}

// walkText calls fn for every text file under root (or root itself):
// plain text (.txt or no extension), Markdown and HTML, gzipped or not;
// files with other extensions are skipped.
func walkText(root string, fn func(path, text string) error) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && path == root {
				return fmt.Errorf("corpus %s does not exist", root)
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		ext := strings.ToLower(filepath.Ext(path))
		switch ext {
		case ".txt", ".gz", "", ".md", ".markdown", ".html", ".htm":
		default:
			return nil
		}
		var data []byte
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		if ext == ".gz" {
			zr, err := gzip.NewReader(f)
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			data, err = io.ReadAll(zr)
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
		} else if data, err = io.ReadAll(f); err != nil {
			return err
		}
		return fn(path, string(data))
	})
}

func printTable(w io.Writer, res *result) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "rule\tdefault\tTP\tFP\tFN\tprecision\trecall\theld-out TP/FP/FN\tprecision\trecall\tclean FP\tFP/10k words\t")
	names := make([]string, 0, len(res.Rules))
	byName := map[string]*ruleStats{}
	for _, st := range res.Rules {
		names = append(names, st.Rule)
		byName[st.Rule] = st
	}
	sort.Strings(names)
	for _, n := range names {
		st := byName[n]
		fmt.Fprintf(tw, "%s\t%v\t%d\t%d\t%d\t%.3f\t%.3f\t%d/%d/%d\t%.3f\t%.3f\t%d\t%.2f\t\n", st.Rule, st.Default, st.TruePositives, st.FalsePositives, st.FalseNegatives, st.Precision, st.Recall,
			st.HeldTP, st.HeldFP, st.HeldFN, st.HeldPrecision, st.HeldRecall, st.CleanFP, st.CleanFPPer10k)
	}
	tw.Flush()
	fmt.Fprintf(w, "clean prose: %d words\n", res.CleanWords)
	for _, e := range res.Examples {
		fmt.Fprintln(w, "  "+e)
	}
}
