package encoding

// The elements of an array of the document, one after another: read by
// the docScanner directly, or, for a long array of links, by a second
// goroutine a batch ahead, so that one core finds where each element ends
// while the other decodes and adds the elements before it. The reader sees
// the same elements, lines and errors either way (see
// TestElementsAheadAgree).

// element is the next thing in an array: an element, its end, or an error
// that ends the reading.
type element struct {
	obj   []byte // the element's text; nil at the end of the array or on error
	start int    // the line the element starts on
	line  int    // the scanner's line before the element (after the comma)
	off   int64  // the scanner's offset there
	err   error  // what ends the reading
	inKey bool   // err belongs to the array (a bracket or comma), not to the element
}

// nextElement reads the next element of the array whose element i is due.
func nextElement(d *docScanner, i int) element {
	c, err := d.peek()
	if err != nil {
		return element{line: d.line, err: readErr(err), inKey: true}
	}
	if c == ']' {
		d.next()
		return element{line: d.line}
	}
	if i > 0 {
		if err := d.expect(',', "after array element"); err != nil {
			return element{line: d.line, err: err, inKey: true}
		}
	}
	e := element{line: d.line, off: d.off}
	e.obj, e.start, err = d.value()
	if err != nil {
		return element{line: d.line, off: e.off, err: err}
	}
	return e
}

// elementsAhead reads elements from element i on in a goroutine, a batch
// ahead of the caller (see ahead). Call next for each element in turn, and
// stop when done (also after the end or an error): the scanner is the
// caller's again once stop returns.
type elementsAhead struct {
	*ahead[aheadBatch]
	batch *aheadBatch
	k     int
}

// aheadBatch is a batch of elements and their text, copied out of the
// scanner's buffer.
type aheadBatch struct {
	elems []element
	text  []byte
}

// aheadElems is how many elements go in a batch, and aheadBytes how many
// bytes of their text at most.
const (
	aheadElems = 512
	aheadBytes = 256 << 10
)

func readAhead(d *docScanner, i int) *elementsAhead {
	fill := func(b *aheadBatch) (last bool) {
		b.elems, b.text = b.elems[:0], b.text[:0]
		for len(b.elems) < aheadElems && len(b.text) < aheadBytes {
			e := nextElement(d, i)
			i++
			if e.obj != nil {
				b.text = append(b.text, e.obj...)
			}
			b.elems = append(b.elems, e)
			if e.obj == nil {
				last = true
				break
			}
		}
		// Each element's text, in b.text now that it no longer grows.
		at := 0
		for k := range b.elems {
			if e := &b.elems[k]; e.obj != nil {
				e.obj = b.text[at : at+len(e.obj) : at+len(e.obj)]
				at += len(e.obj)
			}
		}
		return last
	}
	newBatch := func() *aheadBatch { return &aheadBatch{elems: make([]element, 0, aheadElems)} }
	return &elementsAhead{ahead: startAhead(newBatch, fill)}
}

// next returns the next element.
func (a *elementsAhead) next() element {
	if a.batch == nil || a.k == len(a.batch.elems) {
		a.batch, a.k = a.ahead.next(), 0
	}
	e := a.batch.elems[a.k]
	a.k++
	return e
}
