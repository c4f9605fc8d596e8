package main

// The -jsonl filter: JSON Lines in on standard input, the same lines with an
// "mtcheck" member added out on standard output.
//
// Contract:
//
//   - Each input line is a JSON object with a string member "text". Every
//     other member ("id" and anything else) is passed through byte for byte,
//     in its order; the output line is the input object with
//     "mtcheck":{"score":…,"words":…,"diagnostics":[…]} appended as its last
//     member. Diagnostics have the shape of -format json (format.JSONDiagnostic);
//     their offsets, lines and columns are in the decoded "text" string. An
//     "mtcheck" member already present (a line that went through mtlint
//     before) is replaced.
//   - A line that cannot be checked (invalid JSON, not an object, no "text",
//     "text" not a string, invalid UTF-8, an unpaired surrogate escape or a
//     NUL in the text, longer than -max-line) yields
//     {"line":N,"id":…,"error":"…"} instead ("id" copied when one could be
//     read; N counts input lines from 1) and processing continues.
//   - Blank lines (white space only) yield nothing; every other line yields
//     exactly one output line, in input order. A final line without a
//     newline counts; "\r\n" line ends are accepted.
//   - Memory is bounded whatever the input length: at most jsonlWindow lines
//     (and about jsonlBudget bytes beyond one line) are in flight between
//     the reader and the writer; workers (one per GOMAXPROCS) check lines in
//     parallel and a reorder buffer, no larger than the window, restores the
//     input order. Output is flushed whenever the writer has caught up, so
//     the filter works interactively.
//   - Exit status 0, whatever the lines held; 2 when standard input cannot be
//     read or standard output cannot be written.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/format"
)

// defaultMaxLine is the default -max-line: the longest input line checked.
const defaultMaxLine = 64 << 20

// jsonlBudget bounds the bytes of the lines in flight (a single line larger
// than the budget is still let through, alone).
const jsonlBudget = 128 << 20

// jsonlLine is one input line on its way through the filter.
type jsonlLine struct {
	seq  int    // 0-based position among the lines sent to workers
	num  int    // 1-based input line number
	data []byte // the line without its line end
	size int    // the bytes acquired from the flow gate
	err  error  // set by the reader (line too long)
	out  []byte // the output line, with its newline
}

// flowGate bounds what is in flight: a number of lines and a number of bytes.
type flowGate struct {
	mu          sync.Mutex
	cond        *sync.Cond
	lines, size int
	maxLines    int
	maxSize     int
	closed      bool
	peak        int // the most lines ever in flight
}

func newFlowGate(maxLines, maxSize int) *flowGate {
	g := &flowGate{maxLines: maxLines, maxSize: maxSize}
	g.cond = sync.NewCond(&g.mu)
	return g
}

// acquire waits for room for a line of n bytes; false when the gate closed.
func (g *flowGate) acquire(n int) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	for !g.closed && g.lines > 0 && (g.lines >= g.maxLines || g.size+n > g.maxSize) {
		g.cond.Wait()
	}
	if g.closed {
		return false
	}
	g.lines++
	g.size += n
	g.peak = max(g.peak, g.lines)
	return true
}

func (g *flowGate) release(n int) {
	g.mu.Lock()
	g.lines--
	g.size -= n
	g.mu.Unlock()
	g.cond.Broadcast()
}

// close wakes and refuses every waiting and future acquire.
func (g *flowGate) close() {
	g.mu.Lock()
	g.closed = true
	g.mu.Unlock()
	g.cond.Broadcast()
}

// errLineTooLong marks a line longer than -max-line.
type errLineTooLong struct{ max int }

func (e errLineTooLong) Error() string {
	return fmt.Sprintf("line longer than -max-line (%d bytes); skipped", e.max)
}

// lineReader reads lines of any length up to max bytes; longer lines are
// skipped to their end, keeping only their first max bytes (to find an id).
type lineReader struct {
	r   *bufio.Reader
	max int
	num int
}

// next returns the next line without its line end, its 1-based number and,
// for a line over the limit, errLineTooLong with the line's first max bytes.
// The limit does not count the line end ("\n" or "\r\n"). It returns io.EOF
// after the last line.
func (lr *lineReader) next() ([]byte, int, error) {
	var buf []byte
	keep := lr.max + 2 // room for "\r\n"
	over := false      // more than keep bytes: too long whatever the line end
	for {
		chunk, err := lr.r.ReadSlice('\n')
		if !over {
			if len(buf)+len(chunk) > keep {
				buf = append(buf, chunk[:keep-len(buf)]...)
				over = true
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, lr.num, err
		}
		if err != nil && len(buf) == 0 {
			return nil, lr.num, io.EOF
		}
		lr.num++
		if line := trimEOL(buf); !over && len(line) <= lr.max {
			return line, lr.num, nil
		}
		return buf[:min(len(buf), lr.max)], lr.num, errLineTooLong{lr.max}
	}
}

func trimEOL(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte("\n"))
	return bytes.TrimSuffix(b, []byte("\r"))
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return true
}

// jsonlObserve, when set (by tests), receives the peak number of lines in
// flight and the peak size of the reorder buffer at the end of a run.
var jsonlObserve func(peakLines, peakPending int)

// runJSONL filters JSON Lines from stdin to stdout; it returns the exit
// status.
func runJSONL(c *mtcheck.Checker, maxLine int, stdin io.Reader, stdout, stderr io.Writer) int {
	workers := runtime.GOMAXPROCS(0)
	window := 4 * workers
	gate := newFlowGate(window, max(jsonlBudget, maxLine))
	jobs := make(chan *jsonlLine, window)
	done := make(chan *jsonlLine, window)

	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for l := range jobs {
				l.out = jsonlOutput(c, l)
				l.data = nil
				done <- l
			}
		}()
	}

	// The writer: a reorder buffer keyed by sequence number, never holding
	// more than the window.
	var writeErr error
	peakPending := 0
	writerDone := make(chan struct{})
	go func() {
		defer close(writerDone)
		bw := bufio.NewWriterSize(stdout, 64<<10)
		pending := make(map[int]*jsonlLine, window)
		nextSeq := 0
		for l := range done {
			pending[l.seq] = l
			peakPending = max(peakPending, len(pending))
			for {
				p, ok := pending[nextSeq]
				if !ok {
					break
				}
				delete(pending, nextSeq)
				nextSeq++
				if writeErr == nil {
					if _, err := bw.Write(p.out); err != nil {
						writeErr = err
						gate.close()
					}
				}
				gate.release(p.size)
			}
			if writeErr == nil && len(done) == 0 {
				if err := bw.Flush(); err != nil {
					writeErr = err
					gate.close()
				}
			}
		}
		if writeErr == nil {
			if err := bw.Flush(); err != nil {
				writeErr = err
			}
		}
	}()

	lr := &lineReader{r: bufio.NewReaderSize(stdin, 64<<10), max: maxLine}
	var readErr error
	seq := 0
	for {
		data, num, err := lr.next()
		if errors.Is(err, io.EOF) {
			break
		}
		var tooLong errLineTooLong
		if err != nil && !errors.As(err, &tooLong) {
			readErr = err
			break
		}
		if err == nil && isBlank(data) {
			continue
		}
		if !gate.acquire(len(data)) {
			break // the writer failed
		}
		jobs <- &jsonlLine{seq: seq, num: num, data: data, size: len(data), err: err}
		seq++
	}
	close(jobs)
	wg.Wait()
	close(done)
	<-writerDone

	if jsonlObserve != nil {
		jsonlObserve(gate.peak, peakPending)
	}
	status := 0
	if readErr != nil {
		fmt.Fprintf(stderr, "mtlint: reading standard input: %v\n", readErr)
		status = 2
	}
	if writeErr != nil {
		fmt.Fprintf(stderr, "mtlint: writing output: %v\n", writeErr)
		status = 2
	}
	return status
}

// member is one top-level member of an input object: its bytes (key and
// value, no separators) and its key.
type member struct {
	key        string
	start, end int // the member's bytes in the line
	value      json.RawMessage
}

// jsonlMembers lists the top-level members of the JSON object in data,
// failing on anything that is not exactly one object. On failure it still
// returns the members read before the error, so an id can be reported.
func jsonlMembers(data []byte) ([]member, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, jsonSyntax(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, errors.New("not a JSON object")
	}
	var ms []member
	for dec.More() {
		start := int(dec.InputOffset())
		kt, err := dec.Token()
		if err != nil {
			return ms, jsonSyntax(err)
		}
		key, _ := kt.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return ms, jsonSyntax(err)
		}
		end := int(dec.InputOffset())
		// start is the end of the previous token: skip the separator and
		// white space before the key.
		for start < end && (data[start] == ',' || data[start] == ' ' || data[start] == '\t' || data[start] == '\r' || data[start] == '\n') {
			start++
		}
		ms = append(ms, member{key: key, start: start, end: end, value: raw})
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return ms, jsonSyntax(err)
	}
	if rest := data[dec.InputOffset():]; !isBlank(rest) {
		return ms, errors.New("invalid JSON: more data after the object")
	}
	return ms, nil
}

func jsonSyntax(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("invalid JSON: unexpected end of line")
	}
	return fmt.Errorf("invalid JSON: %v", err)
}

// jsonlResult is the "mtcheck" member.
type jsonlResult struct {
	Score       *float64                `json:"score"`
	Words       *int                    `json:"words"`
	Diagnostics []format.JSONDiagnostic `json:"diagnostics"`
}

// jsonlOutput computes the output line for l.
func jsonlOutput(c *mtcheck.Checker, l *jsonlLine) []byte {
	data := l.data
	ms, perr := jsonlMembers(data)
	var id json.RawMessage
	for _, m := range ms {
		if m.key == "id" {
			id = m.value
		}
	}
	if l.err != nil {
		return jsonlError(l.num, id, l.err)
	}
	if perr != nil {
		return jsonlError(l.num, id, perr)
	}
	if !utf8.Valid(data) {
		return jsonlError(l.num, id, fmt.Errorf("invalid UTF-8 at byte %d of the line", invalidUTF8At(data)))
	}
	var textRaw json.RawMessage
	hasText, hasOld := false, false
	for _, m := range ms {
		switch m.key {
		case "text":
			textRaw, hasText = m.value, true
		case "mtcheck":
			hasOld = true
		}
	}
	if !hasText {
		return jsonlError(l.num, id, errors.New(`missing "text"`))
	}
	if len(textRaw) == 0 || textRaw[0] != '"' {
		return jsonlError(l.num, id, errors.New(`"text" is not a string`))
	}
	if err := checkSurrogates(textRaw); err != nil {
		return jsonlError(l.num, id, err)
	}
	var text string
	if err := json.Unmarshal(textRaw, &text); err != nil {
		return jsonlError(l.num, id, fmt.Errorf(`"text": %v`, err))
	}
	textRaw = nil
	if err := validate(text); err != nil {
		return jsonlError(l.num, id, fmt.Errorf(`"text": %v`, err))
	}
	rep, err := c.Check(context.Background(), text)
	if err != nil {
		return jsonlError(l.num, id, fmt.Errorf("check failed: %v", err))
	}
	jf := format.NewJSONFile(format.Result{Report: rep})
	res, err := marshalNoEscape(jsonlResult{Score: jf.Score, Words: jf.Words, Diagnostics: jf.Diagnostics})
	if err != nil {
		return jsonlError(l.num, id, err)
	}

	var out []byte
	if !hasOld {
		// Splice before the closing brace: every input byte stays as it was.
		end := bytes.LastIndexByte(data, '}')
		out = make([]byte, 0, end+len(res)+16)
		out = append(out, data[:end]...)
		if len(ms) > 0 {
			out = append(out, ',')
		}
	} else {
		// Rebuild the object without the old member.
		out = append(out, '{')
		n := 0
		for _, m := range ms {
			if m.key == "mtcheck" {
				continue
			}
			if n > 0 {
				out = append(out, ',')
			}
			out = append(out, data[m.start:m.end]...)
			n++
		}
		if n > 0 {
			out = append(out, ',')
		}
	}
	out = append(out, `"mtcheck":`...)
	out = append(out, res...)
	out = append(out, '}', '\n')
	return out
}

// jsonlError is the output line of a line that could not be checked.
func jsonlError(num int, id json.RawMessage, err error) []byte {
	out := []byte(`{"line":` + strconv.Itoa(num))
	if len(id) > 0 && json.Valid(id) {
		out = append(out, `,"id":`...)
		out = append(out, id...)
	}
	msg, _ := marshalNoEscape(err.Error())
	out = append(out, `,"error":`...)
	out = append(out, msg...)
	return append(out, '}', '\n')
}

func marshalNoEscape(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// checkSurrogates rejects \u escapes in a JSON string that encode half of a
// UTF-16 surrogate pair without the other half (encoding/json would turn
// them into U+FFFD silently).
func checkSurrogates(raw []byte) error {
	hex4 := func(i int) (rune, bool) {
		if i+6 > len(raw) || raw[i] != '\\' || raw[i+1] != 'u' {
			return 0, false
		}
		v, err := strconv.ParseUint(string(raw[i+2:i+6]), 16, 16)
		return rune(v), err == nil
	}
	for i := 0; i < len(raw); i++ {
		if raw[i] != '\\' {
			continue
		}
		if i+1 < len(raw) && raw[i+1] != 'u' {
			i++ // a two-character escape such as \\ or \"
			continue
		}
		r, ok := hex4(i)
		if !ok {
			continue
		}
		switch {
		case r >= 0xD800 && r < 0xDC00:
			if r2, ok := hex4(i + 6); ok && r2 >= 0xDC00 && r2 < 0xE000 {
				i += 11
				continue
			}
			return errors.New(`"text" holds an unpaired UTF-16 surrogate escape (invalid UTF-8 once decoded)`)
		case r >= 0xDC00 && r < 0xE000:
			return errors.New(`"text" holds an unpaired UTF-16 surrogate escape (invalid UTF-8 once decoded)`)
		}
		i += 5
	}
	return nil
}
