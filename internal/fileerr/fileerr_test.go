package fileerr

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func TestParseErrorPlace(t *testing.T) {
	reason := errors.New("bad kind")
	for _, c := range []struct {
		e     ParseError
		place string
	}{
		{ParseError{File: "n.csv", Line: 3, Column: 4, Path: "kind"}, "n.csv:3:4: kind"},
		{ParseError{File: "n.json", Line: 2, Path: "links[0].kind"}, "n.json:2: links[0].kind"},
		{ParseError{File: "n.json", Column: 4}, "n.json"},
		{ParseError{File: "x.graphml", Path: `node "a": kind`}, `x.graphml: node "a": kind`},
	} {
		c.e.Err = reason
		if got := c.e.Place(); got != c.place {
			t.Errorf("Place() = %q, want %q", got, c.place)
		}
		if got, want := c.e.Error(), c.place+": bad kind"; got != want {
			t.Errorf("Error() = %q, want %q", got, want)
		}
	}
}

// TestBoundedWithoutLimit reads through a bound of the largest int64, which
// Limits.Resolve gives for "no limit" (MaxBytes -1): it once overflowed and
// panicked.
func TestBoundedWithoutLimit(t *testing.T) {
	r := Bounded(strings.NewReader("abc"), 1<<63-1)
	b, err := io.ReadAll(r)
	if err != nil || string(b) != "abc" {
		t.Fatalf("got %q, %v", b, err)
	}
	r = Bounded(strings.NewReader("abcd"), 3)
	if b, err := io.ReadAll(r); !errors.Is(err, ErrTooLarge) || string(b) != "abc" {
		t.Fatalf("got %q, %v; want abc and ErrTooLarge", b, err)
	}
}
