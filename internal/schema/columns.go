package schema

import (
	"fmt"
	"strings"

	"github.com/labournet/labournet/internal/fileerr"
)

// Columns is what the headings of a table name: for each column, the field
// it sets, the attribute it holds, or nothing (a blank heading). CSV and
// workbook readers share it, so that a heading means the same in both.
type Columns[T any] struct {
	Set   []func(*T, string) error // the field's setter; nil for other columns
	Attr  []string                 // the attribute key; "" for other columns
	List  []bool                   // the columns of list fields
	Blank []bool                   // the columns without a heading, whose cells must be empty
	// Required maps the columns that may not be empty to the error an
	// empty cell gives.
	Required map[int]error
}

// HeaderReport receives what MatchHeader finds in a header row.
type HeaderReport struct {
	// Problem is an error at column i, whose path is the heading as
	// written, or (i < 0) a required column missing, whose path is the
	// field's name.
	Problem func(i int, path string, err error)
	// Warn is a warning at column i.
	Warn func(i int, path, msg string)
}

// MatchHeader reads a header row: header holds the trimmed headings, shown
// the headings as written (for messages), and skip (nil for none) the
// columns whose heading the caller has already found wrong. A heading names
// a field by its name or an alias, an attribute as "attrs.KEY", and
// anything else an attribute with a warning that suggests the nearest
// field. Repeated columns and missing required ones are problems.
func MatchHeader[T any](fields []Field[T], header, shown []string, skip []bool, r HeaderReport) Columns[T] {
	c := Columns[T]{Set: make([]func(*T, string) error, len(header)), Attr: make([]string, len(header)),
		List: make([]bool, len(header)), Blank: make([]bool, len(header)), Required: map[int]error{}}
	names := Names(fields)
	byName := make(map[string]Field[T], len(fields))
	for _, f := range fields {
		byName[f.Name] = f
	}
	seen := map[string]string{} // field name or "attrs."+key → the heading that gave it
	for i, h := range header {
		if skip != nil && skip[i] {
			continue
		}
		var key string
		attr, isAttr := AttrName(h)
		switch name, known := Canonical(h, names); {
		case h == "":
			c.Blank[i] = true
			continue
		case strings.EqualFold(h, AttrPrefix):
			r.Problem(i, shown[i], fmt.Errorf("%w: column %q names no attribute: want attrs.KEY", fileerr.ErrFormat, shown[i]))
			continue
		case isAttr:
			c.Attr[i] = attr
			key = AttrPrefix + attr
		case known:
			key = name
			f := byName[name]
			c.Set[i] = f.Set
			c.List[i] = f.Type == List
			if f.Required {
				c.Required[i] = f.Missing
			}
		default:
			c.Attr[i] = h
			key = AttrPrefix + h
			hint := ""
			if s := Suggest(h, names); s != "" {
				hint = fmt.Sprintf("; did you mean %q?", s)
			}
			r.Warn(i, shown[i], fmt.Sprintf("column %q names no field: read as attribute %q (head it %q to say so%s)", shown[i], h, AttrPrefix+h, hint))
		}
		if first, dup := seen[key]; dup {
			if first == shown[i] {
				r.Problem(i, shown[i], fmt.Errorf("%w: column %q appears twice", fileerr.ErrFormat, shown[i]))
			} else {
				r.Problem(i, shown[i], fmt.Errorf("%w: column %q repeats column %q", fileerr.ErrFormat, shown[i], first))
			}
			continue
		}
		seen[key] = shown[i]
	}
	for _, f := range fields {
		if _, found := seen[f.Name]; f.Required && !found {
			also := ""
			if a := Aliases(f.Name); len(a) > 0 {
				also = " (or " + strings.Join(a, ", ") + ")"
			}
			r.Problem(-1, f.Name, fmt.Errorf("%w: missing required column %q%s", fileerr.ErrFormat, f.Name, also))
		}
	}
	return c
}

// Cell sets the non-empty value of column i on el: its field, or the
// attribute in the map attrs returns. warning, when not "", is a warning
// for the cell (a list written with commas); err is the field's error. A
// blank column is the caller's to refuse first.
func (c *Columns[T]) Cell(el *T, attrs func(*T) *map[string]string, i int, cell string) (warning string, err error) {
	if c.Set[i] != nil {
		if c.List[i] && strings.Contains(cell, ",") && !strings.Contains(cell, ";") {
			warning = fmt.Sprintf("%q contains commas but no ';': read as one value; separate values with ';'", cell)
		}
		return warning, c.Set[i](el, cell)
	}
	m := attrs(el)
	if *m == nil {
		*m = map[string]string{}
	}
	(*m)[c.Attr[i]] = cell
	return "", nil
}
