package encoding

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/require"
)

// TestElementsAheadAgree reads arrays element by element directly and
// ahead in a goroutine: the same elements, lines, offsets and errors, in
// the same order, across batches and with a reader that gives one byte at
// a time.
func TestElementsAheadAgree(t *testing.T) {
	var long strings.Builder
	for i := range 3 * aheadElems {
		if i > 0 {
			long.WriteString(",\n")
		}
		fmt.Fprintf(&long, `  {"from": "a%d", "to": "b", "note": "x\"}]"}`, i)
	}
	arrays := []string{
		`[]`,
		`[1, "two", {"three": [3]}]`,
		"[" + long.String() + "]",
		"[" + long.String() + ", }]", // an element that is no value
		"[" + long.String() + " {}]", // a missing comma
		"[" + long.String(),          // the end of the input
		`[{"a": 1}, {"b": 2]`,        // a bracket that closes nothing
	}
	read := func(text string, ahead bool, oneByte bool) []string {
		var r io.Reader = strings.NewReader(text)
		if oneByte {
			r = iotest.OneByteReader(r)
		}
		d := newDocScanner(r, 1<<20, 1<<20)
		require.NoError(t, d.expect('[', "start"))
		next := func(i int) element { return nextElement(d, i) }
		if ahead {
			a := readAhead(d, 0)
			defer a.stop()
			next = func(int) element { return a.next() }
		}
		var got []string
		for i := 0; ; i++ {
			e := next(i)
			got = append(got, fmt.Sprintf("%q start %d line %d off %d err %v inKey %v", e.obj, e.start, e.line, e.off, e.err, e.inKey))
			if e.obj == nil {
				return got
			}
		}
	}
	for _, text := range arrays {
		direct := read(text, false, false)
		require.Equal(t, direct, read(text, true, false), "%.40s", text)
		require.Equal(t, direct, read(text, true, true), "%.40s, one byte at a time", text)
	}
}

// TestElementsAheadStop stops reading ahead in the middle of an array:
// stop returns, and the goroutine is gone.
func TestElementsAheadStop(t *testing.T) {
	text := "[" + strings.Repeat(`{"a": 1}, `, 5*aheadElems) + "{}]"
	d := newDocScanner(strings.NewReader(text), 1<<20, 1<<20)
	require.NoError(t, d.expect('[', "start"))
	a := readAhead(d, 0)
	for range aheadElems + 3 {
		require.Equal(t, `{"a": 1}`, string(a.next().obj))
	}
	a.stop()
	_, open := <-a.done
	require.False(t, open)
}
