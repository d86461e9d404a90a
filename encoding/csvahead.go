package encoding

import (
	"encoding/csv"
	"errors"
)

// The rows of a long table read a batch ahead on a second goroutine, as
// the links of a JSON file are (see jsonelems.go): one core splits rows
// into cells while the other decodes and adds the rows before. The reader
// sees the same records, places and errors either way (see
// TestRowsAheadAgree).

// csvRow is a record with the line and column of each of its cells, or
// the error that came instead.
type csvRow struct {
	rec []string
	pos []int // line and column of each cell, two ints a cell
	err error
}

// rowsAhead reads a csv.Reader's records in a goroutine, a batch ahead
// of the caller (see ahead).
type rowsAhead struct {
	*ahead[rowBatch]
	batch *rowBatch
	k     int
	cur   csvRow
}

// rowBatch is a batch of rows, their cells and their places.
type rowBatch struct {
	rows  []csvRow
	cells []string
	pos   []int
}

const aheadRows = 1024

func readRowsAhead(r *csv.Reader) *rowsAhead {
	fill := func(b *rowBatch) (last bool) {
		b.rows, b.cells, b.pos = b.rows[:0], b.cells[:0], b.pos[:0]
		for len(b.rows) < aheadRows {
			rec, err := r.Read()
			b.cells = append(b.cells, rec...)
			for i := range rec {
				line, col := r.FieldPos(i)
				b.pos = append(b.pos, line, col)
			}
			b.rows = append(b.rows, csvRow{rec: rec, err: err}) // rec pointed at b.cells below
			if err != nil && !isFieldCount(err) {
				last = true
				break
			}
		}
		// Each row's cells and places, in b.cells and b.pos now that they
		// no longer grow.
		c, p := 0, 0
		for k := range b.rows {
			row := &b.rows[k]
			n := len(row.rec)
			row.rec, row.pos = b.cells[c:c+n:c+n], b.pos[p:p+2*n:p+2*n]
			c, p = c+n, p+2*n
		}
		return last
	}
	newBatch := func() *rowBatch { return &rowBatch{rows: make([]csvRow, 0, aheadRows)} }
	return &rowsAhead{ahead: startAhead(newBatch, fill)}
}

// isFieldCount reports a row with the wrong number of cells, after which
// a csv.Reader goes on.
func isFieldCount(err error) bool {
	var pe *csv.ParseError
	return errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount)
}

// next reads the next row; it must not be called after an error other
// than isFieldCount's, io.EOF included.
func (a *rowsAhead) next() ([]string, error) {
	if a.batch == nil || a.k == len(a.batch.rows) {
		a.batch, a.k = a.ahead.next(), 0
	}
	a.cur = a.batch.rows[a.k]
	a.k++
	return a.cur.rec, a.cur.err
}

// fieldPos is csv.Reader.FieldPos for the row next returned last.
func (a *rowsAhead) fieldPos(i int) (line, col int) {
	return a.cur.pos[2*i], a.cur.pos[2*i+1]
}
