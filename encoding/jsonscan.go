package encoding

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/labournet/labournet/internal/fileerr"
)

// docScanner splits a JSON document into the raw values the reader decodes:
// the keys and values of the top-level object, and each element of its
// arrays. It checks the structure between values (braces, brackets, commas,
// colons) and finds where each value ends (strings, escapes, nesting); the
// values themselves are checked by whoever decodes them (the fast path of
// jsonfast.go, or encoding/json). It counts lines as it goes, so that every
// value knows the line it starts on, and bounds a value to window bytes, so
// that a value without end stops there. It reads the input once, in a
// buffer of 64 KiB, and keeps one value at a time: reading a file takes
// memory for the network, not for the file.
type docScanner struct {
	r        *bufio.Reader
	line     int   // line of the next byte, 1-based
	off      int64 // offset of the next byte
	buf      []byte
	window   int64 // the most bytes one value may take
	maxValue int   // for the message of a value too long
}

func newDocScanner(r io.Reader, window int64, maxValue int) *docScanner {
	return &docScanner{r: bufio.NewReaderSize(r, 64<<10), line: 1, window: window, maxValue: maxValue}
}

// errEOF is the error of input that ends inside the document.
var errEOF = fmt.Errorf("%w: unexpected end of JSON input", ErrFormat)

// readErr turns an error of the reader into the scanner's: the end of the
// input where more is wanted is errEOF.
func readErr(err error) error {
	if err == io.EOF {
		return errEOF
	}
	return err
}

// peek returns the next byte that is not white space, consuming the space,
// and io.EOF at the end of the input.
func (d *docScanner) peek() (byte, error) {
	for {
		c, err := d.r.ReadByte()
		if err != nil {
			return 0, err
		}
		switch c {
		case '\n':
			d.line++
			fallthrough
		case ' ', '\t', '\r':
			d.off++
			continue
		}
		d.r.UnreadByte()
		return c, nil
	}
}

// next consumes the next byte that is not white space and returns it.
func (d *docScanner) next() (byte, error) {
	c, err := d.peek()
	if err != nil {
		return 0, readErr(err)
	}
	d.r.ReadByte()
	d.off++
	return c, nil
}

// expect consumes c, the next byte that is not white space, or says what
// came instead, and where: after names what came before ("object key").
func (d *docScanner) expect(c byte, after string) error {
	got, err := d.next()
	if err != nil {
		return err
	}
	if got != c {
		return fmt.Errorf("%w: invalid character %s %s (want %q)", ErrFormat, quoteChar(got), after, c)
	}
	return nil
}

// quoteChar writes a byte of the input for a message, as encoding/json does.
func quoteChar(c byte) string {
	switch {
	case c == '\'':
		return `'\''`
	case c == '"':
		return `'"'`
	case c < 0x20 || c >= 0x7f:
		return fmt.Sprintf("%q", string([]byte{c}))
	}
	return "'" + string(c) + "'"
}

// value reads one JSON value after white space and returns its bytes,
// valid until the next call, and the line it starts on. It scans the
// reader's buffer a chunk at a time, not byte by byte.
func (d *docScanner) value() ([]byte, int, error) {
	c, err := d.peek()
	if err != nil {
		return nil, 0, readErr(err)
	}
	switch c {
	case ',', ']', '}', ':':
		return nil, 0, fmt.Errorf("%w: invalid character %s looking for beginning of value", ErrFormat, quoteChar(c))
	}
	start := d.line
	d.buf = d.buf[:0]
	depth := 0
	inString, escaped := false, false
	scalar := c != '{' && c != '[' && c != '"'
	for {
		chunk, err := d.r.Peek(max(d.r.Buffered(), 1))
		if len(chunk) == 0 {
			if err == io.EOF && scalar && len(d.buf) > 0 {
				return d.buf, start, nil // a number or literal at the end of the input
			}
			return nil, 0, readErr(err)
		}
		end, found := -1, false // the index of the value's last byte in chunk (-1: the chunk's first byte ends a scalar)
	scan:
		for i := 0; i < len(chunk); i++ {
			c := chunk[i]
			switch {
			case inString:
				if escaped {
					escaped = false
					continue
				}
				// To the next quote or backslash, a run at a time.
				rest := chunk[i:]
				q := bytes.IndexByte(rest, '"')
				if q < 0 {
					q = len(rest)
				}
				if b := bytes.IndexByte(rest[:q], '\\'); b >= 0 {
					i += b
					escaped = true
					continue
				}
				if i += q; i == len(chunk) {
					break scan
				}
				inString = false
				if depth == 0 {
					end, found = i, true
					break scan
				}
			case scalar:
				switch c {
				case ',', ']', '}', ':', ' ', '\t', '\r', '\n':
					end, found = i-1, true
					break scan
				}
			case c == '"':
				inString = true
			case c == '{' || c == '[':
				depth++
			case c == '}' || c == ']':
				depth--
				if depth == 0 {
					end, found = i, true
					break scan
				}
				if depth < 0 {
					return nil, 0, fmt.Errorf("%w: invalid character %s looking for beginning of value", ErrFormat, quoteChar(c))
				}
			}
		}
		take := chunk
		if found {
			take = chunk[:end+1]
		}
		d.line += bytes.Count(take, []byte("\n"))
		d.off += int64(len(take))
		if found && len(d.buf) == 0 && int64(len(take)) <= d.window {
			// The whole value is in the reader's buffer: returned from
			// there, not copied. Discard leaves the bytes in place until
			// the next read.
			d.r.Discard(len(take))
			return take, start, nil
		}
		d.buf = append(d.buf, take...)
		d.r.Discard(len(take))
		if int64(len(d.buf)) > d.window {
			return nil, 0, fileerr.TooLarge("MaxValue", fmt.Sprintf("one element longer than %s of input (8×MaxValue+64 KiB; MaxValue is %s)",
				fileerr.Size(d.window), fileerr.Size(int64(d.maxValue))))
		}
		if found {
			return d.buf, start, nil
		}
	}
}

// end reports whether the input ends after white space, and an error
// naming what follows when it does not.
func (d *docScanner) end() error {
	c, err := d.peek()
	if errors.Is(err, io.EOF) {
		return nil
	}
	if err != nil {
		return err
	}
	return fmt.Errorf("%w: data after the top-level object (invalid character %s)", ErrFormat, quoteChar(c))
}
