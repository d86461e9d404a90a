package xlsx

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/labournet/labournet/internal/atomicfile"
	"github.com/labournet/labournet/internal/schema"
	"github.com/labournet/labournet/network"
)

// Save writes n to path as a workbook in our layout (see Write), through a
// temporary file renamed into place once complete, so that a failed Save
// leaves what was there before.
func Save(path string, n *network.Network) error {
	return atomicfile.Write(path, func(w io.Writer) error { return Write(w, n) })
}

// SaveKumu is Save in Kumu's layout (see WriteKumu).
func SaveKumu(path string, n *network.Network) error {
	return atomicfile.Write(path, func(w io.Writer) error { return WriteKumu(w, n) })
}

// Write writes n as a workbook with sheets Actors and Links whose header
// rows are the CSV columns, in the order encoding.WriteCSV writes them, and
// whose cells are all text. A list value containing ";" is an error, and
// nothing is written.
func Write(w io.Writer, n *network.Network) error {
	as, ls := n.Actors(), n.Links()
	aKeys, lKeys := n.ActorAttrKeys(), n.LinkAttrKeys()
	actors := sheetData{name: ActorsSheet, header: schema.Header(schema.Actor, aKeys)}
	for i := range as {
		a := &as[i]
		row, err := schema.Row(schema.Actor, a, aKeys, a.Attrs)
		if err != nil {
			return fmt.Errorf("xlsx: actor %q: %w", a.ID, err)
		}
		actors.rows = append(actors.rows, row)
	}
	links := sheetData{name: LinksSheet, header: schema.Header(schema.Link, lKeys)}
	for i := range ls {
		l := &ls[i]
		row, err := schema.Row(schema.Link, l, lKeys, l.Attrs)
		if err != nil {
			return fmt.Errorf("xlsx: link #%d (%s -> %s): %w", i+1, l.From, l.To, err)
		}
		links.rows = append(links.rows, row)
	}
	return writeBook(w, actors, links)
}

// sheetData is one sheet to write.
type sheetData struct {
	name   string
	header []string
	rows   [][]string
}

// maxCell is the most characters a spreadsheet cell holds.
const maxCell = 32767

// writeBook writes the sheets, in order, as one workbook: the header row
// bold and frozen, every cell text.
func writeBook(w io.Writer, sheets ...sheetData) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": cells typed in later stay text
	if err != nil {
		return err
	}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName(f.GetSheetName(0), s.name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(s.name)
		if err != nil {
			return err
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
		if len(s.header) > 0 {
			if err := sw.SetColStyle(1, len(s.header), text); err != nil {
				return err
			}
		}
		head := make([]any, len(s.header))
		for j, h := range s.header {
			head[j] = excelize.Cell{StyleID: bold, Value: h}
		}
		if err := sw.SetRow("A1", head); err != nil {
			return err
		}
		for r, row := range s.rows {
			cells := make([]any, len(row))
			for j, c := range row {
				if len(c) > maxCell && len([]rune(c)) > maxCell {
					return fmt.Errorf("xlsx: sheet %s, row %d, column %q: %d characters, more than a cell holds (%d)", s.name, r+2, s.header[j], len([]rune(c)), maxCell)
				}
				cells[j] = excelize.Cell{StyleID: text, Value: c}
			}
			cell, err := excelize.CoordinatesToCellName(1, r+2)
			if err != nil {
				return err
			}
			if err := sw.SetRow(cell, cells); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(w)
	return err
}
