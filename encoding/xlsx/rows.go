package xlsx

import (
	"io"

	"github.com/labournet/labournet/internal/fileerr"
)

// Workbook is an open workbook whose sheets are read row by row, for
// readers of tables in layouts of their own (the importer of package
// encoding/eu). It holds the whole file in memory, within the bounds
// ReadWith keeps.
type Workbook struct {
	wb *workbook
}

// Open reads the workbook r; file names it in errors. An input that is no
// XLSX workbook, or larger than the reader takes, is an error wrapping
// encoding.ErrFormat or ErrTooLarge.
func Open(r io.Reader, file string) (*Workbook, error) {
	wb, err := open(r, file)
	if err != nil {
		return nil, err
	}
	return &Workbook{wb: wb}, nil
}

// Sheets returns the names of the workbook's sheets, in their order.
func (w *Workbook) Sheets() []string { return w.wb.f.GetSheetList() }

// Sheet returns the name of the sheet called name, in any case and with
// surrounding space, or "" when there is none.
func (w *Workbook) Sheet(name string) string { return w.wb.sheet(name) }

// SheetFile is how problems name a sheet: "book.xlsx[Partners]".
func (w *Workbook) SheetFile(sheet string) string { return w.wb.sheetFile(sheet) }

// Rows calls fn with each row of the sheet that has a non-empty cell, in
// order, with its 1-based row number and its cells as the spreadsheet
// shows them; it stops at the first error fn returns and returns it. A
// sheet that cannot be read, or has more rows than the reader takes, is an
// error naming the sheet and the row.
func (w *Workbook) Rows(sheet string, fn func(row int, cells []string) error) error {
	p := &fileerr.List{File: w.wb.sheetFile(sheet)}
	rr, err := w.wb.rows(sheet, p)
	if err != nil {
		return err
	}
	defer rr.close()
	for {
		cells, row, ok := rr.next()
		if !ok {
			break
		}
		if err := fn(row, cells); err != nil {
			return err
		}
	}
	return p.Err()
}

// Close releases the workbook.
func (w *Workbook) Close() error { return w.wb.f.Close() }
