package encoding

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/fileerr"
	"github.com/labournet/labournet/internal/schema"
	"github.com/labournet/labournet/network"
)

// ListSeparator separates the values of a multi-valued CSV cell on write;
// on read, values are split on ";" and trimmed.
const ListSeparator = schema.ListSeparator

// CSVOptions are the choices of ReadCSVWith and WriteCSVWith. The zero
// value is what ReadCSV and WriteCSV do.
type CSVOptions struct {
	// Excel writes the tables as a spreadsheet on Windows reads them
	// without asking: a UTF-8 byte-order mark, then ';' between cells (the
	// separator of spreadsheets where ',' is the decimal comma, as in
	// Czech, Polish or Bulgarian). Readers need no option for such tables.
	Excel bool
	// Comma is the character between cells. On read, 0 detects it for
	// each table (see the package documentation); on write, 0 is ',', or
	// ';' with Excel. It may not be a quote, a line break or
	// utf8.RuneError.
	Comma rune
	// Limits bound what the reader holds (see Limits; the zero Limits are
	// the defaults): MaxBytes each table, MaxValue each cell (and each row,
	// by 8×MaxValue+64 KiB), MaxElements the rows of both tables together.
	// Writers ignore them.
	Limits Limits
}

// Warning is a doubt about a file that is no error: the reader took the
// file, in the way the message says, but the file may not say what its
// author meant (a column that names no field, a list written with commas).
// File, Line, Column and Path are as in ParseError.
type Warning struct {
	File    string
	Line    int // 1-based; 0 when unknown
	Column  int // 1-based, in bytes; 0 when unknown
	Path    string
	Message string
}

// String gives "file:line:column: path: message", leaving out the parts
// that are unknown, as ParseError does.
func (w Warning) String() string {
	return (&fileerr.ParseError{File: w.File, Line: w.Line, Column: w.Column, Path: w.Path, Err: errors.New(w.Message)}).Error()
}

// headSize bounds the first bytes of a table the reader looks at to choose
// the delimiter.
const headSize = 64 << 10

// maxReports bounds the warnings of one column, and the invalid UTF-8
// errors of one file, reported one by one; the rest are counted in one.
const maxReports = 10

// bom is the UTF-8 byte-order mark.
const bom = "\uFEFF"

// csvFile collects the problems and warnings of one table.
type csvFile struct {
	p        *fileerr.List
	warnings []Warning
	perPath  map[string]int // warnings per column
	paths    []string       // the columns of perPath, in order
	badUTF8  int            // cells with invalid UTF-8
}

func newCSVFile(name string) *csvFile {
	return &csvFile{p: &fileerr.List{File: name}, perPath: map[string]int{}}
}

// warn records a warning, or counts it once its column has maxReports.
func (f *csvFile) warn(line, col int, path, msg string) {
	n := f.perPath[path]
	if n == 0 {
		f.paths = append(f.paths, path)
	}
	f.perPath[path] = n + 1
	if n < maxReports {
		f.warnings = append(f.warnings, Warning{File: f.p.File, Line: line, Column: col, Path: path, Message: msg})
	}
}

// invalidUTF8 reports a cell or header holding s, which is not UTF-8.
func (f *csvFile) invalidUTF8(line, col int, path, s string) {
	f.badUTF8++
	if f.badUTF8 > maxReports {
		return
	}
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		i += size
	}
	f.p.Add(line, col, path, fmt.Errorf("%w: invalid UTF-8 (byte 0x%02X at byte %d of the cell): save the file as UTF-8 (\"CSV UTF-8\" in a spreadsheet)", ErrFormat, s[i], i+1))
}

// finish adds what maxReports left out.
func (f *csvFile) finish() {
	if f.badUTF8 > maxReports {
		f.p.Add(0, 0, "", fmt.Errorf("%w: %d more cells with invalid UTF-8", ErrFormat, f.badUTF8-maxReports))
	}
	for _, path := range f.paths {
		if n := f.perPath[path]; n > maxReports {
			f.warnings = append(f.warnings, Warning{File: f.p.File, Path: path, Message: fmt.Sprintf("%d more warnings like these", n-maxReports)})
		}
	}
}

// csvTable reads one table row by row.
type csvTable[T any] struct {
	r      *csv.Reader
	ahead  *rowsAhead // reading r ahead, when not nil
	f      *csvFile
	header []string
	schema.Columns[T]
	maxValue int // bytes of one cell
	rows     int // the rows the table is estimated to hold, 0 when unknown
	row      T   // the row next decodes
}

// rowReader bounds what csv.Reader can buffer: once more than window bytes
// have been read past the end of the last record read (offset, plus the
// bytes skipped before the reader, base), it fails with an error wrapping
// ErrTooLarge, so that a cell or a row without end stops there.
type rowReader struct {
	r        io.Reader
	off      int64        // bytes read
	base     int64        // bytes read before the csv.Reader's offset 0
	offset   func() int64 // the csv.Reader's InputOffset; nil before it exists
	window   int64
	maxValue int
}

func (r *rowReader) Read(p []byte) (int, error) {
	if r.offset != nil && r.off-r.base-r.offset() > r.window {
		return 0, fileerr.TooLarge("MaxValue", fmt.Sprintf("one row longer than %s (8×MaxValue+64 KiB; MaxValue is %s)",
			fileerr.Size(r.window), fileerr.Size(int64(r.maxValue))))
	}
	n, err := r.r.Read(p)
	r.off += int64(n)
	return n, err
}

// newCSVTable reads the header of a table whose columns are the fields of
// table and attributes. comma 0 detects the delimiter.
func newCSVTable[T any](r io.Reader, file *csvFile, table []schema.Field[T], comma rune, lim Limits) (*csvTable[T], error) {
	p := file.p
	rr := &rowReader{r: fileerr.Bounded(r, lim.MaxBytes), window: 8*int64(lim.MaxValue) + 64<<10, maxValue: lim.MaxValue}
	br := bufio.NewReaderSize(rr, headSize)
	if b, _ := br.Peek(len(bom)); string(b) == bom {
		br.Discard(len(bom))
		rr.base = int64(len(bom))
	}
	if comma == 0 {
		comma = detectComma(br, table)
	}
	head, _ := br.Peek(headSize)
	hint := fileerr.EstimateLines(r, head)
	cr := csv.NewReader(br)
	cr.Comma = comma
	cr.ReuseRecord = true
	rr.offset = cr.InputOffset
	header, err := cr.Read()
	if err == io.EOF {
		p.Add(1, 0, "", fmt.Errorf("%w: empty file: want a header row", ErrFormat))
		return nil, p.Err()
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			p.Add(pe.StartLine, pe.Column, "", fmt.Errorf("%w: %v", ErrFormat, pe.Err))
		} else if errors.Is(err, ErrTooLarge) {
			p.Add(1, 0, "", err)
		} else {
			p.Add(1, 0, "", fmt.Errorf("%w: %v", ErrFormat, err))
		}
		return nil, p.Err()
	}
	header = slices.Clone(header)
	t := &csvTable[T]{r: cr, f: file, header: header, maxValue: lim.MaxValue, rows: hint}
	for i, h := range header {
		if len(h) > lim.MaxValue {
			line, col := cr.FieldPos(i)
			p.Add(line, col, "", valueTooLong(lim.MaxValue))
			return nil, p.Err()
		}
	}
	skip := make([]bool, len(header))
	for i, h := range header {
		if !utf8.ValidString(h) {
			line, col := cr.FieldPos(i)
			file.invalidUTF8(line, col, "", h)
			skip[i] = true
			continue
		}
		header[i] = strings.TrimSpace(h)
	}
	t.Columns = schema.MatchHeader(table, header, header, skip, schema.HeaderReport{
		Problem: func(i int, path string, err error) {
			line, col := 1, 0
			if i >= 0 {
				line, col = cr.FieldPos(i)
			}
			p.Add(line, col, path, err)
		},
		Warn: func(i int, path, msg string) {
			line, col := cr.FieldPos(i)
			file.warn(line, col, path, msg)
		},
	})
	if p.Len() > 0 {
		return nil, p.Err()
	}
	return t, nil
}

// detectComma chooses the delimiter of a table from its header row, among
// ',', ';' and tab: the one that splits the row into the most of the
// table's required columns, then into the most columns the table knows
// (fields, their aliases and attrs.KEY), then into the most columns, then
// the first of ',', ';' and tab.
func detectComma[T any](br *bufio.Reader, table []schema.Field[T]) rune {
	head, _ := br.Peek(headSize)
	names := schema.Names(table)
	type score struct{ required, known, cells int }
	better := func(a, b score) bool {
		if a.required != b.required {
			return a.required > b.required
		}
		if a.known != b.known {
			return a.known > b.known
		}
		return a.cells > b.cells
	}
	best, bestScore := ',', score{-1, -1, -1}
	for i, rec := range fileerr.SplitHeader(head) {
		if rec == nil {
			continue
		}
		c := fileerr.Commas[i]
		sc := score{cells: len(rec)}
		found := map[string]bool{}
		for _, h := range rec {
			h = strings.TrimSpace(h)
			if name, ok := schema.Canonical(h, names); ok {
				sc.known++
				found[name] = true
			} else if _, ok := schema.AttrName(h); ok {
				sc.known++
			}
		}
		for _, f := range table {
			if f.Required && found[f.Name] {
				sc.required++
			}
		}
		if better(sc, bestScore) {
			best, bestScore = c, sc
		}
	}
	return best
}

// read reads the next record, from r or ahead.
func (t *csvTable[T]) read() ([]string, error) {
	if t.ahead != nil {
		return t.ahead.next()
	}
	return t.r.Read()
}

// fieldPos is csv.Reader.FieldPos for the record read last.
func (t *csvTable[T]) fieldPos(i int) (line, col int) {
	if t.ahead != nil {
		return t.ahead.fieldPos(i)
	}
	return t.r.FieldPos(i)
}

// next reads the next row into a new T; done is true at the end of the
// table, and fatal when the file cannot be read further.
func (t *csvTable[T]) next(attrs func(*T) *map[string]string) (v T, line int, ok, done bool) {
	p := t.f.p
	var zero T
	t.row = zero // decoded in place: a T on the heap for every row took a quarter of the time
	defer func() { v = t.row }()
	rec, err := t.read()
	if err == io.EOF {
		return v, 0, false, true
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			p.Add(pe.StartLine, pe.Column, "", fmt.Errorf("%w: %v", ErrFormat, pe.Err))
			if errors.Is(pe.Err, csv.ErrFieldCount) {
				line, _ := t.fieldPos(0)
				return v, line, false, false
			}
		} else {
			p.Add(0, 0, "", err)
		}
		return v, 0, false, true
	}
	line, _ = t.fieldPos(0)
	ok = true
	for i, cell := range rec {
		if cell == "" {
			if err, req := t.Required[i]; req {
				l, c := t.fieldPos(i)
				p.Add(l, c, t.header[i], fmt.Errorf("%w: empty cell in required column", err))
				ok = false
			}
			continue
		}
		if len(cell) > t.maxValue {
			l, c := t.fieldPos(i)
			p.Add(l, c, t.header[i], valueTooLong(t.maxValue))
			ok = false
			continue
		}
		if !utf8.ValidString(cell) {
			l, c := t.fieldPos(i)
			t.f.invalidUTF8(l, c, t.header[i], cell)
			ok = false
			continue
		}
		if t.Blank[i] {
			l, c := t.fieldPos(i)
			p.Add(l, c, "", fmt.Errorf("%w: a value in column %d, which has no header: give the column a header or empty it", ErrFormat, i+1))
			ok = false
			continue
		}
		warning, err := t.Cell(&t.row, attrs, i, cell)
		if warning != "" || err != nil {
			l, c := t.fieldPos(i)
			if warning != "" {
				t.f.warn(l, c, t.header[i], warning)
			}
			if err != nil {
				p.Add(l, c, t.header[i], err)
				ok = false
			}
		}
	}
	return v, line, ok, false
}

// ReadCSV reads a network from its two CSV tables; actorsFile and linksFile
// name them in error messages. links may be nil for a network without
// links. It streams row by row and returns every problem found, and a nil
// network when there is any. It is ReadCSVWith without options, leaving
// out the warnings.
func ReadCSV(actors, links io.Reader, actorsFile, linksFile string) (*network.Network, error) {
	n, _, err := ReadCSVWith(actors, links, actorsFile, linksFile, CSVOptions{})
	return n, err
}

// ReadCSVWith is ReadCSV with options, which also returns the warnings of
// both tables (columns read as attributes, list cells with commas but no
// ';'), with or without an error. Only opt.Comma matters to reading.
func ReadCSVWith(actors, links io.Reader, actorsFile, linksFile string, opt CSVOptions) (*network.Network, []Warning, error) {
	if err := checkComma(opt.Comma, true); err != nil {
		return nil, nil, err
	}
	lim := opt.Limits.Resolve()
	rows, values, over := 0, 0, false
	// tooMany reports the row past MaxElements, or the value past
	// 8×MaxElements, or the problem past fileerr.MaxProblems, which ends
	// the reading.
	tooMany := func(p *fileerr.List, line, n int) bool {
		rows++
		values += n
		switch {
		case rows > lim.MaxElements:
			p.Add(line, 0, "", fileerr.TooLarge("MaxElements", fmt.Sprintf("more than %d rows (actors and links)", lim.MaxElements)))
		case values > 8*lim.MaxElements:
			p.Add(line, 0, "", tooManyValues(lim))
		case fileerr.Full(p):
		default:
			return false
		}
		over = true
		return true
	}
	n := network.New("")
	fa := newCSVFile(actorsFile)
	pa := fa.p
	fl := newCSVFile(linksFile)
	pl := fl.p
	warnings := func() []Warning { return slices.Concat(fa.warnings, fl.warnings) }
	bad := badActors{}
	ta, err := newCSVTable(actors, fa, schema.Actor, opt.Comma, lim)
	if err != nil {
		fa.finish()
		return nil, warnings(), pa.Err()
	}
	n.Grow(min(ta.rows, lim.MaxElements), 0)
	for {
		a, line, ok, done := ta.next(func(a *actor.Actor) *map[string]string { return &a.Attrs })
		if done || tooMany(pa, line, actorValues(&a)) {
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
	fa.finish()
	if links != nil && !over {
		tl, err := newCSVTable(links, fl, schema.Link, opt.Comma, lim)
		if err != nil {
			fl.finish()
			return nil, warnings(), errors.Join(pa.Err(), pl.Err())
		}
		n.Grow(0, min(tl.rows, lim.MaxElements))
		// The links table is most of a network: read ahead (see csvahead.go).
		tl.ahead = readRowsAhead(tl.r)
		defer tl.ahead.stop()
		for i := 0; ; i++ {
			l, line, ok, done := tl.next(func(l *network.Link) *map[string]string { return &l.Attrs })
			if done || tooMany(pl, line, linkValues(&l)) {
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
		fl.finish()
	}
	if err := errors.Join(pa.Err(), pl.Err()); err != nil {
		return nil, warnings(), err
	}
	return n, warnings(), nil
}

// checkComma reports a delimiter that cannot separate CSV cells; 0 is
// allowed when zero is.
func checkComma(c rune, zero bool) error {
	if c == 0 && zero {
		return nil
	}
	if c == 0 || c == '"' || c == '\r' || c == '\n' || c == utf8.RuneError || !utf8.ValidRune(c) {
		return fmt.Errorf("encoding: CSVOptions.Comma %q cannot separate CSV cells", c)
	}
	return nil
}

// WriteCSV writes n as its two CSV tables. A list value containing ";" or an
// attribute key that would not read back is an error, and nothing is
// written past it. It is WriteCSVWith without options.
func WriteCSV(actors, links io.Writer, n *network.Network) error {
	return WriteCSVWith(actors, links, n, CSVOptions{})
}

// WriteCSVWith is WriteCSV with options: opt.Excel starts each table with
// a UTF-8 byte-order mark and separates cells with ';' (or opt.Comma).
func WriteCSVWith(actors, links io.Writer, n *network.Network, opt CSVOptions) error {
	comma := opt.Comma
	if comma == 0 {
		comma = ','
		if opt.Excel {
			comma = ';'
		}
	}
	if err := checkComma(comma, false); err != nil {
		return err
	}
	aKeys := n.ActorAttrKeys()
	if opt.Excel {
		if _, err := io.WriteString(actors, bom); err != nil {
			return err
		}
	}
	aw := csv.NewWriter(actors)
	aw.Comma = comma
	if err := aw.Write(schema.Header(schema.Actor, aKeys)); err != nil {
		return err
	}
	for _, a := range n.AllActors() {
		row, err := schema.Row(schema.Actor, &a, aKeys, a.Attrs)
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
	lKeys := n.LinkAttrKeys()
	if opt.Excel {
		if _, err := io.WriteString(links, bom); err != nil {
			return err
		}
	}
	lw := csv.NewWriter(links)
	lw.Comma = comma
	if err := lw.Write(schema.Header(schema.Link, lKeys)); err != nil {
		return err
	}
	for i, l := range n.AllLinks() {
		row, err := schema.Row(schema.Link, &l, lKeys, l.Attrs)
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
