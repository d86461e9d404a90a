package graphml

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

// declared is a <key> declared in the file being read.
type declared struct {
	id, domain, name string
}

// element is a node or edge being read.
type element struct {
	tag   string            // "node" or "edge"
	line  int               // where its start tag ends
	attrs map[string]string // GraphML id, source, target, directed
	data  map[string]string // attr.name → value
}

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
// when there is any.
func Read(r io.Reader, file string) (*network.Network, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = true
	p := &fileerr.List{File: file}
	fail := func(line int, err error) { p.Add(line, 0, "", err) }
	line := func() int { l, _ := dec.InputPos(); return l }

	keys := map[string]declared{} // id → key
	name, asOf, asOfLine := "", "", 0
	edgeDefault := "undirected"
	var nodes, edges []*element
	var cur *element
	var dataKey string
	var text strings.Builder
	inData, depth, count := 0, 0, 0
	sawGraphML := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			fail(line(), fmt.Errorf("%w: %v", fileerr.ErrFormat, err))
			return nil, p.Err()
		}
		switch t := tok.(type) {
		case xml.Directive:
			fail(line(), fmt.Errorf("%w: DTDs and entity declarations are not accepted", fileerr.ErrFormat))
			return nil, p.Err()
		case xml.StartElement:
			depth++
			count++
			if depth > MaxDepth {
				fail(line(), fmt.Errorf("%w: elements nested deeper than %d", fileerr.ErrFormat, MaxDepth))
				return nil, p.Err()
			}
			if count > MaxElements {
				fail(line(), fmt.Errorf("%w: more than %d elements", fileerr.ErrFormat, MaxElements))
				return nil, p.Err()
			}
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
				k := declared{id: attrs["id"], domain: attrs["for"], name: attrs["attr.name"]}
				if k.name == "" {
					k.name = k.id
				}
				keys[k.id] = k
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
			depth--
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
				} else if k.domain == "graph" && k.name == "name" {
					name = text.String()
				} else if k.domain == "graph" && k.name == "asOf" {
					asOf, asOfLine = text.String(), line()
				}
			case "node", "edge":
				cur = nil
			}
		case xml.CharData:
			if inData == 1 {
				text.Write(t)
			}
		}
	}
	if !sawGraphML {
		fail(1, fmt.Errorf("%w: no <graphml> element", fileerr.ErrFormat))
		return nil, p.Err()
	}
	n := network.New(name)
	if asOf != "" {
		if err := n.AsOf.UnmarshalText([]byte(asOf)); err != nil {
			fail(asOfLine, fmt.Errorf("graph asOf: %w", err))
		}
	}
	for _, el := range nodes {
		a := actor.Actor{ID: el.attrs["id"], Attrs: attrsOf(el.data)}
		if !setFields(schema.Actor, &a, el, p) {
			continue
		}
		if err := n.AddActor(a); err != nil {
			p.Add(el.line, 0, el.place(), err)
		}
	}
	for _, el := range edges {
		l, ok := toLink(el, edgeDefault, p)
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

// setFields sets the fields of v that GraphML carries as data, reporting
// each bad value; ok is false if there was any.
func setFields[T any](table []schema.Field[T], v *T, el *element, p *fileerr.List) (ok bool) {
	ok = true
	for _, f := range table {
		if f.GraphML == "" {
			continue
		}
		if s := el.data[f.Name]; s != "" {
			if err := f.Set(v, s); err != nil {
				p.Add(el.line, 0, el.place()+": "+f.Name, err)
				ok = false
			}
		}
	}
	return ok
}

func attrsOf(data map[string]string) map[string]string {
	var m map[string]string
	for k, v := range data {
		if a, ok := strings.CutPrefix(k, "attr."); ok && v != "" {
			if m == nil {
				m = map[string]string{}
			}
			m[a] = v
		}
	}
	return m
}

func toLink(el *element, edgeDefault string, p *fileerr.List) (network.Link, bool) {
	l := network.Link{From: el.attrs["source"], To: el.attrs["target"], Attrs: attrsOf(el.data)}
	ok := setFields(schema.Link, &l, el, p)
	if el.data["kind"] == "" && el.data["direction"] == "" {
		// Foreign GraphML: a cooperation link, directed as the file says.
		directed := edgeDefault == "directed"
		if v := el.attrs["directed"]; v != "" {
			directed = v == "true"
		}
		if directed {
			l.Direction = network.Directed
		}
	}
	if err := schema.CheckLink(&l); err != nil {
		p.Add(el.line, 0, el.place()+": money.amount", err)
		ok = false
	}
	return l, ok
}
