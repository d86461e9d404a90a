package encoding

import (
	"strconv"
	"unicode/utf8"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/schema"
	"github.com/labournet/labournet/network"
)

// The fast path of the JSON reader. Most elements of a labournet/1 file are
// plain: known keys once each, strings without escapes, numbers, flat lists
// and maps of strings. fastElem decodes such an element straight from its
// bytes, without the map of raw fields and the reflection of encoding/json
// that the general path (decodeElem) takes; an element it does not find
// plain, or whose values a field rejects, goes the general path, which
// reports its problems in the words and places it always has. The two
// paths give the same element for every element the fast one takes (see
// TestFastElemAgrees and FuzzReadJSON).

// fastTable indexes a field table by JSON key for fastElem.
type fastTable[T any] struct {
	fields   map[string]int // key → index in table
	table    []schema.Field[T]
	required []int
}

func newFastTable[T any](table []schema.Field[T]) fastTable[T] {
	ft := fastTable[T]{fields: map[string]int{}, table: table}
	for i, f := range table {
		if f.Ptr == nil {
			continue // money.*: decoded as a whole
		}
		ft.fields[f.Name] = i
		if f.Required {
			ft.required = append(ft.required, i)
		}
	}
	return ft
}

var (
	fastActor = newFastTable(schema.Actor)
	fastLink  = newFastTable(schema.Link)
)

// fastActorOf and fastLinkOf decode a plain element (see fastElem).
func fastActorOf(obj []byte, maxValue int) (actor.Actor, bool) {
	var a actor.Actor
	ok := fastElem(obj, maxValue, &fastActor, &a, func(key string, s *scanner) bool {
		if key != "attrs" {
			return false
		}
		m, ok := s.stringMap(maxValue)
		a.Attrs = m
		return ok
	})
	return a, ok
}

func fastLinkOf(obj []byte, maxValue int) (network.Link, bool) {
	var l network.Link
	ok := fastElem(obj, maxValue, &fastLink, &l, func(key string, s *scanner) bool {
		switch key {
		case "attrs":
			m, ok := s.stringMap(maxValue)
			l.Attrs = m
			return ok
		case "money":
			m, ok := s.money(maxValue)
			l.Money = m
			return ok
		}
		return false
	})
	return l, ok
}

// fastElem decodes obj, one JSON object, into el when it is plain: every
// key known (the table's or one that extra decodes), none twice, every
// required key present, strings valid UTF-8 without escapes or control
// characters and at most maxValue bytes, no null, and every value of the
// type its field takes and accepted by its field. It reports whether it
// decoded el; when it did not, el is to be thrown away.
func fastElem[T any](obj []byte, maxValue int, ft *fastTable[T], el *T, extra func(key string, s *scanner) bool) bool {
	s := scanner{b: obj}
	if !s.byte('{') {
		return false
	}
	var seen uint64 // fields seen, by index in the table (tables are under 64 long)
	var extraSeen [2]string
	nExtra := 0
	if s.peek('}') {
		s.i++
	} else {
		for {
			kb, ok := s.strBytes(maxValue)
			if !ok || !s.byte(':') {
				return false
			}
			if i, known := ft.fields[string(kb)]; known {
				if seen&(1<<i) != 0 || !setField(&s, ft.table[i], el, maxValue) {
					return false
				}
				seen |= 1 << i
			} else {
				key := string(kb)
				for _, k := range extraSeen[:nExtra] {
					if k == key {
						return false
					}
				}
				if nExtra == len(extraSeen) || !extra(key, &s) {
					return false
				}
				extraSeen[nExtra] = key
				nExtra++
			}
			if s.peek(',') {
				s.i++
				continue
			}
			if !s.byte('}') {
				return false
			}
			break
		}
	}
	if s.skipSpace(); s.i != len(s.b) {
		return false
	}
	for _, i := range ft.required {
		if seen&(1<<i) == 0 {
			return false
		}
	}
	return true
}

// setField decodes the value at s into field f of el.
func setField[T any](s *scanner, f schema.Field[T], el *T, maxValue int) bool {
	switch f.Type {
	case schema.String:
		v, ok := s.str(maxValue)
		if ok {
			*f.Ptr(el).(*string) = v
		}
		return ok
	case schema.Text:
		v, ok := s.str(maxValue)
		return ok && f.Set(el, v) == nil
	case schema.Float:
		v, ok := s.number()
		if !ok {
			return false
		}
		x, err := strconv.ParseFloat(string(v), 64)
		if err != nil {
			return false
		}
		*f.Ptr(el).(*float64) = x
		return true
	case schema.Int:
		v, ok := s.number()
		if !ok {
			return false
		}
		x, err := strconv.Atoi(string(v))
		if err != nil {
			return false
		}
		*f.Ptr(el).(*int) = x
		return true
	case schema.Bool:
		v, ok := s.boolean()
		if ok {
			*f.Ptr(el).(*bool) = v
		}
		return ok
	case schema.List:
		v, ok := s.stringList(maxValue)
		if ok {
			*f.Ptr(el).(*[]string) = v
		}
		return ok
	}
	return false
}

// scanner reads the plain JSON of one element.
type scanner struct {
	b []byte
	i int
}

func (s *scanner) skipSpace() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// byte consumes c after white space.
func (s *scanner) byte(c byte) bool {
	s.skipSpace()
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// peek reports whether c comes next after white space, consuming the space.
func (s *scanner) peek(c byte) bool {
	s.skipSpace()
	return s.i < len(s.b) && s.b[s.i] == c
}

// str reads a plain string: no escape, no control character, valid UTF-8,
// at most max bytes.
func (s *scanner) str(max int) (string, bool) {
	v, ok := s.strBytes(max)
	if !ok {
		return "", false
	}
	return string(v), true
}

// strBytes is str that returns the string's bytes in the element's text.
func (s *scanner) strBytes(max int) ([]byte, bool) {
	if !s.byte('"') {
		return nil, false
	}
	start := s.i
	ascii := true
	for ; s.i < len(s.b); s.i++ {
		c := s.b[s.i]
		if !strSpecial[c] {
			continue
		}
		switch {
		case c == '"':
			v := s.b[start:s.i]
			s.i++
			if len(v) > max || !ascii && !utf8.Valid(v) {
				return nil, false
			}
			return v, true
		case c == '\\' || c < 0x20:
			return nil, false
		default: // c >= 0x80
			ascii = false
		}
	}
	return nil, false
}

// strSpecial marks the bytes strBytes stops at: the quote, the backslash,
// control characters and the bytes of non-ASCII characters.
var strSpecial = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c == '"' || c == '\\' || c < 0x20 || c >= 0x80
	}
	return t
}()

// number reads a JSON number's text.
func (s *scanner) number() ([]byte, bool) {
	s.skipSpace()
	start := s.i
	for ; s.i < len(s.b); s.i++ {
		c := s.b[s.i]
		if !(c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
			break
		}
	}
	if s.i == start || !validNumber(s.b[start:s.i]) {
		return nil, false
	}
	return s.b[start:s.i], true
}

// validNumber reports whether b is a number as JSON writes one:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func validNumber(b []byte) bool {
	i := 0
	if i < len(b) && b[i] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
			n++
		}
		return n
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case digits() == 0:
		return false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(b)
}

func (s *scanner) boolean() (bool, bool) {
	s.skipSpace()
	rest := s.b[s.i:]
	switch {
	case len(rest) >= 4 && string(rest[:4]) == "true":
		s.i += 4
		return true, true
	case len(rest) >= 5 && string(rest[:5]) == "false":
		s.i += 5
		return false, true
	}
	return false, false
}

// stringList reads an array of plain strings.
func (s *scanner) stringList(max int) ([]string, bool) {
	if !s.byte('[') {
		return nil, false
	}
	out := []string{}
	if s.peek(']') {
		s.i++
		return out, true
	}
	for {
		v, ok := s.str(max)
		if !ok {
			return nil, false
		}
		out = append(out, v)
		if s.peek(',') {
			s.i++
			continue
		}
		return out, s.byte(']')
	}
}

// stringMap reads an object of plain strings, each key once.
func (s *scanner) stringMap(max int) (map[string]string, bool) {
	if !s.byte('{') {
		return nil, false
	}
	out := map[string]string{}
	if s.peek('}') {
		s.i++
		return out, true
	}
	for {
		k, ok := s.str(max)
		if !ok || !s.byte(':') {
			return nil, false
		}
		v, ok := s.str(max)
		if _, dup := out[k]; !ok || dup {
			return nil, false
		}
		out[k] = v
		if s.peek(',') {
			s.i++
			continue
		}
		return out, s.byte('}')
	}
}

// money reads {"amount": N, "currency": "EUR", "ceiling": false}, the
// amount required, each key at most once.
func (s *scanner) money(max int) (*network.Money, bool) {
	if !s.byte('{') {
		return nil, false
	}
	var m network.Money
	var hasAmount, hasCurrency, hasCeiling bool
	if s.peek('}') {
		return nil, false // no amount
	}
	for {
		k, ok := s.str(max)
		if !ok || !s.byte(':') {
			return nil, false
		}
		switch {
		case k == "amount" && !hasAmount:
			v, ok := s.number()
			x, err := strconv.ParseFloat(string(v), 64)
			if !ok || err != nil {
				return nil, false
			}
			m.Amount, hasAmount = x, true
		case k == "currency" && !hasCurrency:
			v, ok := s.str(max)
			if !ok {
				return nil, false
			}
			m.Currency, hasCurrency = v, true
		case k == "ceiling" && !hasCeiling:
			v, ok := s.boolean()
			if !ok {
				return nil, false
			}
			m.Ceiling, hasCeiling = v, true
		default:
			return nil, false
		}
		if s.peek(',') {
			s.i++
			continue
		}
		if !s.byte('}') || !hasAmount {
			return nil, false
		}
		return &m, true
	}
}
