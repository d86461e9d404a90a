package encoding

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/fileerr"
	"github.com/labournet/labournet/internal/schema"
	"github.com/labournet/labournet/network"
)

// Format is the value of the "format" field of a labournet JSON file.
const Format = "labournet/1"

// elemPos is where an actor or link came from.
type elemPos struct {
	line  int
	col   int
	path  string
	index int             // position among the links
	obj   json.RawMessage // the element's text, for the lines of its fields
}

// lineOf returns the line of the element's field key, so that a problem
// is reported where the bad field is, not where its object starts; the
// element's first line when the field is not found.
func (pos elemPos) lineOf(key string) int {
	depth, line := 0, pos.line
	for i := 0; i < len(pos.obj); i++ {
		switch c := pos.obj[i]; c {
		case '\n':
			line++
		case '{', '[':
			depth++
		case '}', ']':
			depth--
		case '"':
			j := i + 1 // the end of the string
			for j < len(pos.obj) && pos.obj[j] != '"' {
				if pos.obj[j] == '\\' {
					j++
				}
				j++
			}
			if depth == 1 && j < len(pos.obj) {
				var k string
				if json.Unmarshal(pos.obj[i:j+1], &k) == nil && k == key && isKey(pos.obj[j+1:]) {
					return line
				}
			}
			i = j
		}
	}
	return pos.line
}

// isKey reports whether the text after a string starts with a colon: the
// string was a key.
func isKey(rest []byte) bool {
	for _, c := range rest {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		case ':':
			return true
		}
		return false
	}
	return false
}

// badActors holds the IDs of actors that were given but rejected, so that
// links to them are not reported a second time as links to unknown actors.
type badActors map[string]bool

// note records the ID of a rejected actor from its raw JSON fields.
func (b badActors) note(raw map[string]json.RawMessage) {
	var id string
	if json.Unmarshal(raw["id"], &id) == nil && id != "" {
		b[id] = true
	}
}

// addLink adds l to n and reports its problems at pos: the link's number
// is its position in the file, and an unknown actor that was given but
// rejected is not reported again.
func addLink(n *network.Network, l network.Link, pos elemPos, bad badActors, p *fileerr.List) {
	err := n.AddLink(l)
	if err == nil {
		return
	}
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	for _, e := range errs {
		line := pos.line
		var le *network.LinkError
		if errors.As(e, &le) {
			if errors.Is(le.Err, network.ErrUnknownActor) && bad[le.Value] {
				continue
			}
			c := *le
			c.Index = pos.index
			e = &c
			if le.Field != "" && pos.obj != nil {
				line = pos.lineOf(le.Field)
			}
		}
		p.Add(line, pos.col, pos.path, e)
	}
}

// ReadJSON reads a network in the "labournet/1" JSON format from r; file
// names the source in error messages. It streams: actors and links are
// decoded one at a time. It returns every problem found (see ParseError),
// and a nil network when there is any.
func ReadJSON(r io.Reader, file string) (*network.Network, error) {
	return ReadJSONWith(r, file, Limits{})
}

// ReadJSONWith is ReadJSON with limits (see Limits; the zero Limits are the
// defaults): input beyond them is an error wrapping ErrTooLarge, and
// reading stops there.
func ReadJSONWith(r io.Reader, file string, lim Limits) (*network.Network, error) {
	lim = lim.Resolve()
	d := newDocScanner(fileerr.Bounded(r, lim.MaxBytes), 8*int64(lim.MaxValue)+64<<10, lim.MaxValue)
	p := &fileerr.List{File: file}
	fatal := func(line int, path string, err error) (*network.Network, error) {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			err = fmt.Errorf("%w: %v", ErrFormat, se)
		}
		p.Add(line, 0, path, err)
		return nil, p.Err()
	}
	if c, err := d.next(); err != nil || c != '{' {
		err = fmt.Errorf("%w: want a JSON object, not %s", ErrFormat, quoteChar(c))
		if c == 0 {
			err = fmt.Errorf("%w: empty input: want a JSON object", ErrFormat)
		}
		return fatal(d.line, "", err)
	}
	n := network.New("")
	size := fileSize(r)
	var format string
	var sawFormat bool
	type pendingLink struct {
		l   network.Link
		pos elemPos
	}
	bad := badActors{}
	var links []pendingLink
	var actorsDone bool
	lr := newLinkReader()
	elements, values := 0, 0
	tooLong := func(line int, path string, s string) bool {
		if len(s) > lim.MaxValue {
			p.Add(line, 0, path, valueTooLong(lim.MaxValue))
			return true
		}
		return false
	}
	if c, err := d.peek(); err == nil && c == '}' {
		d.next()
	} else {
		for {
			if fileerr.Full(p) {
				return nil, p.Err()
			}
			raw, line, err := d.value()
			if err != nil {
				return fatal(d.line, "", err)
			}
			var key string
			if raw[0] != '"' || json.Unmarshal(raw, &key) != nil {
				return fatal(line, "", fmt.Errorf("%w: invalid character %s looking for beginning of object key string", ErrFormat, quoteChar(raw[0])))
			}
			if err := d.expect(':', "after object key"); err != nil {
				return fatal(d.line, key, err)
			}
			switch key {
			case "actors", "links":
				if err := d.expect('[', "after \""+key+"\":"); err != nil {
					p.Add(d.line, 0, key, err)
					return nil, p.Err()
				}
				arrayStart := d.off
				next := func(i int) element { return nextElement(d, i) }
				if key == "links" && actorsDone {
					// The links of a large file are most of it: read ahead
					// (see jsonelems.go).
					ahead := readAhead(d, 0)
					defer ahead.stop()
					next = func(int) element { return ahead.next() }
				}
				for i := 0; ; i++ {
					e := next(i)
					if e.err != nil && e.inKey {
						return fatal(e.line, key, e.err)
					}
					if e.err == nil && e.obj == nil {
						break // the end of the array
					}
					if key == "links" && size > 0 && (i == 256 || i == 1<<14 || i == 1<<18 || i == 1<<21) {
						// Room for the links the rest of the file holds, at
						// the average size so far, estimated again as more are
						// read: a few moves instead of doubling.
						per := max((e.off-arrayStart)/int64(i), 16)
						n.Grow(0, int(min((size-e.off)/per*17/16, int64(lim.MaxElements))))
					}
					if elements++; elements > lim.MaxElements {
						return fatal(e.line, elemPath(key, i), fileerr.TooLarge("MaxElements", fmt.Sprintf("more than %d actors and links", lim.MaxElements)))
					}
					if values > 8*lim.MaxElements {
						return fatal(e.line, elemPath(key, i), tooManyValues(lim))
					}
					if fileerr.Full(p) {
						return nil, p.Err()
					}
					if e.err != nil {
						return fatal(e.line, elemPath(key, i), e.err)
					}
					obj, start := e.obj, e.start
					// The fast paths first (see jsonlink.go and
					// jsonfast.go); what they do not take goes the general
					// path below.
					if key == "links" && actorsDone {
						if ok, v := lr.add(obj, lim.MaxValue, n); ok {
							values += v
							continue
						}
					}
					pos := elemPos{line: start, path: elemPath(key, i), obj: obj, index: i}
					if key == "actors" {
						if a, ok := fastActorOf(obj, lim.MaxValue); ok {
							values += actorValues(&a)
							if err := n.AddActor(a); err != nil {
								p.Add(pos.line, 0, pos.path, err)
								bad[a.ID] = true
							}
							continue
						}
					} else if l, ok := fastLinkOf(obj, lim.MaxValue); ok {
						values += linkValues(&l)
						if actorsDone {
							addLink(n, l, pos, bad, p)
						} else {
							pos.obj = slices.Clone(obj) // the scanner's buffer is reused
							links = append(links, pendingLink{l, pos})
						}
						continue
					}
					if k, long := longString(obj, lim.MaxValue); long {
						at, field := start, pos.path
						if k != "" {
							at, field = pos.lineOf(k), pos.path+"."+k
						}
						p.Add(at, 0, field, valueTooLong(lim.MaxValue))
						continue
					}
					var raw map[string]json.RawMessage
					if err := json.Unmarshal(obj, &raw); err != nil {
						var se *json.SyntaxError
						if errors.As(err, &se) {
							return fatal(start, pos.path, err)
						}
						p.Add(start, 0, pos.path, typeError(err))
						continue
					}
					if key == "actors" {
						a, ok := decodeActor(raw, pos, p)
						values += actorValues(&a)
						if !ok {
							bad.note(raw)
						} else if err := n.AddActor(a); err != nil {
							p.Add(pos.line, 0, pos.path, err)
							bad[a.ID] = true
						}
						continue
					}
					if l, ok := decodeLink(raw, pos, p); ok {
						values += linkValues(&l)
						if actorsDone {
							addLink(n, l, pos, bad, p)
						} else {
							pos.obj = slices.Clone(obj)
							links = append(links, pendingLink{l, pos})
						}
					}
				}
				if key == "actors" {
					actorsDone = true
					for _, pl := range links {
						addLink(n, pl.l, pl.pos, bad, p)
					}
					links = nil
				}
			default:
				if tooLong(line, "", key) {
					return nil, p.Err()
				}
				raw, vline, err := d.value()
				if err != nil {
					return fatal(d.line, key, err)
				}
				if err := readTopLevel(n, key, raw, vline, &format, p, tooLong); err != nil {
					return fatal(vline, key, err)
				}
				if key == "format" {
					sawFormat = true
					if format != Format {
						p.Add(vline, 0, "format", fmt.Errorf("%w: format %q, want %q", ErrFormat, format, Format))
						return nil, p.Err()
					}
				}
			}
			c, err := d.next()
			if err != nil {
				return fatal(d.line, "", err)
			}
			if c == '}' {
				break
			}
			if c != ',' {
				return fatal(d.line, "", fmt.Errorf("%w: invalid character %s after object key:value pair", ErrFormat, quoteChar(c)))
			}
		}
	}
	if err := d.end(); err != nil {
		p.Add(d.line, 0, "", err)
	}
	for _, pl := range links { // links without any actors array
		addLink(n, pl.l, pl.pos, bad, p)
	}
	if !sawFormat {
		p.Add(1, 0, "format", fmt.Errorf("%w: missing \"format\": %q", ErrFormat, Format))
	}
	if p.Len() > 0 {
		return nil, p.Err()
	}
	return n, nil
}

// elemPath is the JSON path of element i of the array key: "links[3]".
func elemPath(key string, i int) string { return key + "[" + strconv.Itoa(i) + "]" }

// readTopLevel decodes raw, the value of key of the top-level object other
// than actors and links, into n or format, reporting its problems at line.
// It returns an error only for what ends the reading (a malformed format).
func readTopLevel(n *network.Network, key string, raw []byte, line int, format *string, p *fileerr.List, tooLong func(int, string, string) bool) error {
	switch key {
	case "format":
		if err := json.Unmarshal(raw, format); err != nil {
			return typeError(err)
		}
	case "name", "description":
		v := &n.Name
		if key == "description" {
			v = &n.Description
		}
		if err := json.Unmarshal(raw, v); err != nil {
			p.Add(line, 0, key, typeError(err))
		} else if !tooLong(line, key, *v) {
			if err := actor.CheckText(*v, true); err != nil {
				p.Add(line, 0, key, err)
			}
		}
	case "attrs":
		if err := json.Unmarshal(raw, &n.Attrs); err != nil {
			p.Add(line, 0, "attrs", typeError(err))
		}
		for k, v := range n.Attrs {
			if tooLong(line, "attrs", k) || tooLong(line, "attrs."+k, v) {
				break
			}
		}
		if err := network.CheckAttrs(n.Attrs); err != nil {
			p.Add(line, 0, "attrs", err)
		}
	case "asOf":
		var day string
		if err := decodeInto(raw, &day); err != nil {
			p.Add(line, 0, "asOf", err)
		} else if err := n.AsOf.UnmarshalText([]byte(day)); err != nil {
			p.Add(line, 0, "asOf", err)
		}
	default:
		p.Add(line, 0, key, fmt.Errorf("%w: unknown field %q (valid: format, name, description, asOf, attrs, actors, links)", ErrFormat, key))
	}
	return nil
}

// actorValues and linkValues count the attributes and list values of an
// element, which Limits bounds to 8×MaxElements: each costs memory as a
// small element does.
func actorValues(a *actor.Actor) int {
	return len(a.Attrs) + len(a.Sectors) + len(a.TargetGroups) + len(a.Skills) + len(a.Themes)
}

func linkValues(l *network.Link) int { return len(l.Attrs) + len(l.TargetGroups) }

// tooManyValues is the error of more than 8×MaxElements attributes and
// list values.
func tooManyValues(lim Limits) error {
	return fileerr.TooLarge("MaxElements", fmt.Sprintf("more than %d attributes and list values (8×MaxElements)", 8*lim.MaxElements))
}

// valueTooLong is the error of a value longer than max bytes.
func valueTooLong(max int) error {
	return fileerr.TooLarge("MaxValue", "a value longer than "+fileerr.Size(int64(max)))
}

// longString reports whether the JSON text obj holds a string longer than
// max bytes once decoded, and the key of the top-level field that holds it
// ("" when it is no field's value, or a key itself). Strings whose text is
// no longer than max are not decoded.
func longString(obj []byte, max int) (key string, long bool) {
	depth, lastKey := 0, ""
	for i := 0; i < len(obj); i++ {
		switch obj[i] {
		case '{', '[':
			depth++
		case '}', ']':
			depth--
		case '"':
			j := i + 1
			for j < len(obj) && obj[j] != '"' {
				if obj[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(obj) {
				return "", false
			}
			str := obj[i : j+1]
			isK := isKey(obj[j+1:])
			if len(str)-2 > max {
				var s string
				if json.Unmarshal(str, &s) == nil && len(s) > max {
					if isK && depth == 1 {
						return "", true // a field's name
					}
					return lastKey, true
				}
			}
			if isK && depth == 1 {
				var k string
				if json.Unmarshal(str, &k) == nil {
					lastKey = k
				}
			}
			i = j
		}
	}
	return "", false
}

// nextTokenOffset returns the offset where the next JSON value starts: the
// decoder's offset plus the white space and separators it has buffered
// before it.
// fileSize returns the size of the file r reads, or 0 when r is no
// regular file.
func fileSize(r io.Reader) int64 {
	if f, ok := r.(interface{ Stat() (os.FileInfo, error) }); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			return st.Size()
		}
	}
	return 0
}

// typeError marks a JSON value of the wrong type as a format problem.
func typeError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Errorf("%w: %s is not %s", ErrFormat, te.Value, te.Type)
	}
	return fmt.Errorf("%w: %v", ErrFormat, err)
}

// fieldSetter decodes one JSON field into the element being built.
type fieldSetter[T any] func(raw json.RawMessage, into *T) error

func decodeInto(raw json.RawMessage, v any) error {
	if err := json.Unmarshal(raw, v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return fmt.Errorf("%w: %s is not %s", ErrFormat, te.Value, te.Type)
		}
		return err
	}
	return nil
}

func decodeFinite(raw json.RawMessage, into *float64) error {
	if err := decodeInto(raw, into); err != nil {
		return err
	}
	if math.IsNaN(*into) || math.IsInf(*into, 0) {
		return network.ErrNaN
	}
	return nil
}

// jsonFields returns the setters of the JSON fields of an element: one per
// field of the table, decoded from its typed JSON value (a string for the
// values with a text form of their own, a number, a boolean, an array of
// strings), plus the fields in extra, which the table does not describe as
// JSON values (the money object, attrs).
func jsonFields[T any](table []schema.Field[T], extra map[string]fieldSetter[T]) map[string]fieldSetter[T] {
	fields := map[string]fieldSetter[T]{}
	for _, f := range table {
		switch {
		case f.Ptr == nil: // part of a nested object
		case f.Type == schema.Text:
			fields[f.Name] = func(r json.RawMessage, v *T) error {
				var s string
				if err := decodeInto(r, &s); err != nil {
					return err
				}
				return f.Set(v, s)
			}
		case f.Type == schema.Float:
			fields[f.Name] = func(r json.RawMessage, v *T) error { return decodeFinite(r, f.Ptr(v).(*float64)) }
		default:
			fields[f.Name] = func(r json.RawMessage, v *T) error { return decodeInto(r, f.Ptr(v)) }
		}
	}
	maps.Copy(fields, extra)
	return fields
}

var actorFields = jsonFields(schema.Actor, map[string]fieldSetter[actor.Actor]{
	"attrs": func(r json.RawMessage, a *actor.Actor) error { return decodeInto(r, &a.Attrs) },
})

var linkFields = jsonFields(schema.Link, map[string]fieldSetter[network.Link]{
	"money": func(r json.RawMessage, l *network.Link) error {
		var m struct {
			Amount   *float64 `json:"amount"`
			Currency string   `json:"currency"`
			Ceiling  bool     `json:"ceiling"`
		}
		dec := json.NewDecoder(bytes.NewReader(r))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&m); err != nil {
			return fmt.Errorf("%w: %v (want {\"amount\": N, \"currency\": \"EUR\", \"ceiling\": false})", ErrFormat, err)
		}
		if m.Amount == nil {
			return fmt.Errorf("%w: money without an amount: leave money out when the amount is unknown", ErrFormat)
		}
		l.Money = &network.Money{Amount: *m.Amount, Currency: m.Currency, Ceiling: m.Ceiling}
		return nil
	},
	"attrs": func(r json.RawMessage, l *network.Link) error { return decodeInto(r, &l.Attrs) },
})

// required returns the names of the required fields of a table.
func required[T any](table []schema.Field[T]) []string {
	var names []string
	for _, f := range table {
		if f.Required {
			names = append(names, f.Name)
		}
	}
	return names
}

var (
	actorRequired = required(schema.Actor)
	linkRequired  = required(schema.Link)
)

// decodeElem fills a T from the fields of raw; every bad or unknown field is
// reported, and ok is false if there was any or a required field is missing.
func decodeElem[T any](raw map[string]json.RawMessage, fields map[string]fieldSetter[T], required []string, pos elemPos, p *fileerr.List) (v T, ok bool) {
	ok = true
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		set, known := fields[k]
		if !known {
			valid := slices.Sorted(maps.Keys(fields))
			p.Add(pos.lineOf(k), 0, pos.path+"."+k, fmt.Errorf("%w: unknown field %q (valid: %s)", ErrFormat, k, strings.Join(valid, ", ")))
			ok = false
			continue
		}
		if string(raw[k]) == "null" {
			continue // null is absent
		}
		if err := set(raw[k], &v); err != nil {
			p.Add(pos.lineOf(k), 0, pos.path+"."+k, err)
			ok = false
		}
	}
	for _, k := range required {
		if _, has := raw[k]; !has {
			p.Add(pos.line, 0, pos.path+"."+k, fmt.Errorf("%w: missing required field %q", ErrFormat, k))
			ok = false
		}
	}
	return v, ok
}

func decodeActor(raw map[string]json.RawMessage, pos elemPos, p *fileerr.List) (actor.Actor, bool) {
	return decodeElem(raw, actorFields, actorRequired, pos, p)
}

func decodeLink(raw map[string]json.RawMessage, pos elemPos, p *fileerr.List) (network.Link, bool) {
	return decodeElem(raw, linkFields, linkRequired, pos, p)
}

// WriteJSON writes n in the "labournet/1" JSON format: indented, fields in a
// fixed order, absent values left out, non-ASCII text as it is, one actor or
// link per element in the network's order. It streams element by element.
func WriteJSON(w io.Writer, n *network.Network) error {
	bw := bufio.NewWriter(w)
	put := func(prefix string, v any) error {
		bw.WriteString(prefix)
		var buf bytes.Buffer
		e := json.NewEncoder(&buf)
		e.SetEscapeHTML(false)
		e.SetIndent("    ", "  ")
		if err := e.Encode(v); err != nil {
			return err
		}
		bw.Write(bytes.TrimRight(buf.Bytes(), "\n"))
		return nil
	}
	bw.WriteString("{\n  \"format\": \"" + Format + "\"")
	for _, f := range []struct {
		key string
		val any
		ok  bool
	}{{"name", n.Name, true}, {"description", n.Description, n.Description != ""}, {"asOf", n.AsOf, !n.AsOf.IsZero()}, {"attrs", n.Attrs, len(n.Attrs) > 0}} {
		if !f.ok {
			continue
		}
		b, err := marshalNoEscape(f.val)
		if err != nil {
			return err
		}
		bw.WriteString(",\n  \"" + f.key + "\": ")
		bw.Write(b)
	}
	bw.WriteString(",\n  \"actors\": [")
	for i, a := range n.AllActors() {
		sep := ",\n    "
		if i == 0 {
			sep = "\n    "
		}
		if err := put(sep, a); err != nil {
			return fmt.Errorf("encoding: actor %q: %w", a.ID, err)
		}
	}
	if n.NumActors() > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("],\n  \"links\": [")
	for i, l := range n.AllLinks() {
		sep := ",\n    "
		if i == 0 {
			sep = "\n    "
		}
		if err := put(sep, l); err != nil {
			return fmt.Errorf("encoding: link #%d (%s -> %s): %w", i+1, l.From, l.To, err)
		}
	}
	if n.NumLinks() > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("]\n}\n")
	return bw.Flush()
}

func marshalNoEscape(v any) ([]byte, error) {
	var buf bytes.Buffer
	e := json.NewEncoder(&buf)
	e.SetEscapeHTML(false)
	e.SetIndent("  ", "  ")
	if err := e.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}
