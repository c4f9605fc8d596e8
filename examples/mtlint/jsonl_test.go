package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/format"
)

// tSlow sleeps a time that depends on the text, so that lines finish out of
// order across workers and the reorder buffer has work to do.
var tSlow = &mtcheck.Rule{Name: "t-slow", Doc: "Sleeps.", Category: mtcheck.Spacing,
	Run: func(p *mtcheck.Pass) error {
		h := fnv.New32a()
		h.Write([]byte(p.Text()))
		time.Sleep(time.Duration(h.Sum32()%100) * time.Microsecond)
		return nil
	}}

func useSlowTestRules(t testing.TB) {
	t.Helper()
	old := ruleSets
	ruleSets = func() (all, def []*mtcheck.Rule) {
		return []*mtcheck.Rule{tGlue, tBoiler, tInfo, tOptIn, tSlow}, []*mtcheck.Rule{tGlue, tBoiler, tInfo, tSlow}
	}
	t.Cleanup(func() { ruleSets = old })
}

// jsonlOut is an output line as the tests read it.
type jsonlOut struct {
	ID      json.RawMessage `json:"id"`
	Line    int             `json:"line"`
	Error   string          `json:"error"`
	MTCheck *struct {
		Score       *float64                `json:"score"`
		Words       *int                    `json:"words"`
		Diagnostics []format.JSONDiagnostic `json:"diagnostics"`
	} `json:"mtcheck"`
}

func jsonlSplit(t testing.TB, out string) []string {
	t.Helper()
	if out == "" {
		return nil
	}
	if !strings.HasSuffix(out, "\n") {
		t.Fatalf("output does not end with a newline: %q", out[max(0, len(out)-80):])
	}
	return strings.Split(strings.TrimSuffix(out, "\n"), "\n")
}

func decodeOut(t testing.TB, line string) jsonlOut {
	t.Helper()
	var o jsonlOut
	if err := json.Unmarshal([]byte(line), &o); err != nil {
		t.Fatalf("output line is not JSON (%v): %.200s", err, line)
	}
	return o
}

func TestJSONLOrderAndPassthrough(t *testing.T) {
	useSlowTestRules(t)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4)) // several workers even on a small machine
	texts := []string{
		"The council met on Monday.Officials said the plan was ready.",
		"A very ordinary sentence.",
		"Share post:",
		"Ça va très bien.Merci — “quoted” text with ü and 日本.",
		strings.Repeat("Word after word. ", 300),
	}
	var in strings.Builder
	const n = 3000
	for i := 0; i < n; i++ {
		// Extra members before and after text, odd spacing, nested values:
		// all must come out byte for byte.
		fmt.Fprintf(&in, `{"id": %d, "meta":{"b":[1,2,{"c":null}],"a":"x"},"text":%s ,"zeta":true}`+"\n", i, mustJSON(t, texts[i%len(texts)]))
	}
	r := runArgs(t, in.String(), "-jsonl")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("code %d, stderr %q", r.code, r.stderr)
	}
	lines := jsonlSplit(t, r.stdout)
	if len(lines) != n {
		t.Fatalf("%d output lines for %d input lines", len(lines), n)
	}
	inLines := strings.Split(strings.TrimSuffix(in.String(), "\n"), "\n")
	_, checker := testProject(t)
	for i, line := range lines {
		// The input object minus its closing brace is a prefix of the output.
		prefix := strings.TrimSuffix(inLines[i], "}")
		if !strings.HasPrefix(line, prefix+`,"mtcheck":{`) {
			t.Fatalf("line %d: input not passed through unchanged:\n in: %.200s\nout: %.200s", i+1, inLines[i], line)
		}
		o := decodeOut(t, line)
		if string(o.ID) != fmt.Sprint(i) {
			t.Fatalf("line %d has id %s: order lost", i+1, o.ID)
		}
		if i < len(texts) {
			// Diagnostics are exactly those of -format json for the text.
			rep, err := checker.Check(t.Context(), texts[i])
			if err != nil {
				t.Fatal(err)
			}
			want := format.NewJSONFile(format.Result{Report: rep})
			got, _ := json.Marshal(o.MTCheck.Diagnostics)
			exp, _ := json.Marshal(want.Diagnostics)
			if string(got) != string(exp) || *o.MTCheck.Score != *want.Score || *o.MTCheck.Words != *want.Words {
				t.Errorf("line %d: mtcheck = %s score %v words %v; want %s score %v words %v", i+1, got, *o.MTCheck.Score, *o.MTCheck.Words, exp, *want.Score, *want.Words)
			}
		}
	}
	first := decodeOut(t, lines[0])
	if len(first.MTCheck.Diagnostics) != 1 || first.MTCheck.Diagnostics[0].Rule != "t-glue" {
		t.Errorf("first line diagnostics = %+v", first.MTCheck.Diagnostics)
	}
	// Offsets count bytes of the decoded text, columns characters.
	d := decodeOut(t, lines[3]).MTCheck.Diagnostics
	if len(d) != 1 || texts[3][d[0].Start:d[0].End] != "n.M" || d[0].Column != len([]rune(texts[3][:d[0].Start]))+1 {
		t.Errorf("diagnostics of a non-ASCII text = %+v", d)
	}
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestJSONLMalformedLines(t *testing.T) {
	useTestRules(t)
	in := strings.Join([]string{
		`{"id":1,"text":"Good.Text"}`,              // 1 checked
		`not json`,                                 // 2
		`{"id":"b","text":5}`,                      // 3 text not a string
		`{"id":[1,"x"],"title":"no text"}`,         // 4 missing text
		`["text","array"]`,                         // 5 not an object
		`{"id":6,"text":"one"} {"id":7}`,           // 6 two values
		`{"id":8,"text":"unterminated`,             // 7 truncated
		"{\"id\":9,\"text\":\"bad \xff byte\"}",    // 8 invalid UTF-8 in the text
		`{"id":10,"text":"lone \ud800 surrogate"}`, // 9 unpaired surrogate
		`{"id":11,"text":"NUL \u0000 inside"}`,     // 10 NUL
		``,                                         // 11 blank: skipped
		`   `,                                      // 12 blank: skipped
		`{"id":13,"text":"pair \ud83d\ude00 ok.And \\u"}`,   // 13 checked: a valid pair and an escaped backslash
		`{"id":14,"text":"x","mtcheck":{"old":true},"y":2}`, // 14 old member replaced
		`{"text":"","id":15}`,                               // 15 empty text is fine
		"{\"id\":16,\"text\":\"crlf\"}\r",                   // 16 CRLF line end
		`{"id":17,"text":"last line, no newline"}`,
	}, "\n")
	r := runArgs(t, in, "-jsonl")
	if r.code != 0 {
		t.Fatalf("code %d: %s", r.code, r.stderr)
	}
	lines := jsonlSplit(t, r.stdout)
	want := []struct {
		line  int
		id    string
		error string // substring; "" for a checked line
	}{
		{0, "1", ""},
		{2, "", "invalid JSON"},
		{3, `"b"`, `"text" is not a string`},
		{4, `[1,"x"]`, `missing "text"`},
		{5, "", "not a JSON object"},
		{6, "6", "more data after the object"},
		{7, "8", "unexpected end of line"},
		{8, "9", "invalid UTF-8 at byte 20"},
		{9, "10", "unpaired UTF-16 surrogate"},
		{10, "11", "NUL byte"},
		{0, "13", ""},
		{0, "14", ""},
		{0, "15", ""},
		{0, "16", ""},
		{0, "17", ""},
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), r.stdout)
	}
	for i, w := range want {
		o := decodeOut(t, lines[i])
		if string(o.ID) != w.id {
			t.Errorf("output %d: id %s, want %s (%s)", i, o.ID, w.id, lines[i])
		}
		if w.error == "" {
			if o.Error != "" || o.MTCheck == nil || o.MTCheck.Score == nil {
				t.Errorf("output %d: want a checked line, got %s", i, lines[i])
			}
			continue
		}
		if o.Line != w.line || !strings.Contains(o.Error, w.error) || o.MTCheck != nil {
			t.Errorf("output %d: got %s, want line %d and error containing %q", i, lines[i], w.line, w.error)
		}
	}
	if got := lines[11]; got != `{"id":14,"text":"x","y":2,"mtcheck":{"score":100,"words":1,"diagnostics":[]}}` {
		t.Errorf("old mtcheck member not replaced: %s", got)
	}
	if d := decodeOut(t, lines[10]).MTCheck.Diagnostics; len(d) != 1 || d[0].Rule != "t-glue" {
		t.Errorf("surrogate pair line: %+v", d)
	}
}

func TestJSONLEmptyInput(t *testing.T) {
	useTestRules(t)
	for _, in := range []string{"", "\n", "\n\n  \n\r\n"} {
		r := runArgs(t, in, "-jsonl")
		if r.code != 0 || r.stdout != "" || r.stderr != "" {
			t.Errorf("input %q: code %d, stdout %q, stderr %q", in, r.code, r.stdout, r.stderr)
		}
	}
}

func TestJSONLUsage(t *testing.T) {
	useTestRules(t)
	for _, args := range [][]string{{"-jsonl", "file.txt"}, {"-jsonl", "-fix"}, {"-jsonl", "-max-line", "0"}} {
		if r := runArgs(t, "", args...); r.code != 2 {
			t.Errorf("%v: code %d", args, r.code)
		}
	}
}

// TestJSONLLongLine checks a 50 MB line (no scanner limit) and a line over
// -max-line (an error object, and the next line is still checked).
func TestJSONLLongLine(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB line")
	}
	useTestRules(t)
	const size = 50 << 20
	var b bytes.Buffer
	b.Grow(size + 256)
	b.WriteString(`{"id":"big","text":"`)
	for b.Len() < size {
		b.WriteString("word after word in one long line without end ")
	}
	b.WriteString("the end.Final words\"}\n")
	b.WriteString(`{"id":"after","text":"Short.Line"}` + "\n")
	var out, errb bytes.Buffer
	if code := run([]string{"-jsonl"}, &b, &out, &errb); code != 0 {
		t.Fatalf("code %d: %s", code, errb.String())
	}
	lines := jsonlSplit(t, out.String())
	if len(lines) != 2 {
		t.Fatalf("%d lines", len(lines))
	}
	big := decodeOut(t, lines[0])
	if string(big.ID) != `"big"` || big.MTCheck == nil || len(big.MTCheck.Diagnostics) != 1 || big.MTCheck.Diagnostics[0].Rule != "t-glue" {
		t.Fatalf("50 MB line: %.300s", lines[0])
	}
	if len(lines[0]) < size {
		t.Errorf("50 MB line not passed through: %d bytes out", len(lines[0]))
	}

	// Over the limit: an error with the id read from the line's start, then
	// the reader skips to the next newline.
	in := `{"id":"long","text":"` + strings.Repeat("x", 5000) + "\"}\n" +
		`{"id":"next","text":"Next.Line"}` + "\n" +
		`{"text":"` + strings.Repeat("y", 5000) // over the limit, no newline, no id
	r := runArgs(t, in, "-jsonl", "-max-line", "1000")
	lines = jsonlSplit(t, r.stdout)
	if r.code != 0 || len(lines) != 3 {
		t.Fatalf("code %d, output %q", r.code, r.stdout)
	}
	if o := decodeOut(t, lines[0]); o.Line != 1 || string(o.ID) != `"long"` || !strings.Contains(o.Error, "-max-line (1000 bytes)") {
		t.Errorf("too long: %s", lines[0])
	}
	if o := decodeOut(t, lines[1]); string(o.ID) != `"next"` || o.MTCheck == nil || len(o.MTCheck.Diagnostics) != 1 {
		t.Errorf("line after a too-long line: %s", lines[1])
	}
	if o := decodeOut(t, lines[2]); o.Line != 3 || o.ID != nil || !strings.Contains(o.Error, "-max-line") {
		t.Errorf("too long last line: %s", lines[2])
	}
	// Exactly at the limit is fine.
	exact := `{"text":"` + strings.Repeat("z", 989) + `"}`
	if len(exact) != 1000 {
		t.Fatal(len(exact))
	}
	for _, in := range []string{exact, exact + "\n", exact + "\r\n"} {
		r = runArgs(t, in, "-jsonl", "-max-line", "1000")
		if o := decodeOut(t, strings.TrimSpace(r.stdout)); o.MTCheck == nil {
			t.Errorf("line of exactly -max-line bytes (%q end): %.200s", in[1000:], r.stdout)
		}
	}
}

// lazyLines generates n input lines on demand, so a test can feed more
// input than it holds.
type lazyLines struct {
	n, i int
	buf  []byte
}

func (l *lazyLines) Read(p []byte) (int, error) {
	for len(l.buf) == 0 {
		if l.i == l.n {
			return 0, io.EOF
		}
		l.buf = fmt.Appendf(l.buf[:0], `{"id":%d,"text":"Line number %d is here.And %s"}`+"\n", l.i, l.i, strings.Repeat("pad ", l.i%50))
		l.i++
	}
	n := copy(p, l.buf)
	l.buf = l.buf[n:]
	return n, nil
}

// slowCounter counts output lines and checks their order, slowly at first so
// the window fills up.
type slowCounter struct {
	lines int
	err   error
	rest  []byte
}

func (s *slowCounter) Write(p []byte) (int, error) {
	if s.lines < 50 {
		time.Sleep(2 * time.Millisecond)
	}
	s.rest = append(s.rest, p...)
	for {
		i := bytes.IndexByte(s.rest, '\n')
		if i < 0 {
			break
		}
		var o struct{ ID int }
		if err := json.Unmarshal(s.rest[:i], &o); err != nil || o.ID != s.lines {
			if s.err == nil {
				s.err = fmt.Errorf("output line %d: %s", s.lines, s.rest[:i])
			}
		}
		s.lines++
		s.rest = s.rest[i+1:]
	}
	return len(p), nil
}

// TestJSONLBoundedMemory streams 100,000 lines through the filter and checks
// that the lines in flight and the reorder buffer never exceed the window,
// and that the heap does not grow with the input.
func TestJSONLBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("100,000 lines")
	}
	useSlowTestRules(t)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	var peakLines, peakPending int
	jsonlObserve = func(lines, pending int) { peakLines, peakPending = lines, pending }
	defer func() { jsonlObserve = nil }()

	runtime.GC() // earlier tests may have left a high GC target
	var maxHeap uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				maxHeap = max(maxHeap, ms.HeapInuse)
			}
		}
	}()
	in := &lazyLines{n: 100000}
	out := &slowCounter{}
	var errb bytes.Buffer
	code := run([]string{"-jsonl"}, in, out, &errb)
	close(stop)
	<-sampled
	if code != 0 || out.err != nil || out.lines != in.n {
		t.Fatalf("code %d, %d lines out, order error %v, stderr %s", code, out.lines, out.err, errb.String())
	}
	window := 4 * runtime.GOMAXPROCS(0)
	t.Logf("window %d: peak %d lines in flight, peak reorder buffer %d, peak heap in use %.1f MB", window, peakLines, peakPending, float64(maxHeap)/1e6)
	if peakLines > window || peakPending > window || peakLines < 2 {
		t.Errorf("peak in flight %d, reorder buffer %d; window %d", peakLines, peakPending, window)
	}
	// ~15 MB of input; the heap must stay far below it (the prose model and
	// the checker are loaded once, and lazily, but the test rules need none).
	if maxHeap > 16<<20 {
		t.Errorf("heap in use reached %d bytes", maxHeap)
	}
}

type failWriter struct{ after int }

func (f *failWriter) Write(p []byte) (int, error) {
	if f.after <= 0 {
		return 0, errors.New("disk full")
	}
	f.after--
	return len(p), nil
}

type failReader struct {
	r   io.Reader
	err error
}

func (f *failReader) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err == io.EOF {
		return n, f.err
	}
	return n, err
}

func TestJSONLIOErrors(t *testing.T) {
	useTestRules(t)
	var errb bytes.Buffer
	// A failing stdout: exit 2, and the reader stops instead of hanging.
	code := run([]string{"-jsonl"}, &lazyLines{n: 100000}, &failWriter{}, &errb)
	if code != 2 || !strings.Contains(errb.String(), "writing output: disk full") {
		t.Errorf("stdout failure: code %d, stderr %q", code, errb.String())
	}
	// A failing stdin: what was read is written, then exit 2.
	errb.Reset()
	var out bytes.Buffer
	code = run([]string{"-jsonl"}, &failReader{strings.NewReader(`{"id":1,"text":"a"}` + "\n"), errors.New("connection reset")}, &out, &errb)
	if code != 2 || !strings.Contains(errb.String(), "reading standard input: connection reset") || !strings.Contains(out.String(), `"id":1`) {
		t.Errorf("stdin failure: code %d, stdout %q, stderr %q", code, out.String(), errb.String())
	}
}

// genJSONL writes n lines of generated articles: clean paragraphs with
// artefacts mixed in.
func genJSONL(t testing.TB, path string, n int) {
	t.Helper()
	paras := cleanParagraphs(t)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for i := 0; i < n; i++ {
		text := paras[i%len(paras)]
		if i%5 == 0 {
			text += " " + artefactSnippets[i%len(artefactSnippets)]
		}
		fmt.Fprintf(w, `{"id":%d,"source":"gen","text":%s}`+"\n", i, mustJSON(t, text))
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// TestJSONLThroughGNUParallel runs 100,000 generated lines through
// "parallel --pipe -k -N 1000 mtlint -jsonl" with the real rules, checks
// that every line comes back in order, and reports lines per second, direct
// and through parallel.
func TestJSONLThroughGNUParallel(t *testing.T) {
	if testing.Short() {
		t.Skip("100,000 lines through the built binary")
	}
	par, err := exec.LookPath("parallel")
	if err != nil {
		if os.Getenv("MTCHECK_REQUIRE_TOOLS") == "1" {
			t.Fatal("GNU parallel not installed (run .ci/install-deps)")
		}
		t.Skip("GNU parallel not installed (apt-get install parallel, or .ci/install-deps)")
	}
	if out, err := exec.Command(par, "--version").Output(); err != nil || !strings.Contains(string(out), "GNU parallel") {
		t.Skipf("%s is not GNU parallel", par)
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	const n = 100000
	genJSONL(t, in, n)

	runPipe := func(name string, args ...string) []byte {
		t.Helper()
		f, err := os.Open(in)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Stdin = f
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		start := time.Now()
		if err := cmd.Run(); err != nil {
			t.Fatalf("%s: %v\n%s", name, err, errb.String())
		}
		el := time.Since(start)
		t.Logf("%s: %d lines in %v: %.0f lines/s", name, n, el.Round(time.Millisecond), float64(n)/el.Seconds())
		return out.Bytes()
	}
	direct := runPipe("direct", bin, "-jsonl")
	piped := runPipe("parallel --pipe -k -N 1000", par, "--will-cite", "--pipe", "-k", "-N", "1000", bin, "-jsonl")
	for name, out := range map[string][]byte{"direct": direct, "parallel": piped} {
		lines := jsonlSplit(t, string(out))
		if len(lines) != n {
			t.Fatalf("%s: %d lines out of %d", name, len(lines), n)
		}
		found := 0
		for i, l := range lines {
			var o struct {
				ID      int
				Error   string
				MTCheck *struct{ Diagnostics []json.RawMessage } `json:"mtcheck"`
			}
			if err := json.Unmarshal([]byte(l), &o); err != nil || o.ID != i || o.Error != "" || o.MTCheck == nil {
				t.Fatalf("%s: line %d: %.200s", name, i+1, l)
			}
			found += len(o.MTCheck.Diagnostics)
		}
		if found == 0 {
			t.Errorf("%s: no findings in lines with artefacts", name)
		}
	}
	if !bytes.Equal(direct, piped) {
		t.Errorf("output through parallel differs from the direct output")
	}
}
