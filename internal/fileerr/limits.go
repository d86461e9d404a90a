package fileerr

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
)

// ErrTooLarge is input beyond a limit of Limits: a file or stream longer
// than MaxBytes, one value longer than MaxValue, more elements than
// MaxElements. It is not ErrFormat: the file may be well formed, only too
// large for the limits it was read with.
var ErrTooLarge = errors.New("input too large")

// Limits bound what a reader holds; package encoding documents them and
// their defaults (encoding.Limits is this type). A zero field means its
// default, a negative one no limit.
type Limits struct {
	MaxBytes    int64 // bytes of input, in all
	MaxValue    int   // bytes of one value: a string, a cell, the text of one XML value
	MaxElements int   // actors plus links (rows, nodes and edges)
}

// The defaults of Limits; see encoding.Limits for how they were chosen.
const (
	DefaultMaxBytes    = 512 << 20
	DefaultMaxValue    = 1 << 20
	DefaultMaxElements = 750_000 // measured: see encoding.Limits
)

// Resolve returns l with every zero field set to its default and every
// negative one to the largest value its type holds (no limit).
func (l Limits) Resolve() Limits {
	switch {
	case l.MaxBytes == 0:
		l.MaxBytes = DefaultMaxBytes
	case l.MaxBytes < 0:
		l.MaxBytes = 1<<63 - 1
	}
	switch {
	case l.MaxValue == 0:
		l.MaxValue = DefaultMaxValue
	case l.MaxValue < 0:
		l.MaxValue = 1<<31 - 1
	}
	switch {
	case l.MaxElements == 0:
		l.MaxElements = DefaultMaxElements
	case l.MaxElements < 0:
		l.MaxElements = 1<<31 - 1
	}
	return l
}

// TooLarge returns the error of input beyond the limit called what
// ("MaxBytes"); desc says what was too large ("input longer than 512 MiB").
func TooLarge(what, desc string) error {
	return fmt.Errorf("%w: %s (the %s limit)", ErrTooLarge, desc, what)
}

// Size writes a number of bytes for people: "512 MiB", "1 MiB", "300 bytes".
func Size(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Bounded returns a reader of r that fails with an error wrapping
// ErrTooLarge once more than max bytes have been read: it passes the first
// max bytes, then reports the error instead of the next byte. An endless
// stream is thus cut at max bytes, whatever reads it.
func Bounded(r io.Reader, max int64) io.Reader {
	return &bounded{r: r, left: max, max: max}
}

type bounded struct {
	r    io.Reader
	left int64 // bytes still allowed; -1 once the limit was passed
	max  int64
}

func (b *bounded) Read(p []byte) (int, error) {
	if b.left < 0 {
		return 0, TooLarge("MaxBytes", "input longer than "+Size(b.max))
	}
	if int64(len(p))-1 > b.left { // not len(p) > left+1: left may be the largest int64 (no limit)
		p = p[:b.left+1]
	}
	n, err := b.r.Read(p)
	if int64(n) > b.left {
		n = int(b.left)
		b.left = -1
		return n, TooLarge("MaxBytes", "input longer than "+Size(b.max))
	}
	b.left -= int64(n)
	return n, err
}

// MaxDeclarations bounds the attribute declarations of one XML file
// (GraphML <key>, GEXF <attribute>): files name tens of them, and each is
// held to the end.
const MaxDeclarations = 65536

// XMLReader is the input of an XML reader of GraphML or GEXF: it applies
// MaxBytes to the input and bounds what the xml.Decoder buffers for one
// token to 8×MaxValue+64 KiB, and its methods count the elements and check
// the values as the reader meets them.
type XMLReader struct {
	r               io.Reader
	off, mark       int64
	window          int64
	lim             Limits
	elements, items int
	decls           int
}

// NewXMLReader returns the input of an XML reader bounded by lim, whose
// zero fields are the defaults.
func NewXMLReader(r io.Reader, lim Limits) *XMLReader {
	lim = lim.Resolve()
	return &XMLReader{r: Bounded(r, lim.MaxBytes), window: 8*int64(lim.MaxValue) + 64<<10, lim: lim}
}

// Read implements io.Reader.
func (x *XMLReader) Read(p []byte) (int, error) {
	if x.off-x.mark > x.window {
		return 0, TooLarge("MaxValue", fmt.Sprintf("one XML token longer than %s (8×MaxValue+64 KiB; MaxValue is %s)",
			Size(x.window), Size(int64(x.lim.MaxValue))))
	}
	n, err := x.r.Read(p)
	x.off += int64(n)
	return n, err
}

// Mark records the decoder's offset before it reads a token.
func (x *XMLReader) Mark(off int64) { x.mark = off }

// The kinds of element Element counts.
const (
	Other       = iota // an element of no bound of its own
	Item               // a node or an edge: an actor or a link
	Declaration        // a GraphML <key>, a GEXF <attribute>
)

// Element counts a start element of the given kind and checks its
// attribute values: at most MaxElements nodes and edges, 4×MaxElements
// elements in all, MaxDeclarations declarations, MaxValue bytes a value.
func (x *XMLReader) Element(t xml.StartElement, kind int) error {
	x.elements++
	switch kind {
	case Item:
		x.items++
	case Declaration:
		x.decls++
	}
	switch {
	case x.items > x.lim.MaxElements:
		return TooLarge("MaxElements", fmt.Sprintf("more than %d nodes and edges", x.lim.MaxElements))
	case x.elements > 4*x.lim.MaxElements:
		return TooLarge("MaxElements", fmt.Sprintf("more than %d XML elements (4×MaxElements)", 4*x.lim.MaxElements))
	case x.decls > MaxDeclarations:
		return fmt.Errorf("%w: more than %d attribute declarations", ErrTooLarge, MaxDeclarations)
	}
	for _, a := range t.Attr {
		if len(a.Value) > x.lim.MaxValue {
			return TooLarge("MaxValue", fmt.Sprintf("attribute %s longer than %s", a.Name.Local, Size(int64(x.lim.MaxValue))))
		}
	}
	return nil
}

// Text checks the length of a value's text as it grows.
func (x *XMLReader) Text(n int) error {
	if n > x.lim.MaxValue {
		return TooLarge("MaxValue", "a value longer than "+Size(int64(x.lim.MaxValue)))
	}
	return nil
}

// MaxDepth is the deepest nesting of elements an XMLDecoder accepts.
const MaxDepth = 64

// XMLDecoder reads the tokens of a GraphML or GEXF document within limits:
// an xml.Decoder in strict mode over an XMLReader, which refuses DTDs and
// nesting deeper than MaxDepth, and counts and checks each start element
// (see XMLReader.Element) of the kind that kind gives.
type XMLDecoder struct {
	*XMLReader
	dec  *xml.Decoder
	kind func(xml.StartElement) int
	// Depth is the number of elements open: 1 at the root's start
	// element, 0 again at its end.
	Depth int
	// Count is the number of start elements read.
	Count int
}

// NewXMLDecoder returns a decoder of r bounded by lim, whose zero fields
// are the defaults.
func NewXMLDecoder(r io.Reader, lim Limits, kind func(xml.StartElement) int) *XMLDecoder {
	xr := NewXMLReader(r, lim)
	dec := xml.NewDecoder(xr)
	dec.Strict = true
	return &XMLDecoder{XMLReader: xr, dec: dec, kind: kind}
}

// Line returns the line the decoder has read to.
func (d *XMLDecoder) Line() int {
	l, _ := d.dec.InputPos()
	return l
}

// Token returns the next token, io.EOF at the end of the document, or an
// error wrapping ErrFormat or ErrTooLarge, after which the document cannot
// be read further.
func (d *XMLDecoder) Token() (xml.Token, error) {
	d.Mark(d.dec.InputOffset())
	tok, err := d.dec.Token()
	switch {
	case err == io.EOF || errors.Is(err, ErrTooLarge):
		return nil, err
	case err != nil:
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	switch t := tok.(type) {
	case xml.Directive:
		return nil, fmt.Errorf("%w: DTDs and entity declarations are not accepted", ErrFormat)
	case xml.StartElement:
		d.Depth++
		d.Count++
		if d.Depth > MaxDepth {
			return nil, fmt.Errorf("%w: elements nested deeper than %d", ErrFormat, MaxDepth)
		}
		if err := d.Element(t, d.kind(t)); err != nil {
			return nil, err
		}
	case xml.EndElement:
		d.Depth--
	}
	return tok, nil
}

// MaxProblems bounds the problems one reader reports for one file: once it
// has this many, it stops reading and says so, so that a large file of bad
// elements holds no more than this many errors.
const MaxProblems = 1000

// Full reports whether p holds MaxProblems problems or more, and if so adds
// the problem that says the reader stopped (once).
func Full(p *List) bool {
	if p.Len() < MaxProblems {
		return false
	}
	if last := p.errs[len(p.errs)-1]; !errors.Is(last, errStopped) {
		p.errs = append(p.errs, &ParseError{File: p.File, Err: errStopped})
	}
	return true
}

var errStopped = fmt.Errorf("%w: more than %d problems: stopped reading", ErrFormat, MaxProblems)

// EstimateLines estimates the lines of the file r reads from its size and
// the lines in head, its first bytes; readers use it to make room for the
// rows before reading them. It returns 0 when r is no regular file or head
// holds no line.
func EstimateLines(r io.Reader, head []byte) int {
	f, ok := r.(interface{ Stat() (os.FileInfo, error) })
	if !ok {
		return 0
	}
	st, err := f.Stat()
	lines := bytes.Count(head, []byte("\n"))
	if err != nil || !st.Mode().IsRegular() || lines == 0 {
		return 0
	}
	return int(min(st.Size()/int64(len(head))*int64(lines)*9/8, 1<<26))
}

// Commas are the delimiters the CSV readers take, in their order of
// preference: comma, semicolon (spreadsheets where ',' is the decimal
// comma), tab.
var Commas = []rune{',', ';', '\t'}

// SplitHeader returns the first row of head, the first bytes of a CSV
// table, split by each of Commas in turn (nil where it does not parse),
// for readers that choose the delimiter by what the header names.
func SplitHeader(head []byte) [][]string {
	rows := make([][]string, len(Commas))
	for i, c := range Commas {
		cr := csv.NewReader(bytes.NewReader(head))
		cr.Comma = c
		cr.LazyQuotes = true
		cr.FieldsPerRecord = -1
		if rec, err := cr.Read(); err == nil {
			rows[i] = rec
		}
	}
	return rows
}
