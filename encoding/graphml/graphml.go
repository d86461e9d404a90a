// Package graphml reads and writes labour-market networks as GraphML, the
// XML graph format that Gephi, yEd, Cytoscape and NetworkX read.
//
// Every actor and link field is carried as a GraphML attribute (a <data>
// element under a declared <key>), named as in the labournet/1 JSON format:
// "kind", "level", "country", "targetGroups"...; lists are joined with "; ";
// money is "money.amount", "money.currency" and "money.ceiling"; free
// attributes are "attr.KEY". The graph is declared directed when every link
// is, undirected otherwise; the direction of each link stays in its "kind"
// and "direction" data (NetworkX refuses per-edge directed="true" in an
// undirected graph, so mixed networks do not use it).
//
// The reader treats its input as untrusted: it refuses DTDs and entity
// declarations, bounds the nesting depth and the number of elements, and
// reports each problem with its line. GraphML written by other tools reads
// too: a node without "kind" is an organisation, an edge without "kind" a
// cooperation link (directed when the edge or the graph says so).
package graphml

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/labournet/labournet/internal/xmltext"
	"github.com/labournet/labournet/network"
)

// ErrFormat is GraphML that cannot be read: bad XML, a DTD, too deep or too
// large, or a value of the wrong form.
var ErrFormat = errors.New("graphml: malformed file")

// Limits of the reader.
const (
	MaxDepth    = 64         // nesting depth of elements
	MaxElements = 50_000_000 // elements in one file
)

// key is a declared GraphML attribute.
type key struct {
	id, domain, name, typ string
}

var actorKeys = []key{
	{"a_name", "node", "name", "string"}, {"a_kind", "node", "kind", "string"}, {"a_level", "node", "level", "string"},
	{"a_country", "node", "country", "string"}, {"a_region", "node", "region", "string"},
	{"a_aggregate", "node", "aggregate", "boolean"}, {"a_count", "node", "count", "int"},
	{"a_sectors", "node", "sectors", "string"}, {"a_targetGroups", "node", "targetGroups", "string"},
	{"a_skills", "node", "skills", "string"}, {"a_themes", "node", "themes", "string"},
}

var linkKeys = []key{
	{"l_id", "edge", "id", "string"}, {"l_kind", "edge", "kind", "string"}, {"l_direction", "edge", "direction", "string"},
	{"l_role", "edge", "role", "string"}, {"l_label", "edge", "label", "string"}, {"l_weight", "edge", "weight", "double"},
	{"l_amount", "edge", "money.amount", "double"}, {"l_currency", "edge", "money.currency", "string"},
	{"l_ceiling", "edge", "money.ceiling", "boolean"}, {"l_cadence", "edge", "cadence", "string"},
	{"l_start", "edge", "start", "string"}, {"l_end", "edge", "end", "string"}, {"l_status", "edge", "status", "string"},
	{"l_targetGroups", "edge", "targetGroups", "string"}, {"l_evidence", "edge", "evidence", "string"},
}

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
		fmt.Fprintf(b, `  <key id="%s" for="node" attr.name="%s" attr.type="%s"/>`+"\n", k.id, k.name, k.typ)
	}
	for i, a := range aAttrs {
		fmt.Fprintf(b, `  <key id="a_attr%d" for="node" attr.name="attr.%s" attr.type="string"/>`+"\n", i, esc(a))
	}
	for _, k := range linkKeys {
		fmt.Fprintf(b, `  <key id="%s" for="edge" attr.name="%s" attr.type="%s"/>`+"\n", k.id, k.name, k.typ)
	}
	for i, a := range lAttrs {
		fmt.Fprintf(b, `  <key id="l_attr%d" for="edge" attr.name="attr.%s" attr.type="string"/>`+"\n", i, esc(a))
	}
	fmt.Fprintf(b, `  <key id="g_name" for="graph" attr.name="name" attr.type="string"/>`+"\n")
	edgeDefault := "undirected"
	if len(ls) > 0 && !slices.ContainsFunc(ls, func(l network.Link) bool { return !l.IsDirected() }) {
		edgeDefault = "directed"
	}
	fmt.Fprintf(b, `  <graph id="G" edgedefault="%s">`+"\n", edgeDefault)
	if n.Name != "" {
		fmt.Fprintf(b, `    <data key="g_name">%s</data>`+"\n", esc(n.Name))
	}
	data := func(key, val string) {
		if val != "" {
			fmt.Fprintf(b, `      <data key="%s">%s</data>`+"\n", key, esc(val))
		}
	}
	list := func(key string, vals []string) error {
		for _, v := range vals {
			if strings.Contains(v, ";") {
				return fmt.Errorf("graphml: list value %q contains \";\"", v)
			}
		}
		data(key, strings.Join(vals, "; "))
		return nil
	}
	for _, a := range as {
		fmt.Fprintf(b, `    <node id="%s">`+"\n", esc(a.ID))
		data("a_name", a.Name)
		data("a_kind", a.Kind.String())
		data("a_level", a.Level.String())
		data("a_country", a.Country)
		data("a_region", a.Region)
		if a.Aggregate {
			data("a_aggregate", "true")
		}
		if a.Count != 0 {
			data("a_count", strconv.Itoa(a.Count))
		}
		for _, l := range []struct {
			key  string
			vals []string
		}{{"a_sectors", a.Sectors}, {"a_targetGroups", a.TargetGroups}, {"a_skills", a.Skills}, {"a_themes", a.Themes}} {
			if err := list(l.key, l.vals); err != nil {
				return fmt.Errorf("%w (actor %q)", err, a.ID)
			}
		}
		for i, k := range aAttrs {
			data(fmt.Sprintf("a_attr%d", i), a.Attrs[k])
		}
		b.WriteString("    </node>\n")
	}
	for i, l := range ls {
		fmt.Fprintf(b, `    <edge id="e%d" source="%s" target="%s">`+"\n", i, esc(l.From), esc(l.To))
		data("l_id", l.ID)
		data("l_kind", l.Kind.String())
		data("l_direction", l.Direction.String())
		data("l_role", l.Role)
		data("l_label", l.Label)
		if l.Weight != 0 {
			data("l_weight", strconv.FormatFloat(l.Weight, 'g', -1, 64))
		}
		if l.Money != nil {
			data("l_amount", strconv.FormatFloat(l.Money.Amount, 'g', -1, 64))
			data("l_currency", l.Money.Currency)
			if l.Money.Ceiling {
				data("l_ceiling", "true")
			}
		}
		data("l_cadence", l.Cadence.String())
		data("l_start", l.Start.String())
		data("l_end", l.End.String())
		data("l_status", l.Status.String())
		if err := list("l_targetGroups", l.TargetGroups); err != nil {
			return fmt.Errorf("%w (link #%d)", err, i+1)
		}
		data("l_evidence", l.Evidence)
		for j, k := range lAttrs {
			data(fmt.Sprintf("l_attr%d", j), l.Attrs[k])
		}
		b.WriteString("    </edge>\n")
	}
	b.WriteString("  </graph>\n</graphml>\n")
	return b.Flush()
}

// esc escapes a value, keeping line breaks so that it reads back the same.
func esc(s string) string { return xmltext.Escape(s, true) }
