package eu

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/labournet/labournet/encoding/mapping"
	"github.com/labournet/labournet/encoding/xlsx"
	"github.com/labournet/labournet/internal/fileerr"
	"github.com/labournet/labournet/network"
)

// Options configure an import. The zero value imports everything with no
// decisions on merges.
type Options struct {
	// Filter keeps part of what is imported (see Filter and Select).
	Filter Filter
	// Merges are the user's decisions on which organisations are one.
	Merges Merges
	// Name is the network's name; empty means the layout's title.
	Name string
	// Limits bound each file read; the zero value means encoding's
	// defaults (see encoding.Limits).
	Limits fileerr.Limits
}

// Warning is a doubt about the input that is no error: the importer read
// the input as the message says (an activity type it does not know kept as
// an attribute, a role it does not know, a column it ignored). File, Line,
// Column and Path place it as in encoding.ParseError; they are empty when
// the warning is about the whole import.
type Warning struct {
	File    string
	Line    int
	Column  int
	Path    string
	Message string
}

// String gives "file:line:column: path: message", leaving out the parts
// that are unknown.
func (w Warning) String() string {
	if w.File == "" && w.Path == "" {
		return w.Message
	}
	return (&fileerr.ParseError{File: w.File, Line: w.Line, Column: w.Column, Path: w.Path, Err: errors.New(w.Message)}).Error()
}

// Result is what an import made and what it noticed.
type Result struct {
	// Network is the two-mode network: organisations, projects,
	// programmes and funds (see Import).
	Network *network.Network
	// Warnings are the doubts about the input, in the order found; at
	// most ten of each kind are listed, then a count.
	Warnings []Warning
	// Notes say what the import did that changes the picture: rows
	// merged as duplicates, decimal commas read, countries renamed.
	Notes []string
	// Merges are the organisations merged by VAT number, name or the
	// merges file, sorted.
	Merges []Merge
	// NearDuplicates are the organisations kept apart that may be one,
	// sorted: confirm or refuse them in a merges file.
	NearDuplicates []NearDuplicate
	// Rows counts the participation rows read, Participations the
	// participations kept after merging duplicates and filtering.
	Rows, Participations int
}

// Import reads the participation data of a publisher, laid out as l says,
// from inputs, and returns the two-mode network it describes.
//
// Each input is a CSV file (separated by ',', ';' or tab, read as UTF-8,
// with or without a byte-order mark), an XLSX workbook (every sheet whose
// header the layout knows is read), or a folder holding the layout's Files.
// A table is a participation table when its header maps a column to an
// organisation's field ("org.id", "org.vat", "org.name") or a role, and a
// project table when it maps one to "project" and none to an organisation.
// A project table is optional: without one, projects are known by what
// the participation table says of them.
//
// The network holds:
//   - one actor per organisation (kind from the type column: the layout's
//     value map, then a guess by keywords, else "organisation" with the
//     source's text kept as the attribute "sourceType"; country, NUTS
//     region, and attributes sme, shortName, vat, city, url, sourceID);
//     participations are merged into organisations as Merges says;
//   - one actor of kind project per project, named by its acronym (else
//     its title, else its key), with the attributes title, acronym,
//     programme, call, topic, scheme, status, start, end, totalCost,
//     euContribution and fund where known;
//   - one actor of kind programme per programme and one of kind fund per
//     fund, the fund funding the programme and the programme governing each
//     of its projects;
//   - per participation, a partnership link from the organisation to the
//     project with its role (lead, partner, associated, third-party,
//     international-partner, beneficiary), the project's dates and
//     status; a participation that ended early ("ended" true, or "active"
//     false) is ended with no end date, so it is in force on no day (see
//     network.Link.PhaseOn); and, when the participation's EU
//     contribution is above zero, a funding link from the programme to the
//     organisation with that amount (in the project's currency, else
//     EUR), the role beneficiary and the project's ID as attribute
//     "project". A project with one participant and no contribution column
//     gives its EU contribution to that participant.
//
// Network.Project(func(a actor.Actor) bool { return a.Kind == actor.Project })
// projects it onto organisations: two organisations are linked when they
// share projects, weighted by their number.
//
// Rows that repeat a participation (same project, organisation, role and
// contribution) are merged and counted in a note. Problems of the input
// (a missing column, a malformed amount or date) are errors naming the
// file, line, column and header, gathered up to a limit; doubts are
// warnings. ctx stops a long import.
func Import(ctx context.Context, l *Layout, inputs []string, opt Options) (*Result, error) {
	return run(ctx, l, len(inputs), opt, func(im *importer, i int) error { return im.readPath(inputs[i]) })
}

// run reads k inputs with read, checking the layout and the context, and
// builds the network.
func run(ctx context.Context, l *Layout, k int, opt Options, read func(im *importer, i int) error) (*Result, error) {
	if l == nil || l.Mapping == nil {
		return nil, errors.New("eu: no layout")
	}
	if k == 0 {
		return nil, errors.New("eu: no input")
	}
	im := newImporter(l, opt)
	for i := range k {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := read(im, i); err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return im.finish(ctx)
}

// Input is one table, or one workbook, given as a stream: Name names it
// in messages and tells its form by its extension (".xlsx" is a workbook,
// anything else CSV).
type Input struct {
	Name string
	R    io.Reader
}

// ImportInputs is Import for tables given as streams (see Input): each is
// a participation table or a project table by its header, as Import tells
// them apart in a folder's files.
func ImportInputs(ctx context.Context, l *Layout, inputs []Input, opt Options) (*Result, error) {
	return run(ctx, l, len(inputs), opt, func(im *importer, i int) error {
		return im.readStream(inputs[i].R, inputs[i].Name, participationTable, false)
	})
}

// ImportReader reads one CSV table or workbook from r; file names it (see
// Input and Import).
func ImportReader(ctx context.Context, l *Layout, r io.Reader, file string, opt Options) (*Result, error) {
	return ImportInputs(ctx, l, []Input{{Name: file, R: r}}, opt)
}

// importer gathers the tables of one import.
type importer struct {
	l        *Layout
	opt      Options
	lim      fileerr.Limits
	parts    []*table
	projects []*table
	warns    warnings
}

func newImporter(l *Layout, opt Options) *importer {
	return &importer{l: l, opt: opt, lim: opt.Limits.Resolve()}
}

// readPath reads a file or a folder.
func (im *importer) readPath(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !st.IsDir() {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		return im.readStream(f, path, participationTable, false)
	}
	if len(im.l.Files) == 0 {
		return fmt.Errorf("%s: a folder: the layout %s names no files to read in one; give the files", path, im.l.Name)
	}
	for i, name := range im.l.Files {
		if name == "" {
			continue
		}
		p := filepath.Join(path, name)
		f, err := os.Open(p)
		if errors.Is(err, os.ErrNotExist) {
			if i == 0 {
				return fmt.Errorf("%s: no %s in the folder: the layout %s wants its participation table there", path, name, im.l.Name)
			}
			im.warns.add(Warning{File: path, Message: fmt.Sprintf("no %s in the folder: the projects' dates, titles and programmes stay unknown", name)})
			continue
		}
		if err != nil {
			return err
		}
		kind := participationTable
		if i == 1 {
			kind = projectTable
		}
		err = im.readStream(f, p, kind, true)
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// readStream reads one CSV file or workbook.
func (im *importer) readStream(r io.Reader, file string, kind tableKind, sure bool) error {
	if strings.EqualFold(filepath.Ext(file), ".xlsx") {
		return im.readWorkbook(r, file)
	}
	t, err := readCSV(r, file, im.l, kind, sure, im.lim, im.warns.add)
	if err != nil {
		return err
	}
	im.addTable(t)
	return nil
}

func (im *importer) addTable(t *table) {
	if t.kind == projectTable {
		im.projects = append(im.projects, t)
	} else {
		im.parts = append(im.parts, t)
	}
}

// readWorkbook reads the sheets of a workbook: those the mapping names,
// else every sheet whose header names a table of the layout.
func (im *importer) readWorkbook(r io.Reader, file string) error {
	wb, err := xlsx.Open(r, file)
	if err != nil {
		return err
	}
	defer wb.Close()
	var named []string
	for _, t := range []*struct{ sheet string }{{sheetOf(im.l.Mapping.Participations)}, {sheetOf(im.l.Mapping.Projects)}} {
		if t.sheet == "" {
			continue
		}
		s := wb.Sheet(t.sheet)
		if s == "" {
			return &fileerr.ParseError{File: file, Err: fmt.Errorf("%w: no sheet %q (sheets: %s)", fileerr.ErrFormat, t.sheet, quoteAll(wb.Sheets()))}
		}
		named = append(named, s)
	}
	sheets := named
	if len(sheets) == 0 {
		sheets = wb.Sheets()
	}
	found := 0
	for _, s := range sheets {
		t, err := im.readSheet(wb, s, len(named) > 0)
		if err != nil {
			return err
		}
		if t != nil {
			im.addTable(t)
			found++
		}
	}
	if found == 0 {
		return &fileerr.ParseError{File: file, Err: fmt.Errorf("%w: no sheet has the header of a participation or project table of %s (sheets: %s)", fileerr.ErrFormat, im.l.Title, quoteAll(wb.Sheets()))}
	}
	return nil
}

// readSheet reads one sheet; its header is the first row that names a
// column of the layout among the first ten (a banner may stand above it).
// A sheet with no such row gives nil when it was not named.
func (im *importer) readSheet(wb *xlsx.Workbook, sheet string, named bool) (*table, error) {
	file := wb.SheetFile(sheet)
	var t *table
	var c *columns
	p := &fileerr.List{File: file}
	seen := 0
	errStop := errors.New("stop")
	err := wb.Rows(sheet, func(row int, cells []string) error {
		if c == nil {
			seen++
			if known(cells, im.l) < 2 {
				if seen >= 10 {
					return errStop
				}
				return nil
			}
			cols, err := readColumns(slices.Clone(cells), im.l, file, participationTable, false)
			if err != nil {
				return err
			}
			c = cols
			t = &table{file: file, kind: c.kind, header: slices.Clone(cells), col: c.col}
			warnIgnored(t, c, im.warns.add)
			return nil
		}
		if len(cells) < len(t.header) {
			cells = append(cells, make([]string, len(t.header)-len(cells))...)
		}
		t.rows = append(t.rows, c.expand(t, row, cells)...)
		if fileerr.Full(p) {
			return p.Err()
		}
		return nil
	})
	if err != nil && err != errStop {
		return nil, err
	}
	if t == nil {
		if named {
			return nil, &fileerr.ParseError{File: file, Err: fmt.Errorf("%w: no header row of a participation or project table of %s among the first 10 rows", fileerr.ErrFormat, im.l.Title)}
		}
		return nil, nil
	}
	return t, nil
}

func sheetOf(t *mapping.Table) string {
	if t == nil {
		return ""
	}
	return t.Sheet
}

func quoteAll(s []string) string {
	q := make([]string, len(s))
	for i, v := range s {
		q[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(q, ", ")
}

// warnings gathers warnings, at most ten of each kind (by path and the
// message's first words), then a count.
type warnings struct {
	list  []Warning
	count map[string]int
}

func (w *warnings) add(x Warning) {
	if w.count == nil {
		w.count = map[string]int{}
	}
	k := x.File + "\x00" + x.Path + "\x00" + firstWords(x.Message)
	w.count[k]++
	switch n := w.count[k]; {
	case n <= 10:
		w.list = append(w.list, x)
	case n == 11:
		w.list = append(w.list, Warning{File: x.File, Path: x.Path, Message: "more warnings like these left out"})
	}
}

func firstWords(s string) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(3, len(f))], " ")
}
