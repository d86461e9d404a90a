package analysis

// Progress receives the progress of a long analysis: done of total steps
// (searches from one source actor, candidates tried...). The analyses that
// take one call it from one goroutine at a time, with done increasing up to
// total; it should return quickly, as the work waits for it. A nil Progress
// is never called.
type Progress func(done, total int)
