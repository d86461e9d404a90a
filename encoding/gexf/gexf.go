// Package gexf writes labour-market networks as GEXF 1.3, the native format
// of Gephi: actors as nodes labelled with their names, links as edges with
// their weight, a per-edge type (directed or undirected) and kind, and every
// other actor and link field as a declared attribute, named as in the
// labournet/1 JSON format ("level", "money.amount", "targetGroups"; lists
// joined with "; "). Two attributes are there for Gephi's filters: an
// actor's "aggregate" is true whenever it stands for several organisations
// (a Count above 1 included), and a link's "meetingsPerYear" is its cadence
// as a number.
package gexf

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/schema"
	"github.com/labournet/labournet/internal/xmltext"
	"github.com/labournet/labournet/network"
)

// column is a declared attribute and how to read it from an element.
type column[T any] struct {
	title, typ string
	get        func(*T) string
}

// columns returns the columns of the fields of table that GEXF carries as
// attributes, with the values as the XML formats write them.
func columns[T any](table []schema.Field[T]) []column[T] {
	var cols []column[T]
	for _, f := range table {
		if f.GEXF != "" {
			cols = append(cols, column[T]{f.Name, f.GEXF, f.XML})
		}
	}
	return cols
}

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
	for _, c := range columns(schema.Link) {
		cols = append(cols, c)
		if c.title == "cadence" {
			// The cadence as a number, for sizing and filtering in Gephi.
			cols = append(cols, column[network.Link]{"meetingsPerYear", "double", func(l *network.Link) string {
				if l.Cadence.PerYear == 0 {
					return ""
				}
				return strconv.FormatFloat(l.Cadence.PerYear, 'g', -1, 64)
			}})
		}
	}
	return cols
}()

// Write writes n as a static GEXF 1.3 graph. The graph's default edge type
// is undirected; links of directed kinds carry type="directed".
func Write(w io.Writer, n *network.Network) error {
	b := bufio.NewWriter(w)
	as, ls := n.Actors(), n.Links()
	aKeys := n.ActorAttrKeys()
	lKeys := n.LinkAttrKeys()
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">` + "\n")
	fmt.Fprintf(b, "  <meta>\n    <creator>labournet</creator>\n    <description>%s</description>\n  </meta>\n", esc(n.Name))
	b.WriteString(`  <graph defaultedgetype="undirected" mode="static">` + "\n")
	b.WriteString(`    <attributes class="node">` + "\n")
	for i, c := range actorColumns {
		fmt.Fprintf(b, `      <attribute id="n%d" title="%s" type="%s"/>`+"\n", i, c.title, c.typ)
	}
	for i, k := range aKeys {
		fmt.Fprintf(b, `      <attribute id="na%d" title="attr.%s" type="string"/>`+"\n", i, esc(k))
	}
	b.WriteString("    </attributes>\n")
	b.WriteString(`    <attributes class="edge">` + "\n")
	for i, c := range linkColumns {
		fmt.Fprintf(b, `      <attribute id="e%d" title="%s" type="%s"/>`+"\n", i, c.title, c.typ)
	}
	for i, k := range lKeys {
		fmt.Fprintf(b, `      <attribute id="ea%d" title="attr.%s" type="string"/>`+"\n", i, esc(k))
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
	for i := range as {
		a := &as[i]
		fmt.Fprintf(b, `      <node id="%s" label="%s">`+"\n", esc(a.ID), esc(a.Label()))
		values(attValues("n", actorColumns, a, aKeys, a.Attrs))
		b.WriteString("      </node>\n")
	}
	b.WriteString("    </nodes>\n    <edges>\n")
	for i := range ls {
		l := &ls[i]
		typ := "undirected"
		if l.IsDirected() {
			typ = "directed"
		}
		fmt.Fprintf(b, `      <edge id="%d" source="%s" target="%s" type="%s" kind="%s" weight="%s">`+"\n",
			i, esc(l.From), esc(l.To), typ, l.Kind, strconv.FormatFloat(l.EffectiveWeight(), 'g', -1, 64))
		values(attValues("e", linkColumns, l, lKeys, l.Attrs))
		b.WriteString("      </edge>\n")
	}
	b.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return b.Flush()
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
