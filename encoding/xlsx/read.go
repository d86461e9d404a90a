package xlsx

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/encoding/mapping"
	"github.com/labournet/labournet/internal/fileerr"
	"github.com/labournet/labournet/internal/schema"
	"github.com/labournet/labournet/network"
)

// The limits of what a reader holds.
const (
	// MaxSize is the largest workbook read, in bytes (200 MB): a reader
	// holds the whole workbook in memory.
	MaxSize = 200 << 20
	// MaxUnzipped is the most bytes the parts of a workbook may take
	// once unzipped (1 GiB), against zip bombs.
	MaxUnzipped = 1 << 30
	// MaxRows is the most rows a sheet may have, blank rows included.
	MaxRows = 2_000_000
)

// The limits in force; tests lower them.
var (
	maxSize     int64 = MaxSize
	maxUnzipped int64 = MaxUnzipped
	maxRows           = MaxRows
)

// The sheet names of the two layouts.
const (
	ActorsSheet      = "Actors"
	LinksSheet       = "Links"
	ElementsSheet    = "Elements"
	ConnectionsSheet = "Connections"
)

// ErrTooLarge is a workbook over MaxSize or MaxUnzipped, or a sheet of
// more than MaxRows rows. It wraps fileerr.ErrFormat (encoding.ErrFormat).
var ErrTooLarge = fmt.Errorf("%w: workbook", fileerr.ErrTooLarge)

// maxReports bounds the warnings of one column reported one by one.
const maxReports = 10

// Warning is a doubt about a workbook that is no error (a column that names
// no field, an unknown Kumu type). File, Line, Column and Path are as in
// fileerr.ParseError; it mirrors encoding.Warning.
type Warning struct {
	File    string
	Line    int // the row, 1-based; 0 when unknown
	Column  int // the column's number (A is 1), 0 when unknown
	Path    string
	Message string
}

// String gives "file:row:column: path: message", leaving out the parts that
// are unknown.
func (w Warning) String() string {
	return (&fileerr.ParseError{File: w.File, Line: w.Line, Column: w.Column, Path: w.Path, Err: errors.New(w.Message)}).Error()
}

// Options are the choices of ReadWith.
type Options struct {
	// Mapping, when not nil, renames the columns and maps the values of
	// the workbook's sheets (see package encoding/mapping); its sheet
	// names replace "Actors" and "Links". A workbook read with a mapping is
	// always read in our layout, never as Kumu's.
	Mapping *mapping.Mapping
}

// Read reads a network from a workbook in our layout (sheets Actors and
// Links) or Kumu's (sheets Elements and Connections); file names it in
// errors. It returns every problem found, and a nil network when there is
// any. It is ReadWith without options, leaving out the warnings.
func Read(r io.Reader, file string) (*network.Network, error) {
	n, _, err := ReadWith(r, file, Options{})
	return n, err
}

// ReadWithMapping reads a workbook whose sheets and columns m maps to ours.
func ReadWithMapping(r io.Reader, file string, m *mapping.Mapping) (*network.Network, error) {
	n, _, err := ReadWith(r, file, Options{Mapping: m})
	return n, err
}

// Load reads the workbook at path (see Read), naming the network after the
// file without its extension.
func Load(path string) (*network.Network, error) {
	n, _, err := LoadWith(path, Options{})
	return n, err
}

// LoadWith is Load with options; it also returns the warnings.
func LoadWith(path string, opt Options) (*network.Network, []Warning, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	n, warnings, err := ReadWith(f, path, opt)
	if err != nil {
		return nil, warnings, err
	}
	n.Name = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return n, warnings, nil
}

// ReadWith is Read with options, which also returns the warnings, with or
// without an error.
func ReadWith(r io.Reader, file string, opt Options) (*network.Network, []Warning, error) {
	wb, err := open(r, file)
	if err != nil {
		return nil, nil, err
	}
	defer wb.f.Close()
	if m := opt.Mapping; m != nil {
		as, ls := "", ""
		if m.Actors != nil {
			as = m.Actors.Sheet
		}
		if m.Links != nil {
			ls = m.Links.Sheet
		}
		// Kumu's layout when the mapping names the Elements sheet, or no
		// sheet of a workbook in that layout.
		if strings.EqualFold(as, ElementsSheet) || as == "" && wb.sheet(ActorsSheet) == "" && wb.sheet(ElementsSheet) != "" {
			return wb.readKumu(ElementsSheet, cmp.Or(ls, ConnectionsSheet), m.Actors, m.Links)
		}
		// The links sheet may be left out unless the mapping names it.
		needLinks := ls != "" || wb.sheet(LinksSheet) != ""
		return wb.readOurs(cmp.Or(as, ActorsSheet), cmp.Or(ls, LinksSheet), needLinks, m.Actors, m.Links)
	}
	switch {
	case wb.sheet(ActorsSheet) != "":
		return wb.readOurs(ActorsSheet, LinksSheet, true, nil, nil)
	case wb.sheet(ElementsSheet) != "":
		return wb.readKumu(ElementsSheet, ConnectionsSheet, nil, nil)
	}
	return nil, nil, &fileerr.ParseError{File: file, Err: fmt.Errorf("%w: missing sheet %q (or %q, in Kumu's layout): the workbook has %s",
		fileerr.ErrFormat, ActorsSheet, ElementsSheet, quoteList(wb.f.GetSheetList()))}
}

func quoteList(s []string) string {
	if len(s) == 0 {
		return "no sheets"
	}
	q := make([]string, len(s))
	for i, v := range s {
		q[i] = fmt.Sprintf("%q", v)
	}
	return "sheets " + strings.Join(q, ", ")
}

// workbook is an open workbook and the warnings of its reading.
type workbook struct {
	f        *excelize.File
	file     string
	warnings []Warning
	perPath  map[string]int // warnings per sheet and column
}

func open(r io.Reader, file string) (*workbook, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > maxSize {
		return nil, &fileerr.ParseError{File: file, Err: fmt.Errorf("%w: over %s, the most a workbook may take", ErrTooLarge, size(maxSize))}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: min(maxUnzipped, excelize.StreamChunkSize)})
	if err != nil {
		if strings.HasPrefix(err.Error(), "unzip size exceeds") {
			return nil, &fileerr.ParseError{File: file, Err: fmt.Errorf("%w: %v", ErrTooLarge, err)}
		}
		return nil, &fileerr.ParseError{File: file, Err: fmt.Errorf("%w: not an XLSX workbook: %v", fileerr.ErrFormat, err)}
	}
	return &workbook{f: f, file: file, perPath: map[string]int{}}, nil
}

// sheet returns the name of the workbook's sheet called name, in any case
// and with surrounding space, or "".
func (wb *workbook) sheet(name string) string {
	for _, s := range wb.f.GetSheetList() {
		if strings.EqualFold(strings.TrimSpace(s), name) {
			return s
		}
	}
	return ""
}

// sheetFile is the File of the problems of a sheet: "book.xlsx[Actors]".
func (wb *workbook) sheetFile(sheet string) string {
	return wb.file + "[" + sheet + "]"
}

func (wb *workbook) warn(file string, row, col int, path, msg string) {
	k := file + "\x00" + path
	n := wb.perPath[k]
	wb.perPath[k] = n + 1
	switch {
	case n < maxReports:
		wb.warnings = append(wb.warnings, Warning{File: file, Line: row, Column: col, Path: path, Message: msg})
	case n == maxReports:
		wb.warnings = append(wb.warnings, Warning{File: file, Path: path, Message: "more warnings like these left out"})
	}
}

// rowReader reads the non-blank rows of one sheet.
type rowReader struct {
	rows *excelize.Rows
	row  int // the number of the last row read
	p    *fileerr.List
	done bool
}

func (wb *workbook) rows(sheet string, p *fileerr.List) (*rowReader, error) {
	rows, err := wb.f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	return &rowReader{rows: rows, p: p}, nil
}

// next returns the cells of the next row that has a non-empty cell, and
// its number; ok is false at the end of the sheet or past MaxRows.
func (rr *rowReader) next() (cells []string, row int, ok bool) {
	for !rr.done && rr.rows.Next() {
		rr.row++
		if rr.row > maxRows {
			rr.p.Add(rr.row, 0, "", fmt.Errorf("%w: the sheet has more than %d rows", ErrTooLarge, maxRows))
			rr.done = true
			break
		}
		cells, err := rr.rows.Columns()
		if err != nil {
			rr.p.Add(rr.row, 0, "", fmt.Errorf("%w: %v", fileerr.ErrFormat, err))
			continue
		}
		if slices.ContainsFunc(cells, func(c string) bool { return strings.TrimSpace(c) != "" }) {
			return cells, rr.row, true
		}
	}
	if !rr.done {
		rr.done = true
		if err := rr.rows.Error(); err != nil {
			rr.p.Add(0, 0, "", fmt.Errorf("%w: %v", fileerr.ErrFormat, err))
		}
		rr.rows.Close()
	}
	return nil, 0, false
}

// close ends the reading early.
func (rr *rowReader) close() {
	if !rr.done {
		rr.done = true
		rr.rows.Close()
	}
}

// table reads the rows of one sheet in our columns.
type table[T any] struct {
	rr     *rowReader
	wb     *workbook
	file   string
	p      *fileerr.List
	header []string // the headers as written, for messages
	schema.Columns[T]
	mapRow func([]string)
}

// newTable reads the header row of sheet; fields is its field table and
// m its mapping (nil for none).
func newTable[T any](wb *workbook, sheet string, fields []schema.Field[T], m *mapping.Table, p *fileerr.List) (*table[T], error) {
	rr, err := wb.rows(sheet, p)
	if err != nil {
		p.Add(0, 0, "", fmt.Errorf("%w: %v", fileerr.ErrFormat, err))
		return nil, p.Err()
	}
	orig, hrow, ok := rr.next()
	if !ok {
		if p.Len() == 0 {
			p.Add(1, 0, "", fmt.Errorf("%w: empty sheet: want a header row", fileerr.ErrFormat))
		}
		return nil, p.Err()
	}
	orig = trimmed(orig)
	header, mapRow := m.Apply(orig)
	t := &table[T]{rr: rr, wb: wb, file: p.File, p: p, header: orig, mapRow: mapRow}
	t.Columns = schema.MatchHeader(fields, header, orig, nil, schema.HeaderReport{
		Problem: func(i int, path string, err error) { p.Add(hrow, i+1, path, err) },
		Warn:    func(i int, path, msg string) { wb.warn(p.File, hrow, i+1, path, msg) },
	})
	if p.Len() > 0 {
		rr.close()
		return nil, p.Err()
	}
	return t, nil
}

// next reads the next row into a new T; done is true at the end of the
// sheet.
func (t *table[T]) next(attrs func(*T) *map[string]string) (v T, row int, ok, done bool) {
	cells, row, more := t.rr.next()
	if !more {
		return v, 0, false, true
	}
	cells = slices.Clone(cells)
	t.mapRow(cells)
	ok = true
	for i := range max(len(cells), len(t.header)) {
		cell := ""
		if i < len(cells) {
			cell = strings.TrimSpace(cells[i])
		}
		col := i + 1
		if cell == "" {
			if err, req := t.Required[i]; req {
				t.p.Add(row, col, t.header[i], fmt.Errorf("%w: empty cell in required column", err))
				ok = false
			}
			continue
		}
		if !utf8.ValidString(cell) {
			t.p.Add(row, col, t.headerAt(i), fmt.Errorf("%w: invalid UTF-8", fileerr.ErrFormat))
			ok = false
			continue
		}
		if i >= len(t.header) || t.Blank[i] {
			t.p.Add(row, col, "", fmt.Errorf("%w: a value in column %s, which has no header: give the column a header or empty it", fileerr.ErrFormat, colName(col)))
			ok = false
			continue
		}
		warning, err := t.Cell(&v, attrs, i, cell)
		if warning != "" {
			t.wb.warn(t.file, row, col, t.header[i], warning)
		}
		if err != nil {
			t.p.Add(row, col, t.header[i], err)
			ok = false
		}
	}
	return v, row, ok, false
}

func (t *table[T]) headerAt(i int) string {
	if i < len(t.header) {
		return t.header[i]
	}
	return ""
}

// colName returns a column's letters ("A", "AB").
func colName(col int) string {
	s, err := excelize.ColumnNumberToName(col)
	if err != nil {
		return fmt.Sprint(col)
	}
	return s
}

// readOurs reads our layout from sheets as and ls (ls may be missing when
// needLinks is false).
func (wb *workbook) readOurs(as, ls string, needLinks bool, am, lm *mapping.Table) (*network.Network, []Warning, error) {
	asheet := wb.sheet(as)
	if asheet == "" {
		return nil, nil, &fileerr.ParseError{File: wb.file, Err: fmt.Errorf("%w: missing sheet %q: the workbook has %s", fileerr.ErrFormat, as, quoteList(wb.f.GetSheetList()))}
	}
	lsheet := wb.sheet(ls)
	if lsheet == "" && needLinks {
		return nil, nil, &fileerr.ParseError{File: wb.file, Err: fmt.Errorf("%w: missing sheet %q: the workbook has %s; a network without links needs a sheet %q with its header row only (from, to, kind)",
			fileerr.ErrFormat, ls, quoteList(wb.f.GetSheetList()), ls)}
	}
	n := network.New("")
	pa := &fileerr.List{File: wb.sheetFile(asheet)}
	bad := map[string]bool{}
	ta, err := newTable(wb, asheet, schema.Actor, am, pa)
	if err != nil {
		return nil, wb.warnings, err
	}
	for {
		a, row, ok, done := ta.next(func(a *actor.Actor) *map[string]string { return &a.Attrs })
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
			pa.Add(row, 0, "", err)
			bad[a.ID] = true
		}
	}
	if lsheet == "" {
		if err := pa.Err(); err != nil {
			return nil, wb.warnings, err
		}
		return n, wb.warnings, nil
	}
	pl := &fileerr.List{File: wb.sheetFile(lsheet)}
	tl, err := newTable(wb, lsheet, schema.Link, lm, pl)
	if err != nil {
		return nil, wb.warnings, errors.Join(pa.Err(), err)
	}
	for i := 0; ; i++ {
		l, row, ok, done := tl.next(func(l *network.Link) *map[string]string { return &l.Attrs })
		if done {
			break
		}
		if !ok {
			continue
		}
		if err := schema.CheckLink(&l); err != nil {
			pl.Add(row, 0, "money.amount", err)
			continue
		}
		addLink(n, l, row, i, bad, pl)
	}
	if err := errors.Join(pa.Err(), pl.Err()); err != nil {
		return nil, wb.warnings, err
	}
	return n, wb.warnings, nil
}

// addLink adds l, the index-th link, read from row, to n and reports its
// problems; an unknown actor that was given but rejected is not reported
// again.
func addLink(n *network.Network, l network.Link, row, index int, bad map[string]bool, p *fileerr.List) {
	err := n.AddLink(l)
	if err == nil {
		return
	}
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	for _, e := range errs {
		var le *network.LinkError
		if errors.As(e, &le) {
			if errors.Is(le.Err, network.ErrUnknownActor) && bad[le.Value] {
				continue
			}
			c := *le
			c.Index = index
			e = &c
		}
		p.Add(row, 0, "", e)
	}
}

// size writes a number of bytes for a message: "200 MB", "4096 bytes".
func size(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}
