package main

import (
	"context"
	"strings"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/markup"
)

// checkFunc checks a text of one document type and reports against the text
// as sent (offsets into the request's text).
type checkFunc func(ctx context.Context, c *mtcheck.Checker, text string) (*mtcheck.Report, error)

// checkKind returns the check of one kind of document, through the markup
// front-end: the prose of Markdown and HTML is checked and the findings
// point into the source; in every kind, suppression comments
// (<!-- mtcheck-disable … -->) switch rules off.
func checkKind(kind markup.Kind) checkFunc {
	return func(ctx context.Context, c *mtcheck.Checker, text string) (*mtcheck.Report, error) {
		return markup.Check(ctx, c, kind, text)
	}
}

// lookupType returns the kind and check of a request's type ("txt", "md",
// "html" and their other names); without a type the path's extension
// decides, and plain text is the default.
func lookupType(typ, path string) (markup.Kind, checkFunc, error) {
	typ = strings.TrimSpace(typ)
	if typ == "" {
		kind := markup.KindFromPath(path)
		return kind, checkKind(kind), nil
	}
	kind, err := markup.ParseKind(typ)
	if err != nil {
		return 0, nil, err
	}
	return kind, checkKind(kind), nil
}
