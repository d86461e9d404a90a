// Package fileerr holds the error vocabulary that every reader of package
// encoding and its sub-packages (encoding/graphml) shares: the ParseError
// type, the ErrFormat sentinel and a collector of the problems of one file.
//
// It exists so that the format packages can report the same error type as
// package encoding without importing it: encoding imports them (Load and
// Save choose the format), so they cannot import encoding. Package encoding
// re-exports ParseError and ErrFormat under the same names; users never need
// to import this package.
package fileerr

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrFormat is a file that is not in the expected format: bad JSON or XML
// syntax, a wrong "format" value, an unknown field or column, a ragged CSV
// row, a value of the wrong form.
var ErrFormat = errors.New("malformed file")

// ParseError is one problem found in a file. Line and Column are 1-based and
// 0 when unknown; Path names the place within the file: the JSON path
// ("links[3].kind"), the CSV column ("kind"), or the GraphML element and
// field (`node "tul": kind`, "edge tul -> pzlk: weight").
type ParseError struct {
	File   string
	Line   int
	Column int
	Path   string
	Err    error
}

// Error implements error: "file:line:column: path: reason", leaving out the
// parts that are unknown.
func (e *ParseError) Error() string {
	return fmt.Sprintf("%s: %v", e.Place(), e.Err)
}

// Place returns where the problem is: "file:line:column: path", leaving out
// the parts that are unknown.
func (e *ParseError) Place() string {
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
	return b.String()
}

// Unwrap returns the reason, so that errors.Is matches ErrFormat and the
// sentinels of packages actor and network.
func (e *ParseError) Unwrap() error { return e.Err }

// List collects the problems of one file.
type List struct {
	File string // names the file in every ParseError
	errs []error
}

// Add records err at the given place. A joined error (several problems of
// one actor or link) becomes one ParseError per problem.
func (l *List) Add(line, col int, path string, err error) {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			l.Add(line, col, path, e)
		}
		return
	}
	l.errs = append(l.errs, &ParseError{File: l.File, Line: line, Column: col, Path: path, Err: err})
}

// Len returns the number of problems recorded.
func (l *List) Len() int { return len(l.errs) }

// Err returns the problems joined with errors.Join, or nil when there are
// none.
func (l *List) Err() error { return errors.Join(l.errs...) }

// JSONLine returns the 1-based line of data at which encoding/json found
// err (a *json.SyntaxError or *json.UnmarshalTypeError), or 0 when err
// says no place.
func JSONLine(data []byte, err error) int {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off < 0 {
		return 0
	}
	off = min(off, int64(len(data)))
	return 1 + bytes.Count(data[:off], []byte("\n"))
}
