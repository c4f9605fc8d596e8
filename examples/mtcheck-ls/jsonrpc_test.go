package main

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"sync"
	"testing"
)

func TestReaderFraming(t *testing.T) {
	in := "Content-Length: 2\r\n\r\n{}" +
		"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length:  5 \r\n\r\n[1,2]" +
		"Content-Length: 0\r\n\r\n"
	rd := newReader(strings.NewReader(in))
	for _, want := range []string{"{}", "[1,2]", ""} {
		got, err := rd.read()
		if err != nil || string(got) != want {
			t.Fatalf("read %q, %v; want %q", got, err, want)
		}
	}
	if _, err := rd.read(); err != io.EOF {
		t.Fatalf("at the end: %v, want io.EOF", err)
	}
}

func TestReaderBadFraming(t *testing.T) {
	for _, in := range []string{
		"Content-Type: x\r\n\r\n{}",             // no length
		"Content-Length: -1\r\n\r\n",            // negative
		"Content-Length: ten\r\n\r\n",           // not a number
		"Content-Length: 10\r\n\r\n{}",          // short body
		"Content-Length: 99999999999\r\n\r\n{}", // over the limit
		"Content-Length: 2\r\n{}",               // header never ends
		"garbage without a colon\r\n\r\n{}",     // not a header
	} {
		_, err := newReader(strings.NewReader(in)).read()
		if !errors.Is(err, errFraming) {
			t.Errorf("%q: error %v, want a framing error", in, err)
		}
	}
}

func TestDecode(t *testing.T) {
	for _, tc := range []struct {
		body    string
		code    int
		request bool
	}{
		{`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`, 0, true},
		{`{"jsonrpc":"2.0","id":"abc","method":"shutdown"}`, 0, true},
		{`{"jsonrpc":"2.0","method":"initialized","params":{}}`, 0, false},
		{`{"jsonrpc":"2.0","id":3,"result":null}`, 0, false},
		{`{"jsonrpc":"1.0","id":1,"method":"x"}`, codeInvalidRequest, true},
		{`{"jsonrpc":"2.0"}`, codeInvalidRequest, false},
		{` [{"jsonrpc":"2.0","id":1,"method":"x"}]`, codeInvalidRequest, false},
		{`{"jsonrpc":"2.0","id":1,"method":`, codeParseError, false},
		{`"just a string"`, codeParseError, false},
	} {
		m, err := decode([]byte(tc.body))
		code := 0
		if err != nil {
			code = err.Code
		}
		if code != tc.code {
			t.Errorf("%s: error code %d, want %d", tc.body, code, tc.code)
		}
		if tc.code == 0 && m.isRequest() != tc.request {
			t.Errorf("%s: isRequest %v", tc.body, m.isRequest())
		}
	}
}

func TestWriterFramesConcurrentMessages(t *testing.T) {
	var buf bytes.Buffer
	w := &writer{w: &buf}
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.notify("window/logMessage", showMessageParams{Type: messageLog, Message: strings.Repeat("é", 100)})
		}()
	}
	wg.Wait()
	rd := newReader(&buf)
	for i := 0; i < 50; i++ {
		body, err := rd.read()
		if err != nil {
			t.Fatalf("message %d: %v", i, err)
		}
		m, rerr := decode(body)
		if rerr != nil || m.Method != "window/logMessage" {
			t.Fatalf("message %d: %s %v", i, body, rerr)
		}
	}
	if _, err := rd.read(); err != io.EOF {
		t.Fatalf("trailing data: %v", err)
	}
}

func TestWriterResponses(t *testing.T) {
	var buf bytes.Buffer
	w := &writer{w: &buf}
	w.reply([]byte("7"), nil)
	w.replyError(nil, &rpcError{Code: codeParseError, Message: "bad"})
	want := "Content-Length: 38\r\n\r\n" + `{"jsonrpc":"2.0","id":7,"result":null}` +
		"Content-Length: 67\r\n\r\n" + `{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"bad"}}`
	if buf.String() != want {
		t.Errorf("wrote\n%q\nwant\n%q", buf.String(), want)
	}
}

type failWriter struct{ n int }

func (f *failWriter) Write(p []byte) (int, error) {
	f.n++
	return 0, errors.New("broken pipe")
}

func TestWriterStopsAfterFailure(t *testing.T) {
	fw := &failWriter{}
	w := &writer{w: fw}
	if err := w.notify("x", nil); err == nil {
		t.Fatal("no error from a failing writer")
	}
	if err := w.notify("y", nil); err == nil || fw.n != 1 {
		t.Fatalf("second write: %v after %d writes, want the first error and no new write", err, fw.n)
	}
}
