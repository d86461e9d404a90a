package encoding

// ahead runs the reading of a long table or array on a second goroutine,
// a batch ahead of the caller: fill reads into one batch while the caller
// decodes the one before. Three batches go round, so that neither side
// waits while the other has work; the caller is done with a batch when
// it asks for the next. jsonelems.go and csvahead.go read with it.
type ahead[B any] struct {
	full, free chan *B
	quit, done chan struct{}
	cur        *B
}

// startAhead starts fill, which fills a batch (emptying it first) and
// reports whether it reached the end of the input, after which it is not
// called again.
func startAhead[B any](newBatch func() *B, fill func(*B) (last bool)) *ahead[B] {
	a := &ahead[B]{
		full: make(chan *B, 2), free: make(chan *B, 3),
		quit: make(chan struct{}), done: make(chan struct{}),
	}
	for range 3 {
		a.free <- newBatch()
	}
	go func() {
		defer close(a.done)
		for {
			var b *B
			select {
			case b = <-a.free:
			case <-a.quit:
				return
			}
			last := fill(b)
			select {
			case a.full <- b:
			case <-a.quit:
				return
			}
			if last {
				return
			}
		}
	}()
	return a
}

// next gives back the batch before and returns the next one. It must not
// be called after the batch in which fill reached the end.
func (a *ahead[B]) next() *B {
	if a.cur != nil {
		a.free <- a.cur
	}
	a.cur = <-a.full
	return a.cur
}

// stop ends the reading ahead and waits for it: the input is the caller's
// again once stop returns.
func (a *ahead[B]) stop() {
	close(a.quit)
	<-a.done
}
