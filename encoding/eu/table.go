package eu

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/labournet/labournet/encoding/mapping"
	"github.com/labournet/labournet/internal/fileerr"
	"github.com/labournet/labournet/internal/schema"
)

// tableKind says what a table holds.
type tableKind uint8

const (
	participationTable tableKind = iota // one row per participation
	projectTable                        // one row per project
)

func (k tableKind) String() string {
	if k == projectTable {
		return "project table"
	}
	return "participation table"
}

// attr is one free attribute of a row.
type attr struct {
	of       attrKind
	key, val string
}

// table is what one file or sheet holds, as read: its place, its columns
// and its rows.
type table struct {
	file   string         // "organization.csv", "book.xlsx[Partners]"
	kind   tableKind      // what it holds
	header []string       // the header as written
	col    [numFields]int // the 1-based column of each field, 0 when none
	rows   []record
}

// record is one row of a table: the text of each field after the layout's
// value map and defaults, the text of the type and role columns as written,
// and the row's free attributes.
type record struct {
	t                *table
	col              *[numFields]int // the columns of the record's fields
	line             int
	v                [numFields]string
	rawType, rawRole string
	attrs            []attr
}

// place returns the ParseError of a problem with field f of the record.
func (r *record) place(f field, err error) *fileerr.ParseError {
	e := &fileerr.ParseError{File: r.t.file, Line: r.line, Err: err}
	if c := r.col[f]; c > 0 {
		e.Column = c
		e.Path = r.t.header[c-1]
	} else {
		e.Path = f.String()
	}
	return e
}

// warning returns a warning about field f of the record, placed at its
// column, or at the row when the value came from the layout's defaults.
func (r *record) warning(f field, msg string) Warning {
	w := Warning{File: r.t.file, Line: r.line, Path: f.String(), Message: msg}
	if c := r.col[f]; c > 0 {
		w.Column, w.Path = c, r.t.header[c-1]
	}
	return w
}

// columns is the reading of a header row against a layout.
type columns struct {
	kind    tableKind
	field   []field // per column: the field, or numFields
	attr    []attr  // per column: the attribute (key set) when field is numFields
	group   []int   // per column: its number in a repeating column ("Partner {n} name"), else 0
	col     [numFields]int
	groups  map[int]*[numFields]int // the columns of each numbered group's fields
	ignored []string                // columns that name nothing
	apply   func([]string)
	m       *mapping.Table
}

// known counts the columns of a header that a layout's tables name.
func known(header []string, l *Layout) int {
	n := 0
	for _, h := range header {
		if _, ok := l.Mapping.Participations.Target(h); ok {
			n++
		} else if _, ok := l.Mapping.Projects.Target(h); ok {
			n++
		}
	}
	return n
}

// readColumns matches a header row to the layout: the table whose mapping
// names the most columns decides what the table holds (participations when
// it names an organisation's field or a role).
func readColumns(header []string, l *Layout, file string, want tableKind, sure bool) (*columns, error) {
	try := func(kind tableKind) *columns {
		m := l.Mapping.Participations
		if kind == projectTable {
			m = l.Mapping.Projects
		}
		renamed, apply := m.Apply(header)
		c := &columns{kind: kind, field: make([]field, len(header)), attr: make([]attr, len(header)),
			group: make([]int, len(header)), groups: map[int]*[numFields]int{}, apply: apply, m: m}
		for i, h := range renamed {
			c.field[i] = numFields
			c.group[i] = m.Group(header[i])
			to, ok := h, h != ""
			if ok {
				to, ok = m.Target(h)
			}
			if !ok {
				if h != "" && strings.TrimSpace(header[i]) != "" {
					c.ignored = append(c.ignored, header[i])
				}
				continue
			}
			if f, isField := fieldByName[to]; isField && (kind == participationTable || f < numProjectFields) {
				col := &c.col
				if g := c.group[i]; g > 0 && f >= numProjectFields {
					if c.groups[g] == nil {
						c.groups[g] = &[numFields]int{}
					}
					col = c.groups[g]
				}
				if col[f] == 0 {
					c.field[i], col[f] = f, i+1
				}
				continue
			}
			for j, pre := range schema.ImportAttrPrefixes {
				if rest, ok := strings.CutPrefix(to, pre); ok && (j != int(orgAttr) || kind == participationTable) {
					c.attr[i] = attr{of: attrKind(j), key: rest}
				}
			}
			if c.attr[i].key == "" {
				c.ignored = append(c.ignored, header[i])
			}
		}
		return c
	}
	if sure {
		c := try(want)
		return c, c.check(file, header, l)
	}
	p, q := try(participationTable), try(projectTable)
	isPart := len(p.groups) > 0 || slices.ContainsFunc([]field{fOrgID, fVAT, fName, fRole}, func(f field) bool { return p.col[f] > 0 })
	switch {
	case isPart:
		return p, p.check(file, header, l)
	case q.col[fProject] > 0:
		return q, q.check(file, header, l)
	}
	return nil, &fileerr.ParseError{File: file, Line: 1, Err: fmt.Errorf("%w: the header names no column of a participation or project table of %s: want %s",
		fileerr.ErrFormat, l.Title, l.expect(participationTable, fProject, fName))}
}

// check reports the required columns a table lacks: the project, and for
// participations the organisation (its ID, VAT number or name).
func (c *columns) check(file string, header []string, l *Layout) error {
	var missing []field
	if c.col[fProject] == 0 {
		missing = append(missing, fProject)
	}
	noOrg := c.kind == participationTable && c.col[fOrgID] == 0 && c.col[fVAT] == 0 && c.col[fName] == 0 && len(c.groups) == 0
	if len(missing) == 0 && !noOrg {
		return nil
	}
	p := &fileerr.List{File: file}
	report := func(what, want string, names []string) {
		err := fmt.Errorf("%w: the %s has no column for %s: want %s", fileerr.ErrFormat, c.kind, what, want)
		if s := suggestColumn(names, c.ignored); s != "" {
			err = fmt.Errorf("%w (is %q it, renamed?)", err, s)
		}
		p.Add(1, 0, "", err)
	}
	for _, f := range missing {
		report(f.String(), l.expect(c.kind, f), l.sources(c.kind, f))
	}
	if noOrg {
		var names []string
		for _, f := range []field{fOrgID, fVAT, fName} {
			names = append(names, l.sources(c.kind, f)...)
		}
		report("the organisation", l.expect(c.kind, fOrgID)+" or "+l.expect(c.kind, fVAT)+" or "+l.expect(c.kind, fName), names)
	}
	return p.Err()
}

// suggestColumn returns the column of the header, among those that name
// nothing, closest to one of the names a field is known by, or "".
func suggestColumn(names, ignored []string) string {
	for _, n := range names {
		if s := schema.Suggest(n, ignored); s != "" {
			return s
		}
	}
	return ""
}

// expand returns the records of one row of cells: one, or in a table with
// repeating columns ("Partner {n} name"), one for the organisation of the
// columns that do not repeat (the coordinator: role "lead" unless a role
// column says otherwise) and one for each number whose organisation
// columns are not empty (role "partner" unless a role column says
// otherwise), each with the row's project.
func (c *columns) expand(t *table, line int, cells []string) []record {
	r := c.read(t, line, cells)
	if len(c.groups) == 0 {
		return []record{r}
	}
	var out []record
	if hasOrg(&r) {
		if r.v[fRole] == "" {
			r.v[fRole] = "lead"
		}
		out = append(out, r)
	}
	for _, g := range sortedGroups(c.groups) {
		col := c.groups[g]
		q := record{t: t, col: col, line: line}
		for _, at := range r.attrs {
			if at.of != orgAttr {
				q.attrs = append(q.attrs, at)
			}
		}
		for i, cell := range cells[:min(len(cells), len(c.field))] {
			if cell = strings.TrimSpace(cell); c.group[i] == g && c.attr[i].key != "" && !isEmpty(cell) {
				at := c.attr[i]
				at.val = cell
				q.attrs = append(q.attrs, at)
			}
		}
		for f := range numProjectFields {
			q.v[f] = r.v[f]
		}
		for f := numProjectFields; f < numFields; f++ {
			if i := col[f]; i > 0 && i <= len(cells) && !isEmpty(strings.TrimSpace(cells[i-1])) {
				q.v[f] = strings.TrimSpace(cells[i-1])
			}
		}
		if i := col[fType]; i > 0 {
			q.rawType = q.v[fType]
		}
		if !hasOrg(&q) {
			continue
		}
		if q.v[fRole] == "" {
			q.v[fRole] = "partner"
		}
		out = append(out, q)
	}
	return out
}

func hasOrg(r *record) bool { return r.v[fOrgID] != "" || r.v[fVAT] != "" || r.v[fName] != "" }

func sortedGroups(m map[int]*[numFields]int) []int {
	out := make([]int, 0, len(m))
	for g := range m {
		out = append(out, g)
	}
	slices.Sort(out)
	return out
}

// read returns the record of one row of cells, with the fields of the
// columns that do not repeat.
func (c *columns) read(t *table, line int, cells []string) record {
	r := record{t: t, col: &t.col, line: line}
	if i := c.col[fType]; i > 0 && i <= len(cells) {
		r.rawType = strings.TrimSpace(cells[i-1])
	}
	if i := c.col[fRole]; i > 0 && i <= len(cells) {
		r.rawRole = strings.TrimSpace(cells[i-1])
	}
	c.apply(cells)
	for i, cell := range cells[:min(len(cells), len(c.field))] {
		cell = strings.TrimSpace(cell)
		if isEmpty(cell) || c.group[i] > 0 {
			continue
		}
		if f := c.field[i]; f < numFields {
			r.v[f] = cell
		} else if a := c.attr[i]; a.key != "" {
			a.val = cell
			r.attrs = append(r.attrs, a)
		}
	}
	for to, d := range c.m.Defaults {
		if f, ok := fieldByName[to]; ok && r.v[f] == "" && d != "" {
			r.v[f] = d
		}
	}
	return r
}

// bom is the UTF-8 byte-order mark that spreadsheets write.
const bom = "\uFEFF"

// readCSV reads one CSV table, separated by ',', ';' or tab (whichever
// splits the header into the most columns the layout knows). want and sure
// say what the table holds when the caller knows it.
func readCSV(r io.Reader, file string, l *Layout, want tableKind, sure bool, lim fileerr.Limits, warn func(Warning)) (*table, error) {
	br := bufio.NewReaderSize(fileerr.Bounded(r, lim.MaxBytes), 64<<10)
	if b, _ := br.Peek(len(bom)); string(b) == bom {
		br.Discard(len(bom))
	}
	comma := detectComma(br, l)
	cr := csv.NewReader(br)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	cr.LazyQuotes = true // for the header only: a wrong delimiter gets its own message
	header, err := cr.Read()
	cr.LazyQuotes = false
	if err == io.EOF {
		return nil, &fileerr.ParseError{File: file, Err: fmt.Errorf("%w: empty file: want a header row", fileerr.ErrFormat)}
	}
	if err != nil {
		return nil, csvError(file, err)
	}
	header = slices.Clone(header)
	if len(header) == 1 && strings.ContainsAny(header[0], ",;\t|") {
		return nil, &fileerr.ParseError{File: file, Line: 1, Err: fmt.Errorf("%w: the header row is one column, %q: the file is separated by none of ',', ';' and tab, or by one the layout does not expect", fileerr.ErrFormat, shorten(header[0]))}
	}
	c, err := readColumns(header, l, file, want, sure)
	if err != nil {
		return nil, err
	}
	head, _ := br.Peek(br.Size())
	t := &table{file: file, kind: c.kind, header: header, col: c.col, rows: make([]record, 0, fileerr.EstimateLines(r, head))}
	warnIgnored(t, c, warn)
	p := &fileerr.List{File: file}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && !errors.Is(pe.Err, csv.ErrQuote) && !errors.Is(pe.Err, csv.ErrBareQuote) {
				p.Add(pe.Line, pe.Column, "", fmt.Errorf("%w: %v", fileerr.ErrFormat, pe.Err))
				if errors.Is(err, fileerr.ErrTooLarge) {
					return nil, p.Err()
				}
				continue
			}
			return nil, errors.Join(p.Err(), csvError(file, err))
		}
		if allBlank(rec) {
			continue
		}
		if len(rec) != len(header) {
			p.Add(line, 0, "", fmt.Errorf("%w: the row has %d cells, the header %d: is a %q inside a value not quoted?", fileerr.ErrFormat, len(rec), len(header), comma))
			if fileerr.Full(p) {
				return nil, p.Err()
			}
			continue
		}
		t.rows = append(t.rows, c.expand(t, line, rec)...)
	}
	return t, p.Err()
}

// csvError turns an error of encoding/csv into a ParseError.
func csvError(file string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &fileerr.ParseError{File: file, Line: pe.Line, Column: pe.Column, Err: fmt.Errorf("%w: %v", fileerr.ErrFormat, pe.Err)}
	}
	if errors.Is(err, fileerr.ErrTooLarge) {
		return &fileerr.ParseError{File: file, Err: err}
	}
	return fmt.Errorf("%s: %w", file, err)
}

// detectComma chooses the delimiter that splits the header row into the
// most columns the layout names, then into the most columns, then the
// first of ',', ';' and tab.
func detectComma(br *bufio.Reader, l *Layout) rune {
	head, _ := br.Peek(64 << 10)
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i+1]
	}
	best, bestKnown, bestCells := ',', -1, -1
	for i, rec := range fileerr.SplitHeader(head) {
		if rec == nil {
			continue
		}
		if k := known(rec, l); k > bestKnown || k == bestKnown && len(rec) > bestCells {
			best, bestKnown, bestCells = fileerr.Commas[i], k, len(rec)
		}
	}
	return best
}

func allBlank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// warnIgnored warns once of the columns of a table that name nothing.
func warnIgnored(t *table, c *columns, warn func(Warning)) {
	if len(c.ignored) == 0 {
		return
	}
	q := make([]string, len(c.ignored))
	for i, h := range c.ignored {
		q[i] = fmt.Sprintf("%q", h)
	}
	warn(Warning{File: t.file, Line: 1, Message: fmt.Sprintf("column%s %s name%s no field of the %s and %s ignored (map %s in a mapping file to keep %s)",
		plural(len(q), "", "s"), strings.Join(q, ", "), plural(len(q), "s", ""), c.kind, plural(len(q), "is", "are"), plural(len(q), "it", "them"), plural(len(q), "it", "them"))})
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// shorten cuts a text for a message at 60 characters.
func shorten(s string) string {
	r := []rune(s)
	if len(r) <= 60 {
		return s
	}
	return string(r[:59]) + "…"
}
