package encoding

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/fileerr"
	"github.com/labournet/labournet/internal/schema"
	"github.com/labournet/labournet/network"
)

// ListSeparator separates the values of a multi-valued CSV cell on write;
// on read, values are split on ";" and trimmed.
const ListSeparator = schema.ListSeparator

const attrPrefix = "attrs."

// csvTable reads one table row by row.
type csvTable[T any] struct {
	r      *csv.Reader
	p      *fileerr.List
	header []string
	set    []func(*T, string) error // nil for attribute columns
	attrs  []string                 // attribute key per column, "" otherwise
	// required maps the columns that may not be empty to the error an empty
	// cell gives.
	required map[int]error
}

// newCSVTable reads the header of a table whose columns are the fields of
// table and attributes.
func newCSVTable[T any](r io.Reader, p *fileerr.List, table []schema.Field[T]) (*csvTable[T], error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		p.Add(1, 0, "", fmt.Errorf("%w: empty file: want a header row", ErrFormat))
		return nil, p.Err()
	}
	if err != nil {
		p.Add(1, 0, "", fmt.Errorf("%w: %v", ErrFormat, err))
		return nil, p.Err()
	}
	header = slices.Clone(header)
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\uFEFF")
	}
	fields := make(map[string]schema.Field[T], len(table))
	for _, f := range table {
		fields[f.Name] = f
	}
	t := &csvTable[T]{r: cr, p: p, header: header, set: make([]func(*T, string) error, len(header)), attrs: make([]string, len(header)), required: map[int]error{}}
	seen := map[string]bool{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		header[i] = h
		line, col := cr.FieldPos(i)
		f, known := fields[h]
		switch {
		case seen[h]:
			p.Add(line, col, h, fmt.Errorf("%w: column %q appears twice", ErrFormat, h))
		case strings.HasPrefix(h, attrPrefix) && len(h) > len(attrPrefix):
			t.attrs[i] = h[len(attrPrefix):]
		case known:
			t.set[i] = f.Set
			if f.Required {
				t.required[i] = f.Missing
			}
		default:
			valid := slices.Sorted(maps.Keys(fields))
			p.Add(line, col, h, fmt.Errorf("%w: unknown column %q (valid: %s, and attrs.KEY)", ErrFormat, h, strings.Join(valid, ", ")))
		}
		seen[h] = true
	}
	for _, f := range table {
		if f.Required && !seen[f.Name] {
			p.Add(1, 0, f.Name, fmt.Errorf("%w: missing required column %q", ErrFormat, f.Name))
		}
	}
	if p.Len() > 0 {
		return nil, p.Err()
	}
	return t, nil
}

// next reads the next row into a new T; done is true at the end of the
// table, and fatal when the file cannot be read further.
func (t *csvTable[T]) next(attrs func(*T) *map[string]string) (v T, line int, ok, done bool) {
	rec, err := t.r.Read()
	if err == io.EOF {
		return v, 0, false, true
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			t.p.Add(pe.StartLine, pe.Column, "", fmt.Errorf("%w: %v", ErrFormat, pe.Err))
			if errors.Is(pe.Err, csv.ErrFieldCount) {
				line, _ := t.r.FieldPos(0)
				return v, line, false, false
			}
		} else {
			t.p.Add(0, 0, "", err)
		}
		return v, 0, false, true
	}
	line, _ = t.r.FieldPos(0)
	ok = true
	for i, cell := range rec {
		if cell == "" {
			if err, req := t.required[i]; req {
				l, c := t.r.FieldPos(i)
				t.p.Add(l, c, t.header[i], fmt.Errorf("%w: empty cell in required column", err))
				ok = false
			}
			continue
		}
		if t.set[i] != nil {
			if err := t.set[i](&v, cell); err != nil {
				l, c := t.r.FieldPos(i)
				t.p.Add(l, c, t.header[i], err)
				ok = false
			}
			continue
		}
		m := attrs(&v)
		if *m == nil {
			*m = map[string]string{}
		}
		(*m)[t.attrs[i]] = cell
	}
	return v, line, ok, false
}

// ReadCSV reads a network from its two CSV tables; actorsFile and linksFile
// name them in error messages. links may be nil for a network without
// links. It streams row by row and returns every problem found, and a nil
// network when there is any.
func ReadCSV(actors, links io.Reader, actorsFile, linksFile string) (*network.Network, error) {
	n := network.New("")
	pa := &fileerr.List{File: actorsFile}
	bad := badActors{}
	ta, err := newCSVTable(actors, pa, schema.Actor)
	if err != nil {
		return nil, err
	}
	for {
		a, line, ok, done := ta.next(func(a *actor.Actor) *map[string]string { return &a.Attrs })
		if done {
			break
		}
		if !ok {
			if a.ID != "" {
				bad[a.ID] = true
			}
			continue
		}
		if err := n.AddActor(a); err != nil {
			pa.Add(line, 0, "", err)
			bad[a.ID] = true
		}
	}
	pl := &fileerr.List{File: linksFile}
	if links != nil {
		tl, err := newCSVTable(links, pl, schema.Link)
		if err != nil {
			return nil, errors.Join(pa.Err(), err)
		}
		for i := 0; ; i++ {
			l, line, ok, done := tl.next(func(l *network.Link) *map[string]string { return &l.Attrs })
			if done {
				break
			}
			if !ok {
				continue
			}
			if err := schema.CheckLink(&l); err != nil {
				pl.Add(line, 0, "money.amount", err)
				continue
			}
			addLink(n, l, elemPos{line: line, path: "", index: i}, bad, pl)
		}
	}
	if err := errors.Join(pa.Err(), pl.Err()); err != nil {
		return nil, err
	}
	return n, nil
}

// WriteCSV writes n as its two CSV tables. A list value containing ";" or an
// attribute key that would not read back is an error, and nothing is
// written past it.
func WriteCSV(actors, links io.Writer, n *network.Network) error {
	as := n.Actors()
	aKeys := n.ActorAttrKeys()
	aw := csv.NewWriter(actors)
	if err := aw.Write(append(schema.Names(schema.Actor), prefixed(aKeys)...)); err != nil {
		return err
	}
	for i := range as {
		a := &as[i]
		row, err := csvRow(schema.Actor, a, aKeys, a.Attrs)
		if err != nil {
			return fmt.Errorf("encoding: actor %q: %w", a.ID, err)
		}
		if err := aw.Write(row); err != nil {
			return err
		}
	}
	aw.Flush()
	if err := aw.Error(); err != nil {
		return err
	}
	ls := n.Links()
	lKeys := n.LinkAttrKeys()
	lw := csv.NewWriter(links)
	if err := lw.Write(append(schema.Names(schema.Link), prefixed(lKeys)...)); err != nil {
		return err
	}
	for i := range ls {
		l := &ls[i]
		row, err := csvRow(schema.Link, l, lKeys, l.Attrs)
		if err != nil {
			return fmt.Errorf("encoding: link #%d (%s -> %s): %w", i+1, l.From, l.To, err)
		}
		if err := lw.Write(row); err != nil {
			return err
		}
	}
	lw.Flush()
	return lw.Error()
}

// csvRow returns the cells of one element: its fields in the table's order,
// then its attributes in the order of keys.
func csvRow[T any](table []schema.Field[T], el *T, keys []string, attrs map[string]string) ([]string, error) {
	row := make([]string, 0, len(table)+len(keys))
	for _, f := range table {
		if err := f.Check(el); err != nil {
			return nil, err
		}
		row = append(row, f.Get(el))
	}
	for _, k := range keys {
		row = append(row, attrs[k])
	}
	return row, nil
}

func prefixed(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = attrPrefix + k
	}
	return out
}
