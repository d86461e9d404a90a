package encoding

import (
	"github.com/labournet/labournet/network"
)

// The hot loop of a large file: its links. linkReader decodes a plain link
// (see fastElem) whose ends are actors of the network already, and adds
// it with network.AddLinkBetween, without making a string of its ends,
// kind, status, role or dates: the ends are looked up from the bytes of
// the element, and the rest is read through small tables of the values
// seen before (a file's links share a few kinds, roles and dates). What it
// does not take (an element that is not plain, an unknown end, a link the
// network rejects) goes the other paths, which report it as they always
// have; so the network is the same with it or without it (see
// TestLinkReaderAgrees).

// linkReader holds the tables of values seen before.
type linkReader struct {
	l     network.Link // the link being read
	roles map[string]string
	dates map[string]network.Date
	// Where the fields linkReader decodes itself are in schema.Link.
	from, to, kind, role, start, end, status int
}

// cacheLimit bounds each table of linkReader: a file whose roles or dates
// are all different gets no help from it, and keeps no more than this.
const cacheLimit = 1 << 12

// kindOf and statusOf read the names LinkKind.String and Status.String
// write; other spellings, which the other paths accept, are not theirs.
func kindOf(b []byte) (network.LinkKind, bool) {
	for i, name := range linkKindNames {
		if name == string(b) {
			return linkKinds[i], true
		}
	}
	return 0, false
}

func statusOf(b []byte) (network.Status, bool) {
	for _, st := range statuses {
		if st.String() == string(b) {
			return st, true
		}
	}
	return 0, false
}

var (
	statuses      = []network.Status{network.StatusUnknown, network.Planned, network.Active, network.Ended}
	linkKinds     = network.LinkKinds()
	linkKindNames = func() []string {
		var names []string
		for _, k := range linkKinds {
			names = append(names, k.String())
		}
		return names
	}()
)

func newLinkReader() *linkReader {
	at := func(name string) int { return fastLink.fields[name] }
	return &linkReader{
		roles: map[string]string{}, dates: map[string]network.Date{},
		from: at("from"), to: at("to"), kind: at("kind"), role: at("role"),
		start: at("start"), end: at("end"), status: at("status"),
	}
}

// add decodes obj, one link, and adds it to n; it reports whether it did,
// and the link's attributes and list values (see linkValues). When it did
// not, n is unchanged and obj is to go another path.
func (lr *linkReader) add(obj []byte, maxValue int, n *network.Network) (bool, int) {
	lr.l = network.Link{}
	l := &lr.l // not on the heap anew for each link
	var from, to []byte
	s := scanner{b: obj}
	if !s.byte('{') || s.peek('}') {
		return false, 0
	}
	const moneyBit, attrsBit = 1 << 62, 1 << 63
	var seen uint64
	for {
		kb, ok := s.strBytes(maxValue)
		if !ok || !s.byte(':') {
			return false, 0
		}
		i, known := lr.fieldOf(kb)
		switch {
		case known:
			if seen&(1<<i) != 0 {
				return false, 0
			}
			seen |= 1 << i
			ok = lr.field(&s, i, l, &from, &to, maxValue)
		case string(kb) == "money" && seen&moneyBit == 0:
			seen |= moneyBit
			l.Money, ok = s.money(maxValue)
		case string(kb) == "attrs" && seen&attrsBit == 0:
			seen |= attrsBit
			l.Attrs, ok = s.stringMap(maxValue)
		default:
			return false, 0
		}
		if !ok {
			return false, 0
		}
		if s.peek(',') {
			s.i++
			continue
		}
		if !s.byte('}') {
			return false, 0
		}
		break
	}
	if s.skipSpace(); s.i != len(s.b) {
		return false, 0
	}
	for _, i := range fastLink.required {
		if seen&(1<<i) == 0 {
			return false, 0
		}
	}
	f, ok := n.Index(string(from))
	if !ok {
		return false, 0
	}
	t, ok := n.Index(string(to))
	if !ok {
		return false, 0
	}
	return n.AddLinkBetween(f, t, *l) == nil, linkValues(l)
}

// fieldOf returns the position of the key kb in schema.Link, as
// fastLink.fields does, comparing the common keys first.
func (lr *linkReader) fieldOf(kb []byte) (int, bool) {
	switch string(kb) {
	case "from":
		return lr.from, true
	case "to":
		return lr.to, true
	case "kind":
		return lr.kind, true
	case "role":
		return lr.role, true
	case "start":
		return lr.start, true
	case "end":
		return lr.end, true
	case "status":
		return lr.status, true
	}
	i, ok := fastLink.fields[string(kb)]
	return i, ok
}

// field decodes the value at s into field i of schema.Link: the ends
// as bytes, the kind, role, dates and status through lr's tables, the
// rest as fastElem does.
func (lr *linkReader) field(s *scanner, i int, l *network.Link, from, to *[]byte, maxValue int) bool {
	switch i {
	case lr.from, lr.to, lr.kind, lr.role, lr.start, lr.end, lr.status:
	default:
		return setField(s, fastLink.table[i], l, maxValue)
	}
	b, ok := s.strBytes(maxValue)
	if !ok {
		return false
	}
	switch i {
	case lr.from:
		*from = b
	case lr.to:
		*to = b
	case lr.kind:
		l.Kind, ok = kindOf(b)
	case lr.status:
		l.Status, ok = statusOf(b)
	case lr.role:
		l.Role = lr.roles[string(b)]
		if l.Role == "" && len(b) > 0 {
			l.Role = string(b)
			remember(lr.roles, l.Role, l.Role)
		}
	default: // start, end
		d, seen := lr.dates[string(b)]
		if !seen {
			var err error
			if d, err = network.ParseDate(string(b)); err != nil {
				return false
			}
			remember(lr.dates, string(b), d)
		}
		if i == lr.start {
			l.Start = d
		} else {
			l.End = d
		}
	}
	return ok
}

// remember adds k to the table m, emptied first when it is full.
func remember[V any](m map[string]V, k string, v V) {
	if len(m) >= cacheLimit {
		clear(m)
	}
	m[k] = v
}
