// Package graphml reads and writes labour-market networks as GraphML, the
// XML graph format that Gephi, yEd, Cytoscape, NetworkX, igraph and
// graph-tool read.
//
// Every actor and link field is carried as a GraphML attribute (a <data>
// element under a declared <key>), named as in the labournet/1 JSON format:
// "kind", "level", "country", "targetGroups"...; lists are joined with "; ";
// money is "money.amount", "money.currency" and "money.ceiling"; free
// attributes are "attr.KEY". The network's name, description, asOf and
// attributes are graph data. An actor's ID is its node's id; a link's ID is
// its edge's id (NetworkX reads that as the edge's "id") and its "id" data.
//
// # Direction
//
// A link's direction must survive a round trip through a graph library,
// which keeps only what its own graph model holds. NetworkX refuses
// directed="true" on an edge of an undirected graph, and an undirected
// graph in NetworkX, igraph or graph-tool does not keep which end came
// first: a funding link fund -> office written in an undirected graph comes
// back as office -> fund. So the writer
//
//   - declares the graph edgedefault="undirected" only when every link is
//     undirected, and "directed" otherwise, mixed networks included: the
//     libraries then keep each edge's source and target in order, and the
//     undirected links are arcs marked by their "kind" and "direction" data
//     and by a boolean "directed" data (false), which users of those
//     libraries can filter on (our reader goes by kind and direction);
//   - writes each link's ends again as the edge data "from" and "to" (actor
//     IDs). A library that keeps the graph undirected may swap an edge's
//     ends, and igraph renames every node (n0, n1...); the reader takes the
//     ends from "from" and "to" whenever they name the same two actors as
//     the edge, so no link is ever reversed. When they name other actors
//     (an edge reconnected in an editor), the edge's own ends are kept, the
//     data kept as link attributes and the mismatch reported in a note.
//
// Both are needed: the directed graph makes the file right for tools, the
// "from"/"to" data makes it right for us whatever a tool does with it.
//
// # Values a library fills in
//
// A key without a <default> leaves an element without that data unknown,
// and libraries differ in how they hold unknown: NetworkX leaves it out,
// igraph reads NaN (and leaves NaN out on write), graph-tool reads 0, false
// or "" and writes that back. So
//
//   - "weight" is declared with <default>1</default> and written for every
//     link (its effective weight, 1 when the link gives none), so that no
//     library reads NaN or 0 weights; on read a weight of 1 is no weight
//     (Weight 0, which counts as 1): the two mean the same and cannot be
//     told apart once a tool has filled in the default;
//   - money is written only where known, with no default, so igraph sees
//     NaN (unknown) rather than a made-up 0; on read an amount of 0 or NaN
//     with no currency and no ceiling is no money (valid money always has a
//     currency);
//   - on read, empty text, NaN, false and a count of 0 are absent values,
//     as they are in the labournet/1 format, and a whole number written as
//     a double ("8.0", igraph's form of an int) is a count.
//
// # Reading other tools' GraphML
//
// Booleans read as true/True/TRUE/1/yes and false/False/0/no. A node's
// "id" data (igraph keeps the original node id there and writes its own
// n0, n1...) is its actor ID, else its node id (as NetworkX writes them);
// edges name their ends by node id and are mapped to those actor IDs. A
// node's "label" data is its name when it has no "name". A node without
// "kind" is an organisation, an edge without "kind" a cooperation link
// (directed when its "directed" data, the edge or the graph says so). Every
// attribute the labournet schema has no field for (karate's "club",
// igraph's "label" next to a name, a "since" or "size") is kept in the
// Attrs of its actor, link or network under its GraphML attribute name and
// listed in a note that ReadWithNotes returns; none is dropped silently.
// Markup inside <data> (yEd's graphics) is skipped.
//
// The reader treats its input as untrusted: it refuses DTDs and entity
// declarations, bounds the nesting depth and the number of elements, and
// reports every problem found, each an *encoding.ParseError with the file,
// the line and the element and field (`node "tul": kind`, "edge tul ->
// pzlk: weight"); errors.Is matches it against encoding.ErrFormat or the
// sentinels of packages actor and network, as for the other formats.
package graphml

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/labournet/labournet/internal/fileerr"
	"github.com/labournet/labournet/internal/schema"
	"github.com/labournet/labournet/internal/xmltext"
	"github.com/labournet/labournet/network"
)

// MaxDepth is the deepest nesting of elements the reader accepts; the
// other bounds are Limits.
const MaxDepth = fileerr.MaxDepth

// dataKey is a <key> the writer declares for a field of T.
type dataKey[T any] struct {
	id    string // "a_kind", "l_amount"
	field schema.Field[T]
}

// dataKeys returns the keys of the fields of table that GraphML carries as
// data, with ids made of prefix and the last part of the field's name.
func dataKeys[T any](prefix string, table []schema.Field[T]) []dataKey[T] {
	var keys []dataKey[T]
	for _, f := range table {
		if f.GraphML != "" {
			keys = append(keys, dataKey[T]{prefix + f.Name[strings.LastIndexByte(f.Name, '.')+1:], f})
		}
	}
	return keys
}

var (
	actorKeys = dataKeys("a_", schema.Actor)
	linkKeys  = dataKeys("l_", schema.Link)
)

// Write writes n as GraphML. A list value containing ";" is an error, as it
// could not be read back.
func Write(w io.Writer, n *network.Network) error {
	b := bufio.NewWriter(w)
	aAttrs := n.ActorAttrKeys()
	lAttrs := n.LinkAttrKeys()
	gAttrs := slices.Sorted(maps.Keys(n.Attrs))
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, k := range actorKeys {
		fmt.Fprintf(b, `  <key id="%s" for="node" attr.name="%s" attr.type="%s"/>`+"\n", k.id, k.field.Name, k.field.GraphML)
	}
	for i, a := range aAttrs {
		fmt.Fprintf(b, `  <key id="a_attr%d" for="node" attr.name="attr.%s" attr.type="string"/>`+"\n", i, esc(a))
	}
	b.WriteString(`  <key id="l_from" for="edge" attr.name="from" attr.type="string"/>` + "\n")
	b.WriteString(`  <key id="l_to" for="edge" attr.name="to" attr.type="string"/>` + "\n")
	b.WriteString(`  <key id="l_directed" for="edge" attr.name="directed" attr.type="boolean"/>` + "\n")
	for _, k := range linkKeys {
		if k.field.Name == "weight" {
			fmt.Fprintf(b, `  <key id="%s" for="edge" attr.name="%s" attr.type="%s"><default>1</default></key>`+"\n", k.id, k.field.Name, k.field.GraphML)
			continue
		}
		fmt.Fprintf(b, `  <key id="%s" for="edge" attr.name="%s" attr.type="%s"/>`+"\n", k.id, k.field.Name, k.field.GraphML)
	}
	for i, a := range lAttrs {
		fmt.Fprintf(b, `  <key id="l_attr%d" for="edge" attr.name="attr.%s" attr.type="string"/>`+"\n", i, esc(a))
	}
	b.WriteString(`  <key id="g_name" for="graph" attr.name="name" attr.type="string"/>` + "\n")
	if n.Description != "" {
		b.WriteString(`  <key id="g_description" for="graph" attr.name="description" attr.type="string"/>` + "\n")
	}
	if !n.AsOf.IsZero() {
		b.WriteString(`  <key id="g_asOf" for="graph" attr.name="asOf" attr.type="string"/>` + "\n")
	}
	for i, a := range gAttrs {
		fmt.Fprintf(b, `  <key id="g_attr%d" for="graph" attr.name="attr.%s" attr.type="string"/>`+"\n", i, esc(a))
	}
	edgeDefault := "directed"
	if !anyLink(n, network.Link.IsDirected) {
		edgeDefault = "undirected"
	}
	fmt.Fprintf(b, `  <graph id="G" edgedefault="%s">`+"\n", edgeDefault)
	if n.Name != "" {
		fmt.Fprintf(b, `    <data key="g_name">%s</data>`+"\n", esc(n.Name))
	}
	if n.Description != "" {
		fmt.Fprintf(b, `    <data key="g_description">%s</data>`+"\n", esc(n.Description))
	}
	if !n.AsOf.IsZero() {
		fmt.Fprintf(b, `    <data key="g_asOf">%s</data>`+"\n", n.AsOf)
	}
	for i, a := range gAttrs {
		if v := n.Attrs[a]; v != "" {
			fmt.Fprintf(b, `    <data key="g_attr%d">%s</data>`+"\n", i, esc(v))
		}
	}
	for _, a := range n.AllActors() {
		a := &a
		fmt.Fprintf(b, `    <node id="%s">`+"\n", esc(a.ID))
		if err := writeData(b, actorKeys, a, "a_attr", aAttrs, a.Attrs); err != nil {
			return fmt.Errorf("graphml: actor %q: %w", a.ID, err)
		}
		b.WriteString("    </node>\n")
	}
	for i, l := range n.AllLinks() {
		l := &l
		// The edge's id, which NetworkX reads as the link's ID, is the
		// link's; an edge without one has none.
		id := ""
		if l.ID != "" {
			id = ` id="` + esc(l.ID) + `"`
		}
		fmt.Fprintf(b, `    <edge%s source="%s" target="%s">`+"\n", id, esc(l.From), esc(l.To))
		fmt.Fprintf(b, `      <data key="l_from">%s</data>`+"\n", esc(l.From))
		fmt.Fprintf(b, `      <data key="l_to">%s</data>`+"\n", esc(l.To))
		fmt.Fprintf(b, `      <data key="l_directed">%t</data>`+"\n", l.IsDirected())
		if err := writeData(b, linkKeys, l, "l_attr", lAttrs, l.Attrs); err != nil {
			return fmt.Errorf("graphml: link #%d (%s -> %s): %w", i+1, l.From, l.To, err)
		}
		b.WriteString("    </edge>\n")
	}
	b.WriteString("  </graph>\n</graphml>\n")
	return b.Flush()
}

// writeData writes the <data> elements of one node or edge: its non-empty
// fields, then its non-empty attributes, whose keys are attrPrefix and the
// attribute's index in attrKeys.
func writeData[T any](b *bufio.Writer, keys []dataKey[T], el *T, attrPrefix string, attrKeys []string, attrs map[string]string) error {
	data := func(key, val string) {
		if val != "" {
			fmt.Fprintf(b, `      <data key="%s">%s</data>`+"\n", key, esc(val))
		}
	}
	for _, k := range keys {
		if err := k.field.Check(el); err != nil {
			return fmt.Errorf("%s: %w", k.field.Name, err)
		}
		v := k.field.XML(el)
		if k.field.Name == "weight" && v == "" {
			v = "1" // every link's effective weight, so that no tool reads NaN or 0
		}
		data(k.id, v)
	}
	for i, k := range attrKeys {
		data(fmt.Sprintf("%s%d", attrPrefix, i), attrs[k])
	}
	return nil
}

// esc escapes a value, keeping line breaks so that it reads back the same.
func esc(s string) string { return xmltext.Escape(s, true) }

// anyLink reports whether f holds for a link of n.
func anyLink(n *network.Network, f func(network.Link) bool) bool {
	for _, l := range n.AllLinks() {
		if f(l) {
			return true
		}
	}
	return false
}
