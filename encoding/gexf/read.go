package gexf

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/fileerr"
	"github.com/labournet/labournet/internal/schema"
	"github.com/labournet/labournet/network"
)

// declared is an <attribute> declared in the file being read.
type declared struct {
	title, def string
}

// element is a node or edge being read.
type element struct {
	tag    string            // "node" or "edge"
	line   int               // where its start tag ends
	attrs  map[string]string // XML attributes by local name: id, label, source...
	values map[string]string // attribute id → value, as given
	spells [][2]string       // the start and end of each <spell>
}

// Limits bound what the reader holds; it is encoding.Limits, whose
// documentation gives the limits and their defaults.
type Limits = fileerr.Limits

// place names the element in errors: `node "tul"`, "edge tul -> pzlk".
func (el *element) place() string {
	if el.tag == "node" {
		return fmt.Sprintf("node %q", el.attrs["id"])
	}
	return fmt.Sprintf("edge %s -> %s", el.attrs["source"], el.attrs["target"])
}

func xmlAttrs(t xml.StartElement) map[string]string {
	m := make(map[string]string, len(t.Attr))
	for _, a := range t.Attr {
		if a.Name.Space == "" || a.Name.Space == t.Name.Space {
			m[a.Name.Local] = a.Value
		}
	}
	return m
}

// Read reads a network from GEXF (1.1draft to 1.3); file names the source
// in errors. It reports every problem found, each an *encoding.ParseError
// with its line and, for a node or edge, the element and field, and returns
// a nil network when there is any.
func Read(r io.Reader, file string) (*network.Network, error) {
	return ReadLimited(r, file, Limits{})
}

// ReadLimited is Read with limits (see Limits; the zero Limits are the
// defaults). Input beyond them is an error wrapping encoding.ErrTooLarge,
// and reading stops there.
func ReadLimited(r io.Reader, file string, lim Limits) (*network.Network, error) {
	xd := fileerr.NewXMLDecoder(r, lim, elementKind)
	p := &fileerr.List{File: file}
	fail := func(line int, err error) { p.Add(line, 0, "", err) }
	line := xd.Line

	decl := map[string]map[string]declared{"node": {}, "edge": {}} // class → id → attribute
	var graph map[string]string                                    // the <graph>'s attributes
	var nodes, edges []*element
	var open []*element // the nodes and edges open, innermost last
	var class string    // of the <attributes> open
	var attrID *string  // the id of the <attribute> open, for its <default>
	var text strings.Builder
	description, asOf, asOfLine := "", "", 0
	netAttrs := map[string]string{}
	inMeta, inText, textKey := false, "", ""
	for {
		if fileerr.Full(p) {
			return nil, p.Err()
		}
		tok, err := xd.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			fail(line(), err)
			return nil, p.Err()
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if xd.Count == 1 && t.Name.Local != "gexf" {
				fail(line(), fmt.Errorf("%w: no <gexf> element (the document is <%s>)", fileerr.ErrFormat, t.Name.Local))
				return nil, p.Err()
			}
			attrs := xmlAttrs(t)
			if inMeta {
				switch {
				case t.Name.Space == Namespace && (t.Name.Local == "asOf" || t.Name.Local == "attr"),
					t.Name.Space != Namespace && t.Name.Local == "description":
					inText, textKey = t.Name.Local, attrs["key"]
					asOfLine = line()
					text.Reset()
				}
				continue
			}
			switch t.Name.Local {
			case "meta":
				inMeta = xd.Depth == 2
			case "graph":
				if graph == nil {
					graph = attrs
				}
			case "attributes":
				class = attrs["class"]
			case "attribute":
				attrID = nil
				if m := decl[class]; m != nil {
					id := attrs["id"]
					d := declared{title: attrs["title"]}
					if d.title == "" {
						d.title = id
					}
					m[id] = d
					attrID = &id
				}
			case "default":
				text.Reset()
			case "node", "edge":
				el := &element{tag: t.Name.Local, line: line(), attrs: attrs, values: map[string]string{}}
				if el.tag == "node" {
					nodes = append(nodes, el)
				} else {
					edges = append(edges, el)
				}
				open = append(open, el)
			case "attvalue":
				if len(open) > 0 {
					id, ok := attrs["for"]
					if !ok {
						id = attrs["id"] // GEXF 1.0
					}
					open[len(open)-1].values[id] = attrs["value"]
				}
			case "spell":
				if len(open) > 0 {
					el := open[len(open)-1]
					el.spells = append(el.spells, [2]string{attrs["start"], attrs["end"]})
				}
			}
		case xml.EndElement:
			if inMeta {
				switch {
				case t.Name.Local == "meta" && xd.Depth == 1:
					inMeta = false
				case inText != "" && t.Name.Local == inText:
					switch inText {
					case "asOf":
						asOf = strings.TrimSpace(text.String())
					case "attr":
						netAttrs[textKey] = text.String()
					default:
						description = text.String()
					}
					inText = ""
				}
				continue
			}
			switch t.Name.Local {
			case "node", "edge":
				if len(open) > 0 {
					open = open[:len(open)-1]
				}
			case "attributes":
				class = ""
			case "default":
				if attrID != nil {
					d := decl[class][*attrID]
					d.def = text.String()
					decl[class][*attrID] = d
				}
			case "attribute":
				attrID = nil
			}
		case xml.CharData:
			if inText != "" || attrID != nil {
				text.Write(t)
				if err := xd.Text(text.Len()); err != nil {
					fail(line(), err)
					return nil, p.Err()
				}
			}
		}
	}
	if xd.Count == 0 {
		fail(1, fmt.Errorf("%w: no <gexf> element", fileerr.ErrFormat))
		return nil, p.Err()
	}
	if graph == nil {
		fail(line(), fmt.Errorf("%w: no <graph> element", fileerr.ErrFormat))
		return nil, p.Err()
	}
	n := network.New(graph["name"])
	n.Description = description
	if len(netAttrs) > 0 {
		n.Attrs = netAttrs
	}
	if err := n.CheckText(); err != nil {
		p.Add(0, 0, "graph", err)
	}
	if asOf != "" {
		if err := n.AsOf.UnmarshalText([]byte(asOf)); err != nil {
			fail(asOfLine, fmt.Errorf("graph asOf: %w", err))
		}
	}
	for i, el := range nodes {
		nodes[i] = nil // held no longer than needed: the peak is the elements or the network, not both
		if fileerr.Full(p) {
			break
		}
		a, ok := toActor(el, decl["node"], p)
		if !ok {
			continue
		}
		if err := n.AddActor(a); err != nil {
			p.Add(el.line, 0, el.place(), err)
		}
	}
	g := graphInfo{directed: graph["defaultedgetype"] == "directed", timeformat: graph["timeformat"]}
	for i, el := range edges {
		edges[i] = nil // held no longer than needed: the peak is the elements or the network, not both
		if fileerr.Full(p) {
			break
		}
		l, ok := toLink(el, decl["edge"], g, p)
		if !ok {
			continue
		}
		if err := n.AddLink(l); err != nil {
			p.Add(el.line, 0, el.place(), err)
		}
	}
	if p.Len() > 0 {
		return nil, p.Err()
	}
	return n, nil
}

// graphInfo is what the reading of an edge needs of its graph.
type graphInfo struct {
	directed   bool   // the default edge type is directed
	timeformat string // of start and end times
}

// fieldsByName returns the fields of table other than those named in
// skip, by name.
func fieldsByName[T any](table []schema.Field[T], skip ...string) map[string]schema.Field[T] {
	m := map[string]schema.Field[T]{}
	for _, f := range table {
		m[f.Name] = f
	}
	for _, s := range skip {
		delete(m, s)
	}
	return m
}

var (
	actorFields = fieldsByName(schema.Actor, "id")
	linkFields  = fieldsByName(schema.Link, "from", "to")
)

// setValues sets the fields of v from the element's attribute values,
// declared defaults included, and returns the values of other titles, as
// attributes: "attr.KEY" as KEY, any other title as itself. ok is false if
// any value was bad; set holds the names of the fields given.
func setValues[T any](fields map[string]schema.Field[T], table []schema.Field[T], v *T, el *element, decl map[string]declared, p *fileerr.List) (attrs map[string]string, set map[string]bool, ok bool) {
	ok = true
	byTitle := map[string]string{}
	for _, d := range decl {
		if d.def != "" {
			byTitle[d.title] = d.def
		}
	}
	for id, val := range el.values {
		d, known := decl[id]
		if !known {
			p.Add(el.line, 0, el.place(), fmt.Errorf("%w: <attvalue for=%q> names no declared <attribute>", fileerr.ErrFormat, id))
			ok = false
			continue
		}
		byTitle[d.title] = val
	}
	set = map[string]bool{}
	for _, f := range table { // in the table's order, for the order of errors
		if _, use := fields[f.Name]; !use {
			continue
		}
		s := byTitle[f.Name]
		delete(byTitle, f.Name)
		if s == "" {
			continue
		}
		set[f.Name] = true
		if err := f.Set(v, s); err != nil {
			p.Add(el.line, 0, el.place()+": "+f.Name, err)
			ok = false
		}
	}
	delete(byTitle, meetingsPerYear)
	if byTitle[swappedTitle] != "" {
		set[swappedTitle] = byTitle[swappedTitle] == "true"
		delete(byTitle, swappedTitle)
	}
	for title, val := range byTitle {
		if val == "" {
			continue
		}
		if attrs == nil {
			attrs = map[string]string{}
		}
		if k, ours := strings.CutPrefix(title, "attr."); ours {
			title = k
		}
		attrs[title] = val
	}
	return attrs, set, ok
}

func toActor(el *element, decl map[string]declared, p *fileerr.List) (actor.Actor, bool) {
	a := actor.Actor{ID: el.attrs["id"], Kind: actor.Organisation}
	attrs, set, ok := setValues(actorFields, schema.Actor, &a, el, decl, p)
	a.Attrs = attrs
	if label := el.attrs["label"]; !set["name"] && label != a.ID {
		a.Name = label
	}
	return a, ok
}

func toLink(el *element, decl map[string]declared, g graphInfo, p *fileerr.List) (network.Link, bool) {
	l := network.Link{From: el.attrs["source"], To: el.attrs["target"]}
	attrs, set, ok := setValues(linkFields, schema.Link, &l, el, decl, p)
	l.Attrs = attrs
	if set[swappedTitle] && el.attrs["type"] == "mutual" {
		l.From, l.To = l.To, l.From
	}
	addAttr := func(k, v string) {
		if l.Attrs == nil {
			l.Attrs = map[string]string{}
		}
		l.Attrs[k] = v
	}
	if !set["kind"] {
		if k := el.attrs["kind"]; k != "" { // GEXF 1.3
			if kind, err := network.ParseLinkKind(k); err == nil {
				l.Kind = kind
			} else if _, taken := l.Attrs["kind"]; !taken {
				addAttr("kind", k)
			}
		}
	}
	if !set["kind"] && !set["direction"] {
		// Not labournet's: directed as the edge or the graph says.
		directed := g.directed
		switch el.attrs["type"] {
		case "directed":
			directed = true
		case "undirected", "mutual":
			directed = false
		}
		if directed != l.Kind.Directed() {
			l.Direction = network.Undirected
			if directed {
				l.Direction = network.Directed
			}
		}
	}
	if !set["label"] {
		l.Label = el.attrs["label"]
	}
	if w := el.attrs["weight"]; w != "" && !set["weight"] {
		if err := linkFields["weight"].Set(&l, w); err != nil {
			p.Add(el.line, 0, el.place()+": weight", err)
			ok = false
		}
	}
	start, end := el.attrs["start"], el.attrs["end"]
	if len(el.spells) > 0 {
		start, end = el.spells[0][0], el.spells[len(el.spells)-1][1]
	}
	for _, t := range []struct {
		name, val string
		date      *network.Date
	}{{"start", start, &l.Start}, {"end", end, &l.End}} {
		if t.val == "" || set[t.name] {
			continue
		}
		switch g.timeformat {
		case "integer", "double", "float":
			addAttr(t.name, t.val)
			continue
		}
		d, err := network.ParseDate(datePart(t.val))
		if err != nil {
			p.Add(el.line, 0, el.place()+": "+t.name, err)
			ok = false
			continue
		}
		*t.date = d
	}
	if err := schema.CheckLink(&l); err != nil {
		p.Add(el.line, 0, el.place()+": money.amount", err)
		ok = false
	}
	return l, ok
}

// datePart returns the date of a date or dateTime ("2012-09-01T00:00:00").
func datePart(s string) string {
	s = strings.TrimSpace(s)
	if strings.IndexAny(s, "T ") == 10 {
		return s[:10]
	}
	return s
}

// elementKind is the kind of t for the limits: an item (node, edge), a
// declaration (<attribute>) or other.
func elementKind(t xml.StartElement) int {
	switch t.Name.Local {
	case "node", "edge":
		return fileerr.Item
	case "attribute":
		return fileerr.Declaration
	}
	return fileerr.Other
}
