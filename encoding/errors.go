package encoding

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrFormat is a file that is not in the expected format: bad JSON syntax, a
// wrong "format" value, an unknown field or column, a ragged CSV row.
var ErrFormat = errors.New("malformed file")

// ParseError is one problem found in a file. Line and Column are 1-based and
// 0 when unknown; Path is the JSON path ("links[3].kind") or the CSV column.
type ParseError struct {
	File   string
	Line   int
	Column int
	Path   string
	Err    error
}

// Error implements error: "file:line:column: path: reason".
func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
		if e.Column > 0 {
			b.WriteString(":" + strconv.Itoa(e.Column))
		}
	}
	if e.Path != "" {
		b.WriteString(": " + e.Path)
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return b.String()
}

// Unwrap returns the reason.
func (e *ParseError) Unwrap() error { return e.Err }

// problems collects the problems of one file.
type problems struct {
	file string
	errs []error
}

func (p *problems) add(line, col int, path string, err error) {
	// A joined error (several problems of one actor or link) becomes one
	// ParseError per problem.
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			p.add(line, col, path, e)
		}
		return
	}
	p.errs = append(p.errs, &ParseError{File: p.file, Line: line, Column: col, Path: path, Err: err})
}

func (p *problems) err() error { return errors.Join(p.errs...) }
