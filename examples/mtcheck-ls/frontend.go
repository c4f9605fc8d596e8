package main

import (
	"context"
	"sync"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/rules"
)

// The hooks to mtcheck's Markdown/HTML front-end and project configuration.

// checkText checks text written in the language the client names
// (LSP language ids: "markdown", "html"; anything else is plain text).
func checkText(ctx context.Context, c *mtcheck.Checker, languageID, text string) (*mtcheck.Report, error) {
	// TODO(markup): check Markdown and HTML through mtcheck/markup.
	return c.Check(ctx, text)
}

// projectConfig is a loaded .mtcheck.yml; nil stands for the defaults.
type projectConfig struct{}

// loadProjectConfig loads the project file of a workspace root directory.
// It returns nil, nil when there is none.
func loadProjectConfig(dir string) (*projectConfig, error) {
	return nil, nil
}

// checker returns the checker for the file at path (empty for documents
// that are not files).
func (p *projectConfig) checker(path string) (*mtcheck.Checker, error) {
	return defaultChecker()
}

var (
	defaultOnce sync.Once
	defaultCk   *mtcheck.Checker
	defaultErr  error
)

// defaultChecker returns the one checker for files no project file governs.
func defaultChecker() (*mtcheck.Checker, error) {
	defaultOnce.Do(func() {
		defaultCk, defaultErr = mtcheck.New(rules.Default(), mtcheck.WithRegistry(rules.All()))
	})
	return defaultCk, defaultErr
}
