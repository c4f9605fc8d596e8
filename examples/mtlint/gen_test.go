package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cleanParagraphs returns the paragraphs of testdata/clean, correct prose
// the generated inputs are made of.
func cleanParagraphs(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("../../testdata/clean/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/clean files (%v)", err)
	}
	var paras []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range strings.Split(string(b), "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				paras = append(paras, p)
			}
		}
	}
	return paras
}

// artefactSnippets are damage of the kinds the rules look for, in our own
// words, mixed into generated articles.
var artefactSnippets = []string{
	"The new bridge opened on Monday.Drivers queued for an hour.",
	"Share post:",
	"The mayor said the ferry would run all year. rice field.",
	"“”We will not stop now. “",
	"Source link",
	"The harbour master, Olafsson, said the ice had gone. Olafssonn said the boats were ready.",
}

// genArticles writes n articles of about 3 to 5 KB into dir (in a few
// sub-directories), each made of clean paragraphs with artefacts mixed in;
// it returns their total size.
func genArticles(t testing.TB, dir string, n int) int64 {
	t.Helper()
	paras := cleanParagraphs(t)
	var total int64
	for i := 0; i < n; i++ {
		var b strings.Builder
		target := 3000 + (i*137)%2000
		for j := 0; b.Len() < target; j++ {
			b.WriteString(paras[(i*7+j*3)%len(paras)])
			if (i+j)%4 == 0 {
				b.WriteString(" ")
				b.WriteString(artefactSnippets[(i+j)%len(artefactSnippets)])
			}
			b.WriteString("\n\n")
		}
		sub := filepath.Join(dir, fmt.Sprintf("section%02d", i%10))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("article%04d.txt", i)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		total += int64(b.Len())
	}
	return total
}
