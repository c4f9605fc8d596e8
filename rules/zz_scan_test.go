package rules

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mtcheck/mtcheck/mtcheck"
)

func TestZZScan(t *testing.T) {
	path := os.Getenv("SCAN")
	if path == "" {
		t.Skip()
	}
	r := ByName(os.Getenv("RULE"))
	if r == nil {
		r = MissingSpace
	}
	data, _ := os.ReadFile(path)
	c, _ := mtcheck.New([]*mtcheck.Rule{r})
	data = []byte(strings.ToValidUTF8(string(data), "?"))
	total := 0
	for _, doc := range strings.Split(string(data), "\f\n") {
		data := []byte(doc)
		rep, err := c.Check(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		total += len(rep.Diagnostics)
		for _, d := range rep.Diagnostics {
			s, e := d.Start-30, d.End+30
			if s < 0 {
				s = 0
			}
			if e > len(data) {
				e = len(data)
			}
			fmt.Printf("%.2f %q   ...%q\n", d.Confidence, string(data[d.Start:d.End]), string(data[s:e]))
		}
	}
	fmt.Println("total", total)
}

func BenchmarkZZNoop(b *testing.B) {
	mspBench(b, &mtcheck.Rule{Name: "noop", Category: mtcheck.Spacing, Run: func(*mtcheck.Pass) error { return nil }})
}

func TestZZCPU(t *testing.T) {
	if os.Getenv("CPUT") == "" {
		t.Skip()
	}
	var sb strings.Builder
	files, _ := filepath.Glob("../testdata/clean/*.txt")
	files = append(files, "../testdata/rules/missing-space/positive.txt", "../testdata/rules/repeated-word/positive.txt")
	for sb.Len() < 1<<20 {
		for _, f := range files {
			data, _ := os.ReadFile(f)
			sb.Write(data)
			sb.WriteString("\n\n")
		}
	}
	text := sb.String()
	clean := ""
	for len(clean) < 1<<20 {
		for _, f := range files[:5] {
			data, _ := os.ReadFile(f)
			clean += string(data) + "\n\n"
		}
	}
	for _, r := range []*mtcheck.Rule{MissingSpace, RepeatedWord} {
		for name, txt := range map[string]string{"mixed": text, "clean": clean} {
			doc := mtcheck.NewDocument(txt)
			_ = doc
			var ru1, ru2 syscall.Rusage
			n := 100
			syscall.Getrusage(syscall.RUSAGE_SELF, &ru1)
			for i := 0; i < n; i++ {
				p := &mtcheck.Pass{Rule: r, Doc: doc}
				r.Run(p)
			}
			syscall.Getrusage(syscall.RUSAGE_SELF, &ru2)
			cpu := time.Duration(ru2.Utime.Nano() - ru1.Utime.Nano())
			fmt.Printf("%s %s: %.1f MB/s CPU\n", r.Name, name, float64(len(txt)*n)/1e6/cpu.Seconds())
		}
	}
}
