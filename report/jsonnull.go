package report

import "math"

// nullable returns nil for NaN or infinite values, which JSON cannot hold,
// and a pointer to f otherwise; results use it to write undefined values as
// null.
func nullable(f float64) *float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil
	}
	return &f
}
