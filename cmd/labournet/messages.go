package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/internal/schema"
	"github.com/labournet/labournet/network"
)

// Limits of what messages print.
const (
	// maxQuoted is the longest value a message quotes whole; a longer one
	// is cut to cutQuoted characters and its length given.
	maxQuoted = 64
	cutQuoted = 40
	// maxMessage is the longest message printed whole.
	maxMessage = 2000
	// defaultMaxProblems is how many problems are printed before the rest
	// are only counted.
	defaultMaxProblems = 100
)

// quote quotes a value from the input for a message: in double quotes,
// with control and formatting characters escaped, and cut with its length
// given when longer than maxQuoted characters.
func quote(s string) string {
	if utf8.RuneCountInString(s) <= maxQuoted {
		return strconv.Quote(s)
	}
	runes := []rune(s)
	return fmt.Sprintf("%s… (%s characters)", strconv.Quote(string(runes[:cutQuoted])), thousands(len(runes)))
}

// clean makes a message safe to print on a terminal: every double-quoted
// string is quoted again with quote (escaped, and cut when long), every
// control, formatting or invalid character outside quotes is escaped
// (newlines and tabs are kept), and a message longer than maxMessage
// characters is cut.
func clean(msg string) string {
	var b strings.Builder
	for i := 0; i < len(msg); {
		if msg[i] == '"' {
			if q, err := strconv.QuotedPrefix(msg[i:]); err == nil {
				if s, err := strconv.Unquote(q); err == nil {
					b.WriteString(quote(s))
					i += len(q)
					continue
				}
			}
		}
		j := i + 1
		for j < len(msg) && msg[j] != '"' {
			j++
		}
		escape(&b, msg[i:j], "\n\t")
		i = j
	}
	out := b.String()
	if n := utf8.RuneCountInString(out); n > maxMessage {
		out = string([]rune(out)[:maxMessage]) + fmt.Sprintf("… (message cut, %s characters)", thousands(n))
	}
	return out
}

// text makes a value from the input safe to print in a text report:
// control and formatting characters are escaped, the rest is as it is.
func text(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	escape(&b, s, "")
	return b.String()
}

// escape writes s to b with every unsafe rune and invalid byte escaped as
// Go writes them (\x1b, \u202e), except the runes in keep.
func escape(b *strings.Builder, s, keep string) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(b, `\x%02x`, s[i])
		case unsafeRune(r) && !strings.ContainsRune(keep, r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
		i += size
	}
}

// unsafeRune reports whether r must not reach a terminal as it is: control
// characters (escape sequences start with one) and formatting characters
// such as the bidirectional overrides that reorder what is shown.
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError
}

// describe writes one problem in plain language, rebuilding the library's
// messages so that every identifier from the input is quoted, and adding a
// suggestion where one is known. The result still goes through clean.
func describe(err error) string {
	var pe *encoding.ParseError
	var fe *actor.FieldError
	var le *network.LinkError
	var pathErr *fs.PathError
	var msg string
	switch {
	case errors.As(err, &pe):
		return pe.Place() + ": " + describe(pe.Err)
	case errors.As(err, &fe):
		msg = fmt.Sprintf("actor %s: %s %s: %v", quote(fe.ID), fe.Field, quote(fe.Value), fe.Err)
	case errors.As(err, &le):
		msg = fmt.Sprintf("%s: %s %s: %v", linkPlace(le), le.Field, quote(le.Value), le.Err)
	case errors.As(err, &pathErr):
		return fileProblem(pathErr)
	case errors.Is(err, encoding.ErrUnsupported):
		return "not a network file: want a .json or .graphml file, a folder with actors.csv and links.csv, or - for standard input"
	default:
		msg = err.Error()
	}
	if s := suggestion(err); s != "" {
		msg += "; did you mean " + strconv.Quote(s) + "?"
	}
	return msg
}

// linkPlace names a link in a message, its ends quoted.
func linkPlace(le *network.LinkError) string {
	if le.ID != "" {
		return fmt.Sprintf("link %s (%s -> %s)", quote(le.ID), quote(le.From), quote(le.To))
	}
	return fmt.Sprintf("link #%d (%s -> %s)", le.Index+1, quote(le.From), quote(le.To))
}

// fileProblem says in plain words why a file could not be opened.
func fileProblem(e *fs.PathError) string {
	name := e.Path
	switch {
	case errors.Is(e.Err, fs.ErrNotExist):
		return "no such file: " + name
	case errors.Is(e.Err, fs.ErrPermission):
		return "cannot read " + name + ": permission denied"
	}
	return fmt.Sprintf("cannot %s %s: %v", e.Op, name, e.Err)
}

// suggestion returns the value err's bad value was probably meant to be:
// an ISO 3166-1 code for a country code that is not one, or, for a message
// that lists the valid names ("unknown kind "fundng" (valid: cooperation,
// ...)"), the valid name nearest to the bad one. It returns "" when it has
// none.
func suggestion(err error) string {
	var fe *actor.FieldError
	if errors.As(err, &fe) && errors.Is(err, actor.ErrCountry) {
		return actor.SuggestCountry(fe.Value)
	}
	m := validNames.FindStringSubmatch(err.Error())
	if m == nil {
		return ""
	}
	bad, uerr := strconv.Unquote(m[1])
	if uerr != nil {
		return ""
	}
	var names []string
	for _, n := range strings.Split(m[2], ",") {
		if n = strings.TrimSpace(n); n != "" && !strings.Contains(n, " ") {
			names = append(names, n)
		}
	}
	return nearest(bad, names)
}

// validNames finds the bad value and the list of valid names in messages
// such as `unknown kind "fundng" (valid: cooperation, partnership)`.
var validNames = regexp.MustCompile(`("(?:[^"\\]|\\.)*") \(valid: ([^)]*)\)`)

// didYouMean returns "; did you mean "NAME"?" with the name nearest to bad,
// or "" when none is near.
func didYouMean(bad string, names []string) string {
	if s := nearest(bad, names); s != "" {
		return "; did you mean " + quote(s) + "?"
	}
	return ""
}

// nearest returns the name closest to s in edit distance, ignoring case and
// treating '_' and ' ' as '-', when it is at most 2 edits away (1 for short
// names), and of two as close the one that starts like s; otherwise "".
func nearest(s string, names []string) string {
	norm := func(x string) string {
		return strings.NewReplacer("_", "-", " ", "-").Replace(strings.ToLower(strings.TrimSpace(x)))
	}
	s = norm(s)
	best, bestD, bestP := "", 3, 0
	for _, n := range names {
		d := schema.Distance(s, norm(n))
		limit := 2
		if len(n) <= 4 {
			limit = 1
		}
		p := commonPrefix(s, norm(n))
		if d <= limit && (d < bestD || d == bestD && p > bestP) {
			best, bestD, bestP = n, d, p
		}
	}
	return best
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// problems returns the problems of a joined error, one error each.
func problems(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, problems(e)...)
		}
		return out
	}
	return []error{err}
}

// printProblems prints each problem on its own line, at most a.maxProblems
// of them (all when it is 0), then how many more there are and the count.
func (a *app) printProblems(err error) {
	errs := problems(err)
	limit := a.maxProblems
	for i, e := range errs {
		if limit > 0 && i == limit {
			fmt.Fprintf(a.stderr, "... and %s more, not shown\n", thousands(len(errs)-limit))
			break
		}
		fmt.Fprintln(a.stderr, clean(describe(e)))
	}
	if len(errs) == 1 {
		fmt.Fprintln(a.stderr, "1 problem found")
	} else {
		fmt.Fprintf(a.stderr, "%s problems found\n", thousands(len(errs)))
	}
}

// writeJSON writes v as indented JSON with non-ASCII text and markup
// characters as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
