package graphml

import (
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/fileerr"
	"github.com/labournet/labournet/internal/schema"
	"github.com/labournet/labournet/network"
)

// declared is a <key> declared in the file being read.
type declared struct {
	id, domain, name string
	def              string // its <default>, "" when none
	hasDef           bool
}

// element is a node or edge being read.
type element struct {
	tag   string            // "node" or "edge"
	line  int               // where its start tag ends
	attrs map[string]string // GraphML id, source, target, directed
	data  map[string]string // attr.name → value
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

// Read reads a network from GraphML; file names the source in errors. It
// reports every problem found, each an *encoding.ParseError with its line
// and, for a node or edge, the element and field, and returns a nil network
// when there is any. It is ReadWithNotes without the notes.
func Read(r io.Reader, file string) (*network.Network, error) {
	n, _, err := ReadWithNotes(r, file)
	return n, err
}

// ReadWithNotes reads a network from GraphML as Read does, and also returns
// notes on what the file held that the labournet schema has no field for:
// each such attribute is kept in the Attrs of its actor, link or network
// under its GraphML attribute name, and listed in a note ("karate.graphml:
// attributes not in the labournet schema, kept as actor attrs: club"), so
// that nothing is dropped silently. Notes also report node attributes read
// as names ("label") and edges whose "from"/"to" data do not match their
// ends. The notes are nil when there is nothing to say.
func ReadWithNotes(r io.Reader, file string) (*network.Network, []string, error) {
	return ReadLimited(r, file, Limits{})
}

// ReadLimited is ReadWithNotes with limits (see Limits; the zero Limits
// are the defaults). Input beyond them is an error wrapping
// encoding.ErrTooLarge, and reading stops there.
func ReadLimited(r io.Reader, file string, lim Limits) (*network.Network, []string, error) {
	xd := fileerr.NewXMLDecoder(r, lim, elementKind)
	p := &fileerr.List{File: file}
	fail := func(line int, err error) { p.Add(line, 0, "", err) }
	line := xd.Line

	keys := map[string]*declared{} // id → key
	var keyOrder []*declared
	graphData := map[string]string{} // attr.name → value
	asOfLine := 0
	edgeDefault := "undirected"
	var nodes, edges []*element
	var cur *element
	var curKey *declared
	var dataKey string
	var text strings.Builder
	inData, inDefault := 0, false
	sawGraphML := false
	for {
		if fileerr.Full(p) {
			return nil, nil, p.Err()
		}
		tok, err := xd.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			fail(line(), err)
			return nil, nil, p.Err()
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if inData > 0 {
				inData++ // markup inside <data> (yEd's graphics): skipped
				continue
			}
			attrs := map[string]string{}
			for _, a := range t.Attr {
				attrs[a.Name.Local] = a.Value
			}
			switch t.Name.Local {
			case "graphml":
				sawGraphML = true
			case "key":
				k := &declared{id: attrs["id"], domain: attrs["for"], name: attrs["attr.name"]}
				if k.name == "" {
					k.name = k.id
				}
				if _, dup := keys[k.id]; !dup {
					keyOrder = append(keyOrder, k)
				}
				keys[k.id] = k
				curKey = k
			case "default":
				if curKey != nil {
					inDefault = true
					text.Reset()
				}
			case "graph":
				if d := attrs["edgedefault"]; d != "" {
					edgeDefault = d
				}
			case "node", "edge":
				cur = &element{tag: t.Name.Local, line: line(), attrs: attrs, data: map[string]string{}}
				if t.Name.Local == "node" {
					nodes = append(nodes, cur)
				} else {
					edges = append(edges, cur)
				}
			case "data":
				inData = 1
				dataKey = attrs["key"]
				text.Reset()
			}
		case xml.EndElement:
			if inData > 1 {
				inData--
				continue
			}
			switch t.Name.Local {
			case "data":
				inData = 0
				k, ok := keys[dataKey]
				if !ok {
					fail(line(), fmt.Errorf("%w: <data key=%q> names no declared <key>", fileerr.ErrFormat, dataKey))
					continue
				}
				if cur != nil {
					cur.data[k.name] = text.String()
				} else if k.domain == "graph" || k.domain == "all" {
					graphData[k.name] = text.String()
					if k.name == "asOf" {
						asOfLine = line()
					}
				}
			case "default":
				if inDefault {
					curKey.def, curKey.hasDef = text.String(), true
					inDefault = false
				}
			case "key":
				curKey = nil
			case "node", "edge":
				cur = nil
			}
		case xml.CharData:
			if inData == 1 || inDefault {
				text.Write(t)
				if err := xd.Text(text.Len()); err != nil {
					fail(line(), err)
					return nil, nil, p.Err()
				}
			}
		}
	}
	if !sawGraphML {
		fail(1, fmt.Errorf("%w: no <graphml> element", fileerr.ErrFormat))
		return nil, nil, p.Err()
	}
	applyDefaults(keyOrder, nodes, "node")
	applyDefaults(keyOrder, edges, "edge")

	rd := &reader{p: p, file: file, unknown: map[string][]string{}}
	n := network.New(graphData["name"])
	n.Description = graphData["description"]
	n.Attrs = rd.attrs("network", graphData, graphKnown)
	if err := n.CheckText(); err != nil {
		p.Add(0, 0, "graph", err)
	}
	if s := graphData["asOf"]; s != "" {
		if err := n.AsOf.UnmarshalText([]byte(s)); err != nil {
			fail(asOfLine, fmt.Errorf("graph asOf: %w", err))
		}
	}
	ids := map[string]string{} // GraphML node id → actor ID
	labels := false
	for i, el := range nodes {
		nodes[i] = nil // held no longer than needed: the peak is the elements or the network, not both
		if fileerr.Full(p) {
			break
		}
		id := el.attrs["id"]
		if v := strings.TrimSpace(el.data["id"]); v != "" {
			id = v // igraph's vertex attribute "id": the original node id
		}
		ids[el.attrs["id"]] = id
		known := actorKnown
		if el.data["name"] == "" && el.data["label"] != "" {
			el.data["name"] = el.data["label"]
			known = actorKnownLabel
			labels = true
		}
		a := actor.Actor{ID: id, Attrs: rd.attrs("actor", el.data, known)}
		if !setFields(rd, schema.Actor, &a, el) {
			continue
		}
		if err := n.AddActor(a); err != nil {
			p.Add(el.line, 0, el.place(), err)
		}
	}
	for i, el := range edges {
		edges[i] = nil // held no longer than needed: the peak is the elements or the network, not both
		if fileerr.Full(p) {
			break
		}
		l, ok := rd.toLink(el, edgeDefault, ids)
		if !ok {
			continue
		}
		if err := n.AddLink(l); err != nil {
			p.Add(el.line, 0, el.place(), err)
		}
	}
	if p.Len() > 0 {
		return nil, nil, p.Err()
	}
	var notes []string
	if labels {
		notes = append(notes, file+`: node attribute "label" read as actor names`)
	}
	for _, what := range []string{"network", "actor", "link"} {
		if u := rd.unknown[what]; len(u) > 0 {
			notes = append(notes, fmt.Sprintf("%s: attributes not in the labournet schema, kept as %s attrs: %s", file, what, strings.Join(u, ", ")))
		}
	}
	notes = append(notes, rd.notes...)
	return n, notes, nil
}

// applyDefaults gives each element the <default> of every key of its
// domain that it has no data for, as GraphML says.
func applyDefaults(keys []*declared, els []*element, domain string) {
	for _, k := range keys {
		if !k.hasDef || (k.domain != domain && k.domain != "all") {
			continue
		}
		for _, el := range els {
			if _, ok := el.data[k.name]; !ok {
				el.data[k.name] = k.def
			}
		}
	}
}

// The attribute names the reader takes as fields, not as free attributes.
var (
	actorKnown      = known(schema.Actor, "id")
	actorKnownLabel = known(schema.Actor, "id", "label")
	linkKnown       = known(schema.Link, "from", "to", "directed")
	graphKnown      = map[string]bool{"name": true, "description": true, "asOf": true}
)

func known[T any](table []schema.Field[T], more ...string) map[string]bool {
	m := map[string]bool{}
	for _, f := range table {
		if f.GraphML != "" {
			m[f.Name] = true
		}
	}
	for _, s := range more {
		m[s] = true
	}
	return m
}

// reader holds what the second pass of ReadWithNotes collects.
type reader struct {
	p       *fileerr.List
	file    string
	unknown map[string][]string // "actor", "link", "network" → attribute names not in the schema
	notes   []string
}

// attrs returns the free attributes of an element: its "attr.KEY" data
// under KEY, and its data of any other name not in known under that name,
// which it records for the notes. Empty values are none.
func (rd *reader) attrs(what string, data map[string]string, known map[string]bool) map[string]string {
	var m map[string]string
	set := func(k, v string) {
		if m == nil {
			m = map[string]string{}
		}
		m[k] = v
	}
	for k, v := range data {
		if v == "" || known[k] || strings.HasPrefix(k, "attr.") {
			continue
		}
		if !slices.Contains(rd.unknown[what], k) {
			rd.unknown[what] = append(rd.unknown[what], k)
			slices.Sort(rd.unknown[what])
		}
		set(k, v)
	}
	for k, v := range data { // attr.KEY wins over a foreign KEY
		if a, ok := strings.CutPrefix(k, "attr."); ok && v != "" {
			set(a, v)
		}
	}
	return m
}

// setFields sets the fields of v that GraphML carries as data, reporting
// each bad value; ok is false if there was any.
func setFields[T any](rd *reader, table []schema.Field[T], v *T, el *element) (ok bool) {
	ok = true
	for _, f := range table {
		if f.GraphML == "" {
			continue
		}
		if s, given := value(fieldInfo{f.Name, f.Type}, el.data[f.Name]); given {
			if err := f.Set(v, s); err != nil {
				rd.p.Add(el.line, 0, el.place()+": "+f.Name, err)
				ok = false
			}
		}
	}
	return ok
}

// toLink makes the link of an edge. Its ends are the edge's "from" and "to"
// data when they name the same two actors as the edge's source and target
// (a library that keeps the graph undirected may swap the ends), else its
// source and target, mapped through ids. Its direction is its "kind" and
// "direction" data; GraphML without them (written by other tools) gives
// cooperation links, directed as the "directed" data, the edge or the graph
// says.
func (rd *reader) toLink(el *element, edgeDefault string, ids map[string]string) (network.Link, bool) {
	end := func(id string) string {
		if a, ok := ids[id]; ok {
			return a
		}
		return id
	}
	src, dst := end(el.attrs["source"]), end(el.attrs["target"])
	l := network.Link{From: src, To: dst, Attrs: rd.attrs("link", el.data, linkKnown)}
	from, to := strings.TrimSpace(el.data["from"]), strings.TrimSpace(el.data["to"])
	switch {
	case from == "" && to == "":
	case from == src && to == dst, from == dst && to == src:
		l.From, l.To = from, to
	default:
		rd.notes = append(rd.notes, fmt.Sprintf("%s:%d: %s: its from/to data (%q -> %q) do not name its ends; the ends are kept, the data kept as link attrs", rd.file, el.line, el.place(), from, to))
		if l.Attrs == nil {
			l.Attrs = map[string]string{}
		}
		for _, k := range []string{"from", "to"} {
			if v := el.data[k]; v != "" {
				l.Attrs[k] = v
			}
		}
	}
	// Money is given by its amount and currency: an amount of 0 with no
	// currency (and no ceiling) is what graph-tool writes for none.
	if a, given := value(fieldInfo{"money.amount", schema.Float}, el.data["money.amount"]); given && el.data["money.currency"] == "" {
		if v, err := strconv.ParseFloat(strings.TrimSpace(a), 64); err == nil && v == 0 {
			if _, ceiling := value(fieldInfo{"money.ceiling", schema.Bool}, el.data["money.ceiling"]); !ceiling {
				delete(el.data, "money.amount")
			}
		}
	}
	ok := setFields(rd, schema.Link, &l, el)
	if el.data["kind"] == "" && el.data["direction"] == "" {
		// Foreign GraphML: a cooperation link, directed as the file says.
		directed := edgeDefault == "directed"
		if v := el.attrs["directed"]; v != "" {
			directed = v == "true"
		}
		if v := strings.ToLower(strings.TrimSpace(el.data["directed"])); v != "" {
			directed = v == "true" || v == "1"
		}
		if directed {
			l.Direction = network.Directed
		}
	}
	if err := schema.CheckLink(&l); err != nil {
		rd.p.Add(el.line, 0, el.place()+": money.amount", err)
		ok = false
	}
	return l, ok
}

// value returns the text of field f in el's data as the field's Set takes
// it, and whether there is a value at all. Graph libraries fill in the
// values an element lacks when they write a file back: igraph writes NaN
// for a number (or leaves it out), graph-tool 0 or false; the empty string,
// NaN, false and a zero count are therefore no value, and a whole number
// written as a double ("8.0") is a count. A weight of 1 is no weight (it
// counts as 1): the writer writes every link's effective weight.
func value(f fieldInfo, s string) (string, bool) {
	t := strings.TrimSpace(s)
	switch f.typ {
	case schema.String, schema.List, schema.Text:
		return s, s != ""
	case schema.Bool:
		switch strings.ToLower(t) {
		case "", "false", "no", "0", "f":
			return "", false
		}
		return s, true
	case schema.Int:
		if v, err := strconv.ParseFloat(t, 64); err == nil && v == math.Trunc(v) && math.Abs(v) < 1<<53 {
			if v == 0 {
				return "", false
			}
			return strconv.FormatInt(int64(v), 10), true
		}
		return s, t != "" && !strings.EqualFold(t, "nan")
	case schema.Float:
		if t == "" || strings.EqualFold(t, "nan") {
			return "", false
		}
		if f.name == "weight" {
			if v, err := strconv.ParseFloat(t, 64); err == nil && v == 1 {
				return "", false
			}
		}
		return s, true
	}
	return s, s != ""
}

type fieldInfo struct {
	name string
	typ  schema.Type
}

// elementKind is the kind of t for the limits: an item (node, edge), a
// declaration (<key>) or other.
func elementKind(t xml.StartElement) int {
	switch t.Name.Local {
	case "node", "edge":
		return fileerr.Item
	case "key":
		return fileerr.Declaration
	}
	return fileerr.Other
}
