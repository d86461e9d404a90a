package analysis

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
)

// Float is the value of a measure: a float64 that is NaN where the measure
// is undefined (an isolated actor's constraint, the modularity of a network
// without links). JSON cannot hold NaN or infinities, so a Float is written
// as null when it is either, and null reads back as NaN. Results use it for
// every figure that can be undefined, so that their JSON needs no
// hand-written methods.
type Float float64

// NaN returns an undefined Float.
func NaN() Float { return Float(math.NaN()) }

// IsNaN reports whether f is undefined.
func (f Float) IsNaN() bool { return math.IsNaN(float64(f)) }

// MarshalJSON writes f as encoding/json writes a float64, or null when f
// is NaN or infinite.
func (f Float) MarshalJSON() ([]byte, error) {
	x := float64(f)
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return []byte("null"), nil
	}
	return json.Marshal(x)
}

// UnmarshalJSON reads a JSON number, or null as NaN.
func (f *Float) UnmarshalJSON(b []byte) error {
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		*f = NaN()
		return nil
	}
	x, err := strconv.ParseFloat(string(bytes.TrimSpace(b)), 64)
	if err != nil {
		return err
	}
	*f = Float(x)
	return nil
}
