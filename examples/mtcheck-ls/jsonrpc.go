package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"strings"
	"sync"
)

// The JSON-RPC 2.0 layer: LSP's base protocol frames each message with a
// header block ("Content-Length: N\r\n", optionally "Content-Type: …",
// then an empty line) followed by N bytes of JSON. Only what a language
// server needs is here: reading requests and notifications, writing
// responses and notifications. Batches are not part of LSP and are refused.

// maxMessage bounds one message's body, so a broken header cannot make the
// server allocate without limit.
const maxMessage = 64 << 20

// JSON-RPC and LSP error codes.
const (
	codeParseError           = -32700
	codeInvalidRequest       = -32600
	codeMethodNotFound       = -32601
	codeInvalidParams        = -32602
	codeInternalError        = -32603
	codeServerNotInitialized = -32002
	codeRequestCancelled     = -32800
)

// rpcError is a JSON-RPC error object.
type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *rpcError) Error() string { return fmt.Sprintf("jsonrpc error %d: %s", e.Code, e.Message) }

// message is any JSON-RPC 2.0 message as read: a request has an ID and a
// method, a notification a method only, a response an ID and a result or
// error.
type message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

// isRequest reports whether m expects a response.
func (m *message) isRequest() bool { return len(m.ID) > 0 && m.Method != "" }

// errFraming is wrapped by header errors after which the stream cannot be
// resynchronised.
var errFraming = errors.New("bad message framing")

// reader reads framed messages.
type reader struct {
	r *bufio.Reader
	t *textproto.Reader
}

func newReader(r io.Reader) *reader {
	br := bufio.NewReaderSize(r, 64<<10)
	return &reader{r: br, t: textproto.NewReader(br)}
}

// read returns the body of the next message. It returns io.EOF at a clean
// end of stream, and an error wrapping errFraming for a malformed header.
func (rd *reader) read() ([]byte, error) {
	hdr, err := rd.t.ReadMIMEHeader()
	if err != nil {
		if err == io.EOF && len(hdr) == 0 {
			return nil, io.EOF
		}
		return nil, fmt.Errorf("%w: reading header: %v", errFraming, err)
	}
	cl := hdr.Get("Content-Length")
	if cl == "" {
		return nil, fmt.Errorf("%w: no Content-Length header", errFraming)
	}
	n, err := strconv.Atoi(strings.TrimSpace(cl))
	if err != nil || n < 0 {
		return nil, fmt.Errorf("%w: bad Content-Length %q", errFraming, cl)
	}
	if n > maxMessage {
		return nil, fmt.Errorf("%w: message of %d bytes exceeds the limit of %d", errFraming, n, maxMessage)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(rd.r, body); err != nil {
		return nil, fmt.Errorf("%w: reading %d-byte body: %v", errFraming, n, err)
	}
	return body, nil
}

// decode parses a message body. A body that is not a JSON object (a batch,
// say) is an invalid request; bad JSON is a parse error.
func decode(body []byte) (*message, *rpcError) {
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '[' {
		return nil, &rpcError{Code: codeInvalidRequest, Message: "batch requests are not supported"}
	}
	var m message
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, &rpcError{Code: codeParseError, Message: err.Error()}
	}
	if m.JSONRPC != "2.0" {
		return &m, &rpcError{Code: codeInvalidRequest, Message: `"jsonrpc" must be "2.0"`}
	}
	if m.Method == "" && len(m.ID) == 0 {
		return &m, &rpcError{Code: codeInvalidRequest, Message: "message has neither method nor id"}
	}
	return &m, nil
}

// writer writes framed messages; it is safe for concurrent use.
type writer struct {
	mu  sync.Mutex
	w   io.Writer
	err error
}

// write frames and writes one message. After a failed write every further
// write fails with the same error.
func (wr *writer) write(v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	wr.mu.Lock()
	defer wr.mu.Unlock()
	if wr.err != nil {
		return wr.err
	}
	var buf bytes.Buffer
	buf.Grow(len(body) + 32)
	fmt.Fprintf(&buf, "Content-Length: %d\r\n\r\n", len(body))
	buf.Write(body)
	_, wr.err = wr.w.Write(buf.Bytes())
	return wr.err
}

// response is an outgoing response. Result is always present on success
// (null included), as JSON-RPC requires.
type response struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Result  any             `json:"result"`
}

type errorResponse struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Error   *rpcError       `json:"error"`
}

type notification struct {
	JSONRPC string `json:"jsonrpc"`
	Method  string `json:"method"`
	Params  any    `json:"params"`
}

func (wr *writer) reply(id json.RawMessage, result any) error {
	return wr.write(response{JSONRPC: "2.0", ID: id, Result: result})
}

func (wr *writer) replyError(id json.RawMessage, e *rpcError) error {
	if len(id) == 0 {
		id = json.RawMessage("null")
	}
	return wr.write(errorResponse{JSONRPC: "2.0", ID: id, Error: e})
}

func (wr *writer) notify(method string, params any) error {
	return wr.write(notification{JSONRPC: "2.0", Method: method, Params: params})
}
