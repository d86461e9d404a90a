package encoding

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/require"
)

// TestRowsAheadAgree reads tables row by row directly and ahead in a
// goroutine: the same records, cell places and errors, in the same order,
// across batches and with a reader that gives one byte at a time.
func TestRowsAheadAgree(t *testing.T) {
	var long strings.Builder
	for i := range 3 * aheadRows {
		fmt.Fprintf(&long, "a%d,b,\"x, \"\"y\"\"\nz\"\n", i)
	}
	tables := []string{
		"",
		"a,b,c\n",
		long.String(),
		long.String() + "a,b\n" + long.String(), // a row short of a cell, and on
		long.String() + "a,b,c\"d\n" + long.String(), // a bare quote: the end
		long.String() + "a,b,\"c",                    // a quote without end
	}
	read := func(text string, ahead, oneByte bool) []string {
		var r io.Reader = strings.NewReader(text)
		if oneByte {
			r = iotest.OneByteReader(r)
		}
		cr := csv.NewReader(r)
		cr.ReuseRecord = true
		cr.FieldsPerRecord = 3
		next := func() ([]string, error) { return cr.Read() }
		pos := cr.FieldPos
		if ahead {
			a := readRowsAhead(cr)
			defer a.stop()
			next, pos = a.next, a.fieldPos
		}
		var got []string
		for {
			rec, err := next()
			row := fmt.Sprintf("%q %v", rec, err)
			for i := range rec {
				line, col := pos(i)
				row += fmt.Sprintf(" %d:%d", line, col)
			}
			got = append(got, row)
			if err != nil && !isFieldCount(err) {
				return got
			}
		}
	}
	for _, text := range tables {
		direct := read(text, false, false)
		require.Equal(t, direct, read(text, true, false), "%.40q", text)
		require.Equal(t, direct, read(text, true, true), "%.40q, one byte at a time", text)
	}
}
