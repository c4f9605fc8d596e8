package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/config"
	"github.com/mtcheck/mtcheck/mtcheck/markup"
)

// kindOf maps an LSP language id to the markup front-end's kind; languages
// other than Markdown and HTML are checked as plain text.
func kindOf(languageID string) markup.Kind {
	switch languageID {
	case "markdown":
		return markup.Markdown
	case "html":
		return markup.HTML
	}
	return markup.Text
}

// checkText checks text written in the language the client names, through
// mtcheck/markup: findings, fixes and related spans point into the text as
// the editor holds it, and suppression comments apply.
func checkText(ctx context.Context, c *mtcheck.Checker, languageID, text string) (*mtcheck.Report, error) {
	return markup.Check(ctx, c, kindOf(languageID), text)
}

// projects finds and caches the project files (.mtcheck.yml) that govern
// documents. A document is governed by the nearest project file above it,
// as for mtlint; a document with no file path (an unsaved buffer) by the
// one governing its workspace folder. A project file is read again when its
// modification time or size changes, so edits to it take effect on the
// next check without restarting the server.
type projects struct {
	mu    sync.Mutex
	files map[string]*projectFile // project file path → its last load
}

type projectFile struct {
	stamp    string
	file     *config.File
	err      error
	reported bool // the load error was shown to the user
}

// checkerFor returns the checker for a document at path, governed by the
// project file found from dir up (a document that is not a file passes its
// workspace folder as both). A broken project file yields the default
// checker and, the first time it is seen, the error to show.
func (p *projects) checkerFor(dir, path string) (*mtcheck.Checker, error) {
	f, err := p.lookup(dir)
	var nilFile *config.File
	if err != nil {
		c, derr := nilFile.Checker(path)
		if derr != nil {
			return nil, derr
		}
		return c, err
	}
	return f.Checker(path)
}

// errConfigShown marks a configuration error that was already reported.
var errConfigShown = errors.New("project file error already shown")

// lookup returns the project file governing files in dir, nil when there
// is none.
func (p *projects) lookup(dir string) (*config.File, error) {
	if dir == "" || dir == "." {
		return nil, nil
	}
	path, err := config.Find(dir)
	if errors.Is(err, config.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	stamp := fmt.Sprint(fi.ModTime().UnixNano(), fi.Size())
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.files == nil {
		p.files = map[string]*projectFile{}
	}
	pf := p.files[path]
	if pf == nil || pf.stamp != stamp {
		pf = &projectFile{stamp: stamp}
		pf.file, pf.err = config.Load(path)
		p.files[path] = pf
	}
	if pf.err != nil {
		if pf.reported {
			return nil, errConfigShown
		}
		pf.reported = true
		return nil, pf.err
	}
	return pf.file, nil
}
