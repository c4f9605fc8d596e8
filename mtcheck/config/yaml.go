package config

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// Error is a configuration error at a place in the project file. Its text
// is "file:line:col: reason", the form editors and CI logs link to.
type Error struct {
	// File is the configuration file's path as given to Load or Parse.
	File string
	// Line and Column are 1-based; Column counts characters.
	Line, Column int
	// Msg says what is wrong.
	Msg string
	// Err is the underlying error, if any.
	Err error
}

// Error formats the error with its position.
func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// yamlDoc parses data into the body of its single document (nil for an
// empty file).
func (p *parse) yamlDoc(data []byte) (ast.Node, error) {
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		var se *yaml.SyntaxError
		if errors.As(err, &se) && se.Token != nil {
			return nil, p.errAt(se.Token.Position, se, "YAML: %s", se.Message)
		}
		return nil, &Error{File: p.name, Line: 1, Column: 1, Msg: "YAML: " + err.Error(), Err: err}
	}
	var body ast.Node
	n := 0
	for _, d := range f.Docs {
		if d == nil || d.Body == nil {
			continue
		}
		if _, ok := d.Body.(*ast.CommentGroupNode); ok {
			continue
		}
		n++
		if n > 1 {
			return nil, p.errf(d.Body, "the file holds more than one YAML document; keep one")
		}
		body = d.Body
	}
	return body, nil
}

func (p *parse) errAt(pos *token.Position, err error, format string, args ...any) *Error {
	e := &Error{File: p.name, Line: 1, Column: 1, Msg: fmt.Sprintf(format, args...), Err: err}
	if pos != nil {
		e.Line, e.Column = pos.Line, pos.Column
	}
	return e
}

// errf reports an error at node n.
func (p *parse) errf(n ast.Node, format string, args ...any) *Error {
	return p.errAt(nodePos(n), nil, format, args...)
}

// wrap reports err at node n, keeping it as the cause.
func (p *parse) wrap(n ast.Node, err error) *Error {
	return p.errAt(nodePos(n), err, "%s", err.Error())
}

// nodePos returns where node n starts: for a block mapping, its first key
// (the parser's token for it is the first ':').
func nodePos(n ast.Node) *token.Position {
	if n == nil {
		return nil
	}
	switch v := n.(type) {
	case *ast.MappingNode:
		if !v.IsFlowStyle && len(v.Values) > 0 {
			return nodePos(v.Values[0])
		}
	case *ast.MappingValueNode:
		return nodePos(v.Key)
	}
	if t := n.GetToken(); t != nil {
		return t.Position
	}
	return nil
}

// unwrap strips anchors, tags and explicit-key markers and rejects aliases.
func (p *parse) unwrap(n ast.Node) (ast.Node, error) {
	for {
		switch v := n.(type) {
		case *ast.AnchorNode:
			n = v.Value
		case *ast.TagNode:
			// !!str makes any scalar text.
			if v.Start != nil && v.Start.Value == "!!str" {
				switch v.Value.(type) {
				case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.NullNode, *ast.InfinityNode, *ast.NanNode:
					if tk := v.Value.GetToken(); tk != nil {
						return ast.String(tk), nil
					}
				}
			}
			n = v.Value
		case *ast.MappingKeyNode:
			n = v.Value
		case *ast.AliasNode:
			return nil, p.errf(v, "YAML aliases are not supported here; repeat the value")
		default:
			return n, nil
		}
	}
}

// entry is one key: value pair of a mapping.
type entry struct {
	key   string
	keyN  ast.Node
	value ast.Node // unwrapped; may be a *ast.NullNode
}

// mapping returns the pairs of mapping n in order, rejecting duplicate and
// non-string keys and keys not in allowed (when allowed is not nil).
func (p *parse) mapping(n ast.Node, what string, allowed []string) ([]entry, error) {
	n, err := p.unwrap(n)
	if err != nil {
		return nil, err
	}
	var pairs []*ast.MappingValueNode
	switch v := n.(type) {
	case *ast.MappingNode:
		pairs = v.Values
	case *ast.MappingValueNode:
		pairs = []*ast.MappingValueNode{v}
	default:
		return nil, p.errf(n, "%s: want a mapping (key: value lines), got %s", what, describe(n))
	}
	seen := make(map[string]ast.Node, len(pairs))
	out := make([]entry, 0, len(pairs))
	for _, mv := range pairs {
		if _, ok := mv.Key.(*ast.MergeKeyNode); ok {
			return nil, p.errf(mv.Key, "YAML merge keys (<<) are not supported here")
		}
		kn, err := p.unwrap(mv.Key)
		if err != nil {
			return nil, err
		}
		ks, ok := kn.(*ast.StringNode)
		if !ok {
			return nil, p.errf(kn, "%s: keys must be names, got %s", what, describe(kn))
		}
		key := ks.Value
		if prev, dup := seen[key]; dup {
			return nil, p.errf(kn, "%s: duplicate key %q (first at line %d)", what, key, nodePos(prev).Line)
		}
		seen[key] = kn
		if allowed != nil && !contains(allowed, key) {
			return nil, p.errf(kn, "%s: unknown key %q%s (known keys: %s)", what, key, suggest(key, allowed), strings.Join(allowed, ", "))
		}
		val, err := p.unwrap(mv.Value)
		if err != nil {
			return nil, err
		}
		out = append(out, entry{key: key, keyN: kn, value: val})
	}
	return out, nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// describe names the kind of node n for error messages.
func describe(n ast.Node) string {
	switch v := n.(type) {
	case nil, *ast.NullNode:
		return "nothing"
	case *ast.StringNode:
		return fmt.Sprintf("the text %q", v.Value)
	case *ast.LiteralNode:
		return "a block of text"
	case *ast.IntegerNode:
		return "the number " + v.GetToken().Value
	case *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		return "the number " + v.GetToken().Value
	case *ast.BoolNode:
		return fmt.Sprintf("%v", v.Value)
	case *ast.SequenceNode:
		return "a list"
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	}
	return "a " + n.Type().String()
}

// str returns the string value of n.
func (p *parse) str(n ast.Node, what string) (string, error) {
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value, nil
	case *ast.LiteralNode:
		if v.Value != nil {
			return v.Value.Value, nil
		}
		return "", nil
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode:
		return "", p.errf(n, "%s: want text, got %s (quote it: \"%s\")", what, describe(n), v.GetToken().Value)
	}
	return "", p.errf(n, "%s: want text, got %s", what, describe(n))
}

// strList returns the strings of a list, or of a single string, with the
// node of each.
func (p *parse) strList(n ast.Node, what string) ([]string, []ast.Node, error) {
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		if _, isMap := n.(*ast.MappingNode); isMap || n == nil {
			return nil, nil, p.errf(n, "%s: want a list of texts, got %s", what, describe(n))
		}
		if _, isNull := n.(*ast.NullNode); isNull {
			return nil, nil, nil
		}
		s, err := p.str(n, what)
		if err != nil {
			return nil, nil, err
		}
		return []string{s}, []ast.Node{n}, nil
	}
	out := make([]string, 0, len(seq.Values))
	nodes := make([]ast.Node, 0, len(seq.Values))
	for i, item := range seq.Values {
		item, err := p.unwrap(item)
		if err != nil {
			return nil, nil, err
		}
		s, err := p.str(item, fmt.Sprintf("%s item %d", what, i+1))
		if err != nil {
			return nil, nil, err
		}
		out = append(out, s)
		nodes = append(nodes, item)
	}
	return out, nodes, nil
}

// confidence returns a number in [0, 1] (or (0, 1] when positive).
func (p *parse) confidence(n ast.Node, what string, positive bool) (float64, error) {
	var f float64
	switch v := n.(type) {
	case *ast.IntegerNode:
		switch i := v.Value.(type) {
		case int64:
			f = float64(i)
		case uint64:
			f = float64(i)
		}
	case *ast.FloatNode:
		f = v.Value
	case *ast.InfinityNode:
		f = v.Value
	case *ast.NanNode:
		f = math.NaN()
	default:
		return 0, p.errf(n, "%s: want a number between 0 and 1, got %s", what, describe(n))
	}
	if math.IsNaN(f) || f < 0 || f > 1 || (positive && f == 0) {
		rng := "between 0 and 1"
		if positive {
			rng = "above 0 and at most 1"
		}
		return 0, p.errf(n, "%s: must be %s, got %s", what, rng, n.GetToken().Value)
	}
	return f, nil
}

func (p *parse) boolean(n ast.Node, what string) (bool, error) {
	if b, ok := n.(*ast.BoolNode); ok {
		return b.Value, nil
	}
	return false, p.errf(n, "%s: want true or false, got %s", what, describe(n))
}

// value converts n to a plain Go value for rule options: bool, int64,
// uint64, float64, string, []any or map[string]any.
func (p *parse) value(n ast.Node) (any, error) {
	n, err := p.unwrap(n)
	if err != nil {
		return nil, err
	}
	switch v := n.(type) {
	case *ast.NullNode:
		return nil, nil
	case *ast.BoolNode:
		return v.Value, nil
	case *ast.IntegerNode:
		return v.Value, nil
	case *ast.FloatNode:
		return v.Value, nil
	case *ast.InfinityNode:
		return v.Value, nil
	case *ast.NanNode:
		return math.NaN(), nil
	case *ast.StringNode, *ast.LiteralNode:
		return p.str(n, "value")
	case *ast.SequenceNode:
		out := make([]any, 0, len(v.Values))
		for _, item := range v.Values {
			x, err := p.value(item)
			if err != nil {
				return nil, err
			}
			out = append(out, x)
		}
		return out, nil
	case *ast.MappingNode, *ast.MappingValueNode:
		pairs, err := p.mapping(n, "value", nil)
		if err != nil {
			return nil, err
		}
		out := make(map[string]any, len(pairs))
		for _, e := range pairs {
			x, err := p.value(e.value)
			if err != nil {
				return nil, err
			}
			out[e.key] = x
		}
		return out, nil
	}
	return nil, p.errf(n, "unsupported YAML value: %s", describe(n))
}

// suggest returns ` (did you mean "x"?)` for the closest of names to s, or "".
func suggest(s string, names []string) string {
	best, bestD := "", 1<<30
	for _, n := range names {
		if d := editDistance(s, n); d < bestD {
			best, bestD = n, d
		}
	}
	if best == "" || bestD > max(2, len(s)/3) {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
