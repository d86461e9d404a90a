package encoding

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/network"
)

// The CSV columns, in the order the writer uses; attribute columns
// ("attrs.KEY", sorted) follow.
var (
	ActorColumns = []string{"id", "name", "kind", "level", "country", "region", "aggregate", "count", "sectors", "targetGroups", "skills", "themes"}
	LinkColumns  = []string{"id", "from", "to", "kind", "direction", "role", "label", "weight", "money.amount", "money.currency", "money.ceiling", "cadence", "start", "end", "status", "targetGroups", "evidence"}
)

// ListSeparator separates the values of a multi-valued CSV cell on write;
// on read, values are split on ";" and trimmed.
const ListSeparator = "; "

const attrPrefix = "attrs."

// csvSetter parses one cell into the element being built.
type csvSetter[T any] func(cell string, into *T) error

func splitList(s string) ([]string, error) {
	var out []string
	for _, v := range strings.Split(s, ";") {
		v = strings.TrimSpace(v)
		if v == "" {
			return nil, fmt.Errorf("%w: empty value in list %q", actor.ErrInvalidText, s)
		}
		out = append(out, v)
	}
	return out, nil
}

func parseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "yes", "1":
		return true, nil
	case "false", "no", "0":
		return false, nil
	}
	return false, fmt.Errorf("%w: %q is not true or false", ErrFormat, s)
}

func parseFloat(s string) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return 0, fmt.Errorf("%w: %q is not a number", ErrFormat, s)
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%w: %q", network.ErrNaN, s)
	}
	return v, nil
}

var actorCells = map[string]csvSetter[actor.Actor]{
	"id":      func(c string, a *actor.Actor) error { a.ID = c; return nil },
	"name":    func(c string, a *actor.Actor) error { a.Name = c; return nil },
	"kind":    func(c string, a *actor.Actor) error { return a.Kind.UnmarshalText([]byte(c)) },
	"level":   func(c string, a *actor.Actor) error { return a.Level.UnmarshalText([]byte(c)) },
	"country": func(c string, a *actor.Actor) error { a.Country = c; return nil },
	"region":  func(c string, a *actor.Actor) error { a.Region = c; return nil },
	"aggregate": func(c string, a *actor.Actor) (err error) {
		a.Aggregate, err = parseBool(c)
		return err
	},
	"count": func(c string, a *actor.Actor) (err error) {
		a.Count, err = strconv.Atoi(strings.TrimSpace(c))
		if err != nil {
			return fmt.Errorf("%w: %q is not a whole number", ErrFormat, c)
		}
		return nil
	},
	"sectors":      func(c string, a *actor.Actor) (err error) { a.Sectors, err = splitList(c); return err },
	"targetGroups": func(c string, a *actor.Actor) (err error) { a.TargetGroups, err = splitList(c); return err },
	"skills":       func(c string, a *actor.Actor) (err error) { a.Skills, err = splitList(c); return err },
	"themes":       func(c string, a *actor.Actor) (err error) { a.Themes, err = splitList(c); return err },
}

var linkCells = map[string]csvSetter[network.Link]{
	"id":        func(c string, l *network.Link) error { l.ID = c; return nil },
	"from":      func(c string, l *network.Link) error { l.From = c; return nil },
	"to":        func(c string, l *network.Link) error { l.To = c; return nil },
	"kind":      func(c string, l *network.Link) error { return l.Kind.UnmarshalText([]byte(c)) },
	"direction": func(c string, l *network.Link) error { return l.Direction.UnmarshalText([]byte(c)) },
	"role":      func(c string, l *network.Link) error { l.Role = c; return nil },
	"label":     func(c string, l *network.Link) error { l.Label = c; return nil },
	"weight":    func(c string, l *network.Link) (err error) { l.Weight, err = parseFloat(c); return err },
	"money.amount": func(c string, l *network.Link) error {
		v, err := parseFloat(c)
		if l.Money == nil {
			l.Money = &network.Money{}
		}
		l.Money.Amount = v
		return err
	},
	"money.currency": func(c string, l *network.Link) error {
		if l.Money == nil {
			l.Money = &network.Money{Amount: math.NaN()}
		}
		l.Money.Currency = c
		return nil
	},
	"money.ceiling": func(c string, l *network.Link) error {
		v, err := parseBool(c)
		if l.Money == nil {
			l.Money = &network.Money{Amount: math.NaN()}
		}
		l.Money.Ceiling = v
		return err
	},
	"cadence":      func(c string, l *network.Link) error { return l.Cadence.UnmarshalText([]byte(c)) },
	"start":        func(c string, l *network.Link) error { return l.Start.UnmarshalText([]byte(c)) },
	"end":          func(c string, l *network.Link) error { return l.End.UnmarshalText([]byte(c)) },
	"status":       func(c string, l *network.Link) error { return l.Status.UnmarshalText([]byte(c)) },
	"targetGroups": func(c string, l *network.Link) (err error) { l.TargetGroups, err = splitList(c); return err },
	"evidence":     func(c string, l *network.Link) error { l.Evidence = c; return nil },
}

// csvTable reads one table row by row.
type csvTable[T any] struct {
	r      *csv.Reader
	p      *problems
	header []string
	set    []csvSetter[T] // nil for attribute columns
	attrs  []string       // attribute key per column, "" otherwise
	// required maps the columns that may not be empty to the error an empty
	// cell gives.
	required map[int]error
}

// requiredCells are the cells that may not be empty, with the error an
// empty one gives.
var requiredCells = map[string]error{
	"id":   actor.ErrEmptyID,
	"from": network.ErrEmptyID,
	"to":   network.ErrEmptyID,
	"kind": actor.ErrUnknownKind,
}

func newCSVTable[T any](r io.Reader, p *problems, cells map[string]csvSetter[T], required []string) (*csvTable[T], error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		p.add(1, 0, "", fmt.Errorf("%w: empty file: want a header row", ErrFormat))
		return nil, p.err()
	}
	if err != nil {
		p.add(1, 0, "", fmt.Errorf("%w: %v", ErrFormat, err))
		return nil, p.err()
	}
	header = slices.Clone(header)
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\uFEFF")
	}
	t := &csvTable[T]{r: cr, p: p, header: header, set: make([]csvSetter[T], len(header)), attrs: make([]string, len(header)), required: map[int]error{}}
	seen := map[string]bool{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		header[i] = h
		line, col := cr.FieldPos(i)
		switch {
		case seen[h]:
			p.add(line, col, h, fmt.Errorf("%w: column %q appears twice", ErrFormat, h))
		case strings.HasPrefix(h, attrPrefix) && len(h) > len(attrPrefix):
			t.attrs[i] = h[len(attrPrefix):]
		case cells[h] != nil:
			t.set[i] = cells[h]
			if slices.Contains(required, h) {
				t.required[i] = requiredCells[h]
			}
		default:
			valid := make([]string, 0, len(cells))
			for k := range cells {
				valid = append(valid, k)
			}
			slices.Sort(valid)
			p.add(line, col, h, fmt.Errorf("%w: unknown column %q (valid: %s, and attrs.KEY)", ErrFormat, h, joinComma(valid)))
		}
		seen[h] = true
	}
	for _, c := range required {
		if !seen[c] {
			p.add(1, 0, c, fmt.Errorf("%w: missing required column %q", ErrFormat, c))
		}
	}
	if len(p.errs) > 0 {
		return nil, p.err()
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
			t.p.add(pe.StartLine, pe.Column, "", fmt.Errorf("%w: %v", ErrFormat, pe.Err))
			if errors.Is(pe.Err, csv.ErrFieldCount) {
				line, _ := t.r.FieldPos(0)
				return v, line, false, false
			}
		} else {
			t.p.add(0, 0, "", err)
		}
		return v, 0, false, true
	}
	line, _ = t.r.FieldPos(0)
	ok = true
	for i, cell := range rec {
		if cell == "" {
			if err, req := t.required[i]; req {
				l, c := t.r.FieldPos(i)
				t.p.add(l, c, t.header[i], fmt.Errorf("%w: empty cell in required column", err))
				ok = false
			}
			continue
		}
		if t.set[i] != nil {
			if err := t.set[i](cell, &v); err != nil {
				l, c := t.r.FieldPos(i)
				t.p.add(l, c, t.header[i], err)
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
	pa := &problems{file: actorsFile}
	bad := badActors{}
	ta, err := newCSVTable(actors, pa, actorCells, []string{"id", "kind"})
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
			pa.add(line, 0, "", err)
			bad[a.ID] = true
		}
	}
	pl := &problems{file: linksFile}
	if links != nil {
		tl, err := newCSVTable(links, pl, linkCells, []string{"from", "to", "kind"})
		if err != nil {
			return nil, errors.Join(pa.err(), err)
		}
		for i := 0; ; i++ {
			l, line, ok, done := tl.next(func(l *network.Link) *map[string]string { return &l.Attrs })
			if done {
				break
			}
			if !ok {
				continue
			}
			if l.Money != nil && math.IsNaN(l.Money.Amount) {
				pl.add(line, 0, "money.amount", fmt.Errorf("%w: money.currency or money.ceiling without money.amount", ErrFormat))
				continue
			}
			addLink(n, l, elemPos{line: line, path: "", index: i}, bad, pl)
		}
	}
	if err := errors.Join(pa.err(), pl.err()); err != nil {
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
	if err := aw.Write(append(slices.Clone(ActorColumns), prefixed(aKeys)...)); err != nil {
		return err
	}
	for _, a := range as {
		row := []string{a.ID, a.Name, a.Kind.String(), a.Level.String(), a.Country, a.Region, boolCell(a.Aggregate), intCell(a.Count)}
		for _, list := range [][]string{a.Sectors, a.TargetGroups, a.Skills, a.Themes} {
			c, err := joinList(list)
			if err != nil {
				return fmt.Errorf("encoding: actor %q: %w", a.ID, err)
			}
			row = append(row, c)
		}
		for _, k := range aKeys {
			row = append(row, a.Attrs[k])
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
	if err := lw.Write(append(slices.Clone(LinkColumns), prefixed(lKeys)...)); err != nil {
		return err
	}
	for i, l := range ls {
		var amount, currency, ceiling string
		if l.Money != nil {
			amount = strconv.FormatFloat(l.Money.Amount, 'f', -1, 64)
			currency = l.Money.Currency
			ceiling = boolCell(l.Money.Ceiling)
		}
		weight := ""
		if l.Weight != 0 {
			weight = strconv.FormatFloat(l.Weight, 'g', -1, 64)
		}
		groups, err := joinList(l.TargetGroups)
		if err != nil {
			return fmt.Errorf("encoding: link #%d (%s -> %s): %w", i+1, l.From, l.To, err)
		}
		row := []string{l.ID, l.From, l.To, l.Kind.String(), l.Direction.String(), l.Role, l.Label, weight,
			amount, currency, ceiling, l.Cadence.String(), l.Start.String(), l.End.String(), l.Status.String(), groups, l.Evidence}
		for _, k := range lKeys {
			row = append(row, l.Attrs[k])
		}
		if err := lw.Write(row); err != nil {
			return err
		}
	}
	lw.Flush()
	return lw.Error()
}

func prefixed(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = attrPrefix + k
	}
	return out
}

func joinList(list []string) (string, error) {
	for _, v := range list {
		if strings.Contains(v, ";") {
			return "", fmt.Errorf("%w: list value %q contains the separator \";\"", actor.ErrInvalidText, v)
		}
	}
	return strings.Join(list, ListSeparator), nil
}

func boolCell(b bool) string {
	if b {
		return "true"
	}
	return ""
}

func intCell(i int) string {
	if i == 0 {
		return ""
	}
	return strconv.Itoa(i)
}
