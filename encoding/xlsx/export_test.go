package xlsx

// SetLimits lowers the limits of the readers for a test; restore puts them
// back.
func SetLimits(size, unzipped int64, rows int) (restore func()) {
	s, u, r := maxSize, maxUnzipped, maxRows
	maxSize, maxUnzipped, maxRows = size, unzipped, rows
	return func() { maxSize, maxUnzipped, maxRows = s, u, r }
}
