// Package gexf reads and writes labour-market networks as GEXF, the native
// format of Gephi, which NetworkX (read_gexf) reads too.
//
// # Writing
//
// Write writes GEXF 1.2draft (namespace http://www.gexf.net/1.2draft, the
// version NetworkX 2.8 and later and every Gephi read); WriteWith writes 1.3
// on request (Options.Version). Actors are nodes, their id the actor's ID
// and their label its name (the ID when it has none), with a viz colour and
// shape by kind from the palette of the SVG diagrams (render.Style): boxes
// are squares, diamonds and triangles stay, ellipses, circles and hexagons
// are discs, GEXF having no other shapes. Links are edges between their
// actors, with their weight when given (GEXF's default weight is 1, as for
// EffectiveWeight), their label, and, in 1.3, their kind as the edge's kind.
// Every other actor and link field is a declared attribute, named as in the
// labournet/1 JSON format ("level", "money.amount", "targetGroups"; lists
// joined with "; "), free attributes as "attr.KEY". Two attributes are there
// for Gephi's filters only: an actor's "aggregate" is true whenever it
// stands for several organisations (a Count above 1 included), and a link's
// "meetingsPerYear" is its cadence as a number. The network's name is the
// graph's name attribute (as NetworkX writes and reads it), its description
// the meta description, its AsOf and attributes elements of their own in
// <meta> (namespace Namespace), which other tools skip.
//
// Edge types follow the graph's declared default, as NetworkX requires:
// read_gexf refuses an edge of type="directed" in an undirected graph and one
// of type="undirected" in a directed graph ("Undirected edge found in
// directed graph"), but takes type="mutual" in a directed graph, as an edge
// each way. So a network whose links are all undirected (or that has none)
// is an undirected graph with untyped edges; one with any directed link is
// a directed graph (defaultedgetype="directed") whose directed links are
// type="directed" and whose undirected links are type="mutual", the GEXF
// type of a tie that goes both ways. Each link keeps its own "kind" and
// "direction" as attributes too, which the reader restores exactly.
// NetworkX reads a mutual edge s-t as s->t and t->s but keeps parallel
// edges only when it notices one, which it does not when t->s is already
// there and s->t is not; such a link is written from t to s, marked with
// the attribute "labournet.swapped", which the reader undoes.
//
// When any link has a start or end date the graph is dynamic
// (mode="dynamic", timeformat="date"), so that Gephi's timeline works: such
// an edge has start and end attributes, the first day of its start date
// and the last day of its end date (a start of "2012-09" is 2012-09-01, an
// end of "2014" 2014-12-31); undated edges have none and exist throughout.
// The dates as given are in the "start" and "end" attributes.
//
// # Reading
//
// Read reads what Write writes, in either version, back into the same
// network, and GEXF written by other tools (Gephi, NetworkX, GEXF 1.1draft
// to 1.3): a node's label is the actor's name (none when it equals the id),
// a node without "kind" is an organisation, an edge without "kind" a
// cooperation link, directed as the edge's type or the graph's default edge
// type says; edge start and end times (or spells: the first start, the last
// end) in dates or dateTimes become the link's dates, numeric times are kept
// in Attrs as "start" and "end"; attributes of other titles are kept in
// Attrs ("attr.KEY" as KEY, any other under its title), declared defaults
// applied. Viz data and the times of dynamic attribute values are skipped,
// and nested nodes are read as actors of their own. An actor whose name equals its ID
// reads back without a name, which its Label gives the same, and an actor
// with a Count above 1 reads back with Aggregate set.
//
// The reader treats its input as untrusted, as the GraphML reader does: it
// refuses DTDs and entity declarations, bounds the nesting depth and the
// number of elements, and reports every problem found, each an
// *encoding.ParseError with the file, the line and the element and field
// (`node "tul": kind`, "edge tul -> pzlk: weight").
package gexf

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/fileerr"
	"github.com/labournet/labournet/internal/schema"
	"github.com/labournet/labournet/internal/xmltext"
	"github.com/labournet/labournet/network"
)

// Version is a version of GEXF.
type Version string

// The versions Write and WriteWith write.
const (
	V1_2draft Version = "1.2draft" // the default: NetworkX 2.8 reads 1.1draft and 1.2draft only
	V1_3      Version = "1.3"
)

// Versions lists the versions the writer knows, the default first.
var Versions = []Version{V1_2draft, V1_3}

// Namespace is the namespace of labournet's own elements in <meta>: the
// network's asOf day and attributes.
const Namespace = "https://github.com/labournet/labournet/gexf"

// ErrVersion is a version WriteWith does not know.
var ErrVersion = errors.New("gexf: unknown GEXF version")

// Options configures WriteWith. The zero value writes GEXF 1.2draft.
type Options struct {
	// Version is the GEXF version to write; "" is V1_2draft.
	Version Version
}

// MaxDepth is the deepest nesting of elements the reader accepts; the
// other bounds are Limits.
const MaxDepth = fileerr.MaxDepth

// namespaces of a version: GEXF, viz, schema location, version attribute.
type namespaces struct{ gexf, viz, schema, version string }

var versionNS = map[Version]namespaces{
	V1_2draft: {"http://www.gexf.net/1.2draft", "http://www.gexf.net/1.2draft/viz", "http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd", "1.2"},
	V1_3:      {"http://gexf.net/1.3", "http://gexf.net/1.3/viz", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd", "1.3"},
}

// column is a declared attribute and how to read it from an element.
type column[T any] struct {
	title, typ string
	get        func(*T) string
	check      func(*T) error
}

// columns returns the columns of the fields of table that GEXF carries as
// attributes, with the values as the XML formats write them, and the
// fields named in extra, which GEXF also carries in the element itself.
func columns[T any](table []schema.Field[T], extra ...string) []column[T] {
	var cols []column[T]
	for _, f := range table {
		switch {
		case f.GEXF != "":
			cols = append(cols, column[T]{f.Name, f.GEXF, f.XML, f.Check})
		case slices.Contains(extra, f.Name):
			cols = append(cols, column[T]{f.Name, "string", f.XML, f.Check})
		}
	}
	return cols
}

// meetingsPerYear is the title of the column made for Gephi only, which
// the reader skips.
const meetingsPerYear = "meetingsPerYear"

var actorColumns = func() []column[actor.Actor] {
	cols := columns(schema.Actor)
	for i, c := range cols {
		if c.title == "aggregate" {
			// For filtering in Gephi: whether the actor stands for several
			// organisations, a Count above 1 without the flag included.
			cols[i].get = func(a *actor.Actor) string {
				if a.IsAggregate() {
					return "true"
				}
				return ""
			}
		}
	}
	return cols
}()

var linkColumns = func() []column[network.Link] {
	var cols []column[network.Link]
	// The direction is also the edge's type, but the type follows the
	// graph's default (see the package comment): the attribute keeps it.
	for _, c := range columns(schema.Link, "direction") {
		cols = append(cols, c)
		if c.title == "cadence" {
			// The cadence as a number, for sizing and filtering in Gephi.
			cols = append(cols, column[network.Link]{meetingsPerYear, "double", func(l *network.Link) string {
				if l.Cadence.PerYear == 0 {
					return ""
				}
				return strconv.FormatFloat(l.Cadence.PerYear, 'g', -1, 64)
			}, nil})
		}
	}
	return cols
}()

// Write writes n as GEXF 1.2draft; see the package comment for the form. A
// list value containing ";" is an error, as it could not be read back.
func Write(w io.Writer, n *network.Network) error {
	return WriteWith(w, n, Options{})
}

// vizShapes maps the diagrams' shapes to GEXF's viz shapes.
var vizShapes = map[string]string{
	"box": "square", "diamond": "diamond", "triangle": "triangle",
	"ellipse": "disc", "circle": "disc", "hexagon": "disc",
}

// WriteWith writes n as GEXF in the version opt asks for.
func WriteWith(w io.Writer, n *network.Network, opt Options) error {
	v := opt.Version
	if v == "" {
		v = V1_2draft
	}
	ns, ok := versionNS[v]
	if !ok {
		return fmt.Errorf("%w %q (want %s or %s)", ErrVersion, v, V1_2draft, V1_3)
	}
	// The actors and links are read where they are, a pass for each use,
	// not copied: a network of millions of links is not held twice.
	aKeys := n.ActorAttrKeys()
	lKeys := n.LinkAttrKeys()
	directed, dynamic := false, false
	for _, l := range n.AllLinks() {
		directed = directed || l.IsDirected()
		dynamic = dynamic || !l.Start.IsZero() || !l.End.IsZero()
	}
	for _, a := range n.AllActors() {
		for _, c := range actorColumns {
			if c.check != nil {
				if err := c.check(&a); err != nil {
					return fmt.Errorf("gexf: actor %q: %s: %w", a.ID, c.title, err)
				}
			}
		}
	}
	for i, l := range n.AllLinks() {
		for _, c := range linkColumns {
			if c.check != nil {
				if err := c.check(&l); err != nil {
					return fmt.Errorf("gexf: link #%d (%s -> %s): %s: %w", i+1, l.From, l.To, c.title, err)
				}
			}
		}
	}

	b := bufio.NewWriter(w)
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(b, `<gexf xmlns="%s" xmlns:viz="%s" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:labournet="%s" xsi:schemaLocation="%s" version="%s">`+"\n",
		ns.gexf, ns.viz, Namespace, ns.schema, ns.version)
	b.WriteString("  <meta>\n    <creator>labournet</creator>\n")
	if n.Description != "" {
		fmt.Fprintf(b, "    <description>%s</description>\n", esc(n.Description))
	}
	if !n.AsOf.IsZero() {
		fmt.Fprintf(b, "    <labournet:asOf>%s</labournet:asOf>\n", n.AsOf)
	}
	for _, k := range slices.Sorted(maps.Keys(n.Attrs)) {
		fmt.Fprintf(b, "    <labournet:attr key=\"%s\">%s</labournet:attr>\n", esc(k), esc(n.Attrs[k]))
	}
	b.WriteString("  </meta>\n")
	edgeDefault, mode := "undirected", "static"
	if directed {
		edgeDefault = "directed"
	}
	if dynamic {
		mode = `dynamic" timeformat="date`
	}
	fmt.Fprintf(b, `  <graph defaultedgetype="%s" mode="%s" name="%s">`+"\n", edgeDefault, mode, esc(n.Name))
	b.WriteString(`    <attributes class="node" mode="static">` + "\n")
	for i, c := range actorColumns {
		fmt.Fprintf(b, `      <attribute id="n%d" title="%s" type="%s"/>`+"\n", i, c.title, c.typ)
	}
	for i, k := range aKeys {
		fmt.Fprintf(b, `      <attribute id="na%d" title="attr.%s" type="string"/>`+"\n", i, esc(k))
	}
	b.WriteString("    </attributes>\n")
	b.WriteString(`    <attributes class="edge" mode="static">` + "\n")
	for i, c := range linkColumns {
		fmt.Fprintf(b, `      <attribute id="e%d" title="%s" type="%s"/>`+"\n", i, c.title, c.typ)
	}
	for i, k := range lKeys {
		fmt.Fprintf(b, `      <attribute id="ea%d" title="attr.%s" type="string"/>`+"\n", i, esc(k))
	}
	swapped := swaps(n, directed)
	if len(swapped) > 0 {
		fmt.Fprintf(b, `      <attribute id="swapped" title="%s" type="boolean"/>`+"\n", swappedTitle)
	}
	b.WriteString("    </attributes>\n    <nodes>\n")
	values := func(vals [][2]string) {
		if len(vals) == 0 {
			return
		}
		b.WriteString("        <attvalues>\n")
		for _, v := range vals {
			fmt.Fprintf(b, `          <attvalue for="%s" value="%s"/>`+"\n", v[0], esc(v[1]))
		}
		b.WriteString("        </attvalues>\n")
	}
	for _, a := range n.AllActors() {
		a := &a
		fmt.Fprintf(b, `      <node id="%s" label="%s">`+"\n", esc(a.ID), esc(a.Label()))
		values(attValues("n", actorColumns, a, aKeys, a.Attrs))
		st := schema.Palette(a.Kind)
		r, g, bl := rgb(st.Fill)
		fmt.Fprintf(b, `        <viz:color r="%d" g="%d" b="%d"/>`+"\n", r, g, bl)
		fmt.Fprintf(b, `        <viz:shape value="%s"/>`+"\n", vizShapes[st.Shape])
		b.WriteString("      </node>\n")
	}
	b.WriteString("    </nodes>\n    <edges>\n")
	ids := edgeIDs(n)
	for i, l := range n.AllLinks() {
		l := &l
		source, target := l.From, l.To
		if swapped[i] {
			source, target = target, source
		}
		fmt.Fprintf(b, `      <edge id="%s" source="%s" target="%s"`, esc(ids[i]), esc(source), esc(target))
		if directed {
			if l.IsDirected() {
				b.WriteString(` type="directed"`)
			} else {
				b.WriteString(` type="mutual"`)
			}
		}
		if v == V1_3 {
			fmt.Fprintf(b, ` kind="%s"`, l.Kind)
		}
		if l.Label != "" {
			fmt.Fprintf(b, ` label="%s"`, esc(l.Label))
		}
		if l.Weight != 0 {
			fmt.Fprintf(b, ` weight="%s"`, strconv.FormatFloat(l.Weight, 'g', -1, 64))
		}
		if !l.Start.IsZero() {
			fmt.Fprintf(b, ` start="%s"`, l.Start.First())
		}
		if !l.End.IsZero() {
			fmt.Fprintf(b, ` end="%s"`, l.End.Last())
		}
		b.WriteString(">\n")
		vals := attValues("e", linkColumns, l, lKeys, l.Attrs)
		if swapped[i] {
			vals = append(vals, [2]string{"swapped", "true"})
		}
		values(vals)
		b.WriteString("      </edge>\n")
	}
	b.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return b.Flush()
}

// swappedTitle is the attribute of a mutual edge written from the link's
// To to its From; see swaps.
const swappedTitle = "labournet.swapped"

// swaps returns the undirected links of a directed graph to write from To
// to From. NetworkX reads a mutual edge s-t as the edges s->t and t->s, but
// notices that the graph has parallel edges only when s->t is already
// there: when t->s is there and s->t is not, it would make a simple DiGraph
// and merge t->s with the other link. Written as t-s, NetworkX notices.
func swaps(n *network.Network, directed bool) map[int]bool {
	if !directed {
		return nil
	}
	var swapped map[int]bool
	type pair struct{ s, t string }
	present := map[pair]bool{}
	for i, l := range n.AllLinks() {
		s, t := l.From, l.To
		if l.IsDirected() {
			present[pair{s, t}] = true
			continue
		}
		if present[pair{t, s}] && !present[pair{s, t}] {
			if swapped == nil {
				swapped = map[int]bool{}
			}
			swapped[i] = true
		}
		present[pair{s, t}], present[pair{t, s}] = true, true
	}
	return swapped
}

// edgeIDs returns the GEXF ids of the links: a link's ID when it has one,
// otherwise "e" and its index, made unique against the links' IDs.
func edgeIDs(n *network.Network) []string {
	taken := map[string]bool{}
	for _, l := range n.AllLinks() {
		if l.ID != "" {
			taken[l.ID] = true
		}
	}
	ids := make([]string, n.NumLinks())
	for i, l := range n.AllLinks() {
		if l.ID != "" {
			ids[i] = l.ID
			continue
		}
		id := "e" + strconv.Itoa(i)
		for taken[id] {
			id += "_"
		}
		taken[id] = true
		ids[i] = id
	}
	return ids
}

// rgb returns the components of a "#rrggbb" colour.
func rgb(hex string) (r, g, b uint8) {
	v, _ := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	return uint8(v >> 16), uint8(v >> 8), uint8(v)
}

func esc(s string) string { return xmltext.Escape(s, true) }

// attValues returns the non-empty attribute values of one element as
// (attribute id, value) pairs: the columns' ids are prefix+index, the free
// attributes' prefix+"a"+index, as declared.
func attValues[T any](prefix string, cols []column[T], el *T, keys []string, attrs map[string]string) [][2]string {
	var vals [][2]string
	for i, c := range cols {
		if v := c.get(el); v != "" {
			vals = append(vals, [2]string{fmt.Sprintf("%s%d", prefix, i), v})
		}
	}
	for i, k := range keys {
		if v := attrs[k]; v != "" {
			vals = append(vals, [2]string{fmt.Sprintf("%sa%d", prefix, i), v})
		}
	}
	return vals
}
