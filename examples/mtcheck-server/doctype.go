package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// checkFunc checks a text of one document type and reports against the text
// as sent (offsets into the request's text).
type checkFunc func(ctx context.Context, c *mtcheck.Checker, text string) (*mtcheck.Report, error)

// docTypes maps a request's "type" to the function that checks it. Markdown
// ("md") and HTML ("html") plug in here through the markup front-end.
var docTypes = map[string]checkFunc{
	"txt": checkPlain,
}

// typeAliases maps other spellings of a type to its name.
var typeAliases = map[string]string{"": "txt", "text": "txt", "plain": "txt", "markdown": "md", "htm": "html"}

func checkPlain(ctx context.Context, c *mtcheck.Checker, text string) (*mtcheck.Report, error) {
	return c.Check(ctx, text)
}

// lookupType returns the check function for a request's type.
func lookupType(t string) (string, checkFunc, error) {
	t = strings.ToLower(strings.TrimSpace(t))
	if a, ok := typeAliases[t]; ok {
		t = a
	}
	if f, ok := docTypes[t]; ok {
		return t, f, nil
	}
	names := make([]string, 0, len(docTypes))
	for n := range docTypes {
		names = append(names, n)
	}
	sort.Strings(names)
	return t, nil, fmt.Errorf("unsupported type %q (this server checks: %s)", t, strings.Join(names, ", "))
}

// loadConfig reads the -config file. Until the YAML configuration package
// is wired in, it reads mtcheck.Config as JSON (JSON is also valid YAML, so
// such files keep working).
var loadConfig = func(path string) (mtcheck.Config, error) {
	var cfg mtcheck.Config
	b, err := os.ReadFile(path)
	if err != nil {
		return cfg, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cfg); err != nil {
		return cfg, fmt.Errorf("%s: %v (this build reads JSON configuration)", path, err)
	}
	return cfg, nil
}
