// Package graphml reads and writes labour-market networks as GraphML, the
// XML graph format that Gephi, yEd, Cytoscape and NetworkX read.
//
// Every actor and link field is carried as a GraphML attribute (a <data>
// element under a declared <key>), named as in the labournet/1 JSON format:
// "kind", "level", "country", "targetGroups"...; lists are joined with "; ";
// money is "money.amount", "money.currency" and "money.ceiling"; free
// attributes are "attr.KEY". An actor's ID is its node's id, and a link's
// ends are its edge's source and target. The graph is declared directed
// when every link is, undirected otherwise; the direction of each link stays
// in its "kind" and "direction" data (NetworkX refuses per-edge
// directed="true" in an undirected graph, so mixed networks do not use it).
//
// The reader treats its input as untrusted: it refuses DTDs and entity
// declarations, bounds the nesting depth and the number of elements, and
// reports every problem found, each an *encoding.ParseError with the file,
// the line and the element and field (`node "tul": kind`, "edge tul ->
// pzlk: weight"); errors.Is matches it against encoding.ErrFormat or the
// sentinels of packages actor and network, as for the other formats.
// GraphML written by other tools reads too: a node without "kind" is an
// organisation, an edge without "kind" a cooperation link (directed when
// the edge or the graph says so).
package graphml

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/labournet/labournet/internal/schema"
	"github.com/labournet/labournet/internal/xmltext"
	"github.com/labournet/labournet/network"
)

// Limits of the reader.
const (
	MaxDepth    = 64         // nesting depth of elements
	MaxElements = 50_000_000 // elements in one file
)

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
	as, ls := n.Actors(), n.Links()
	aAttrs := n.ActorAttrKeys()
	lAttrs := n.LinkAttrKeys()
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, k := range actorKeys {
		fmt.Fprintf(b, `  <key id="%s" for="node" attr.name="%s" attr.type="%s"/>`+"\n", k.id, k.field.Name, k.field.GraphML)
	}
	for i, a := range aAttrs {
		fmt.Fprintf(b, `  <key id="a_attr%d" for="node" attr.name="attr.%s" attr.type="string"/>`+"\n", i, esc(a))
	}
	for _, k := range linkKeys {
		fmt.Fprintf(b, `  <key id="%s" for="edge" attr.name="%s" attr.type="%s"/>`+"\n", k.id, k.field.Name, k.field.GraphML)
	}
	for i, a := range lAttrs {
		fmt.Fprintf(b, `  <key id="l_attr%d" for="edge" attr.name="attr.%s" attr.type="string"/>`+"\n", i, esc(a))
	}
	fmt.Fprintf(b, `  <key id="g_name" for="graph" attr.name="name" attr.type="string"/>`+"\n")
	if !n.AsOf.IsZero() {
		fmt.Fprintf(b, `  <key id="g_asOf" for="graph" attr.name="asOf" attr.type="string"/>`+"\n")
	}
	edgeDefault := "undirected"
	if len(ls) > 0 && !slices.ContainsFunc(ls, func(l network.Link) bool { return !l.IsDirected() }) {
		edgeDefault = "directed"
	}
	fmt.Fprintf(b, `  <graph id="G" edgedefault="%s">`+"\n", edgeDefault)
	if n.Name != "" {
		fmt.Fprintf(b, `    <data key="g_name">%s</data>`+"\n", esc(n.Name))
	}
	if !n.AsOf.IsZero() {
		fmt.Fprintf(b, `    <data key="g_asOf">%s</data>`+"\n", n.AsOf)
	}
	for i := range as {
		a := &as[i]
		fmt.Fprintf(b, `    <node id="%s">`+"\n", esc(a.ID))
		if err := writeData(b, actorKeys, a, "a_attr", aAttrs, a.Attrs); err != nil {
			return fmt.Errorf("graphml: actor %q: %w", a.ID, err)
		}
		b.WriteString("    </node>\n")
	}
	for i := range ls {
		l := &ls[i]
		fmt.Fprintf(b, `    <edge id="e%d" source="%s" target="%s">`+"\n", i, esc(l.From), esc(l.To))
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
		data(k.id, k.field.XML(el))
	}
	for i, k := range attrKeys {
		data(fmt.Sprintf("%s%d", attrPrefix, i), attrs[k])
	}
	return nil
}

// esc escapes a value, keeping line breaks so that it reads back the same.
func esc(s string) string { return xmltext.Escape(s, true) }
