package graphml

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/network"
)

// Error is one problem found in a GraphML file.
type Error struct {
	File string
	Line int
	Err  error
}

// Error implements error: "file:line: reason".
func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }

// Unwrap returns the reason, so that errors.Is works against ErrFormat and
// the sentinels of packages actor and network.
func (e *Error) Unwrap() error { return e.Err }

// element is a node or edge being read.
type element struct {
	line  int
	attrs map[string]string // GraphML id, source, target, directed
	data  map[string]string // attr.name → value
}

// Read reads a network from GraphML; file names the source in errors. It
// reports every problem found, each an *Error with its line, and returns a
// nil network when there is any.
func Read(r io.Reader, file string) (*network.Network, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = true
	var errs []error
	fail := func(line int, err error) { errs = append(errs, &Error{File: file, Line: line, Err: err}) }
	line := func() int { l, _ := dec.InputPos(); return l }

	keys := map[string]key{} // id → key
	name := ""
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
			fail(line(), fmt.Errorf("%w: %v", ErrFormat, err))
			return nil, errors.Join(errs...)
		}
		switch t := tok.(type) {
		case xml.Directive:
			fail(line(), fmt.Errorf("%w: DTDs and entity declarations are not accepted", ErrFormat))
			return nil, errors.Join(errs...)
		case xml.StartElement:
			depth++
			count++
			if depth > MaxDepth {
				fail(line(), fmt.Errorf("%w: elements nested deeper than %d", ErrFormat, MaxDepth))
				return nil, errors.Join(errs...)
			}
			if count > MaxElements {
				fail(line(), fmt.Errorf("%w: more than %d elements", ErrFormat, MaxElements))
				return nil, errors.Join(errs...)
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
				k := key{id: attrs["id"], domain: attrs["for"], name: attrs["attr.name"], typ: attrs["attr.type"]}
				if k.name == "" {
					k.name = k.id
				}
				keys[k.id] = k
			case "graph":
				if d := attrs["edgedefault"]; d != "" {
					edgeDefault = d
				}
			case "node", "edge":
				cur = &element{line: line(), attrs: attrs, data: map[string]string{}}
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
					fail(line(), fmt.Errorf("%w: <data key=%q> names no declared <key>", ErrFormat, dataKey))
					continue
				}
				if cur != nil {
					cur.data[k.name] = text.String()
				} else if k.domain == "graph" && k.name == "name" {
					name = text.String()
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
		fail(1, fmt.Errorf("%w: no <graphml> element", ErrFormat))
		return nil, errors.Join(errs...)
	}
	n := network.New(name)
	for _, el := range nodes {
		a, err := toActor(el)
		if err != nil {
			fail(el.line, err)
			continue
		}
		if err := n.AddActor(a); err != nil {
			fail(el.line, err)
		}
	}
	for _, el := range edges {
		l, err := toLink(el, edgeDefault)
		if err != nil {
			fail(el.line, err)
			continue
		}
		if err := n.AddLink(l); err != nil {
			fail(el.line, err)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return n, nil
}

func splitList(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	var out []string
	for _, v := range strings.Split(s, ";") {
		out = append(out, strings.TrimSpace(v))
	}
	return out
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

func toActor(el *element) (actor.Actor, error) {
	d := el.data
	a := actor.Actor{ID: el.attrs["id"], Name: d["name"], Country: d["country"], Region: d["region"],
		Sectors: splitList(d["sectors"]), TargetGroups: splitList(d["targetGroups"]), Skills: splitList(d["skills"]),
		Themes: splitList(d["themes"]), Attrs: attrsOf(d)}
	var errs []error
	if k := d["kind"]; k != "" {
		if err := a.Kind.UnmarshalText([]byte(k)); err != nil {
			errs = append(errs, fmt.Errorf("node %q: kind: %w", a.ID, err))
		}
	}
	if err := a.Level.UnmarshalText([]byte(d["level"])); err != nil {
		errs = append(errs, fmt.Errorf("node %q: level: %w", a.ID, err))
	}
	if v := d["aggregate"]; v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			errs = append(errs, fmt.Errorf("%w: node %q: aggregate %q is not a boolean", ErrFormat, a.ID, v))
		}
		a.Aggregate = b
	}
	if v := d["count"]; v != "" {
		c, err := strconv.Atoi(v)
		if err != nil {
			errs = append(errs, fmt.Errorf("%w: node %q: count %q is not a whole number", ErrFormat, a.ID, v))
		}
		a.Count = c
	}
	return a, errors.Join(errs...)
}

func toLink(el *element, edgeDefault string) (network.Link, error) {
	d := el.data
	l := network.Link{ID: d["id"], From: el.attrs["source"], To: el.attrs["target"], Role: d["role"], Label: d["label"],
		TargetGroups: splitList(d["targetGroups"]), Evidence: d["evidence"], Attrs: attrsOf(d)}
	var errs []error
	text := func(field string, into interface{ UnmarshalText([]byte) error }) {
		if err := into.UnmarshalText([]byte(d[field])); err != nil {
			errs = append(errs, fmt.Errorf("edge %s -> %s: %s: %w", l.From, l.To, field, err))
		}
	}
	num := func(field string) float64 {
		v, err := strconv.ParseFloat(d[field], 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			errs = append(errs, fmt.Errorf("%w: edge %s -> %s: %s %q is not a finite number", ErrFormat, l.From, l.To, field, d[field]))
		}
		return v
	}
	if d["kind"] != "" {
		text("kind", &l.Kind)
	}
	text("direction", &l.Direction)
	if d["kind"] == "" && d["direction"] == "" {
		// Foreign GraphML: a cooperation link, directed as the file says.
		directed := edgeDefault == "directed"
		if v := el.attrs["directed"]; v != "" {
			directed = v == "true"
		}
		if directed {
			l.Direction = network.Directed
		}
	}
	text("cadence", &l.Cadence)
	text("start", &l.Start)
	text("end", &l.End)
	text("status", &l.Status)
	if d["weight"] != "" {
		l.Weight = num("weight")
	}
	if d["money.amount"] != "" {
		l.Money = &network.Money{Amount: num("money.amount"), Currency: d["money.currency"], Ceiling: d["money.ceiling"] == "true"}
	} else if d["money.currency"] != "" {
		errs = append(errs, fmt.Errorf("%w: edge %s -> %s: money.currency without money.amount", ErrFormat, l.From, l.To))
	}
	return l, errors.Join(errs...)
}
