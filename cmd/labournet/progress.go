package main

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/labournet/labournet/analysis"
)

// barDelay is how long a step must have run before its progress bar
// appears, so that quick commands draw nothing.
const barDelay = 300 * time.Millisecond

// activity is what the command is doing now: a sentence such as "computing
// betweenness" and, for long steps, how many of how many units are done. It
// feeds the progress bar on a terminal and the message printed when the
// command is interrupted. Its methods are safe for concurrent use: the
// analyses call the progress functions from their worker goroutines, and
// main reads the state when a signal comes.
type activity struct {
	mu          sync.Mutex
	path        string // the command, "labournet metrics"
	what        string // "computing betweenness"
	unit        string // "searches"
	done, total int
	since       time.Time // when the step began

	w      io.Writer // where bars are drawn; nil for none
	bar    *progressbar.ProgressBar
	gate   *gate
	barFor string // the step the bar shows
}

// begin records the command being run.
func (a *activity) begin(path string) {
	a.mu.Lock()
	a.path = path
	a.mu.Unlock()
}

// showBars makes long steps draw a progress bar on w.
func (a *activity) showBars(w io.Writer) {
	a.mu.Lock()
	a.w = w
	a.mu.Unlock()
}

// set starts a step without a count ("reading case.json"), clearing any
// progress bar.
func (a *activity) set(what string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.clearBar()
	a.what, a.unit, a.done, a.total, a.since = what, "", 0, 0, time.Now()
}

// progress returns a progress function for a step counted in units.
func (a *activity) progress(what, unit string) analysis.Progress {
	a.set(what)
	return func(done, total int) { a.step(what, unit, done, total) }
}

// step records that done of total units of the step what are done.
func (a *activity) step(what, unit string, done, total int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if what != a.what {
		a.clearBar()
		a.since = time.Now()
	}
	a.what, a.unit, a.done, a.total = what, unit, done, total
	if a.w == nil || total <= 0 {
		return
	}
	if a.bar != nil && (a.barFor != what || a.bar.GetMax() != total) {
		a.clearBar()
	}
	if a.bar == nil {
		// The bar starts with the step, so that its rate and time left are
		// right, but draws nothing until the step has run for barDelay.
		a.gate = &gate{w: a.w, opens: a.since.Add(barDelay)}
		a.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(a.gate),
			progressbar.OptionSetDescription(what),
			progressbar.OptionSetItsString(unit),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSetSpinnerChangeInterval(0),
		)
		a.barFor = what
	}
	a.bar.Set(done)
}

// gate passes writes to w from the time opens on, and drops them before.
type gate struct {
	w     io.Writer
	opens time.Time
}

func (g *gate) Write(p []byte) (int, error) {
	if time.Now().Before(g.opens) {
		return len(p), nil
	}
	return g.w.Write(p)
}

// clearBar erases the bar; a.mu is held.
func (a *activity) clearBar() {
	if a.bar != nil {
		a.bar.Clear()
		a.bar = nil
	}
}

// stop erases the bar and draws no more: the command is done or stopping.
func (a *activity) stop() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.clearBar()
	a.w = nil
}

// state returns the command and what it is doing, with the count of a
// counted step: "computing betweenness (1,234 of 20,000 searches done)".
func (a *activity) state() (path, what string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	what = a.what
	if a.total > 0 {
		what += fmt.Sprintf(" (%s of %s %s done)", thousands(a.done), thousands(a.total), a.unit)
	}
	return a.path, what
}

// thousands writes n with commas between groups of three digits.
func thousands(n int) string {
	s := fmt.Sprint(n)
	neg := ""
	if n < 0 {
		neg, s = "-", s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return neg + s
}
