package neo4j

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/atomicfile"
	"github.com/labournet/labournet/internal/schema"
	"github.com/labournet/labournet/network"
)

// The names of the files Write writes in its folder.
const (
	NodesFile         = "nodes.csv"         // the actors, one node each
	RelationshipsFile = "relationships.csv" // the links, one relationship each
)

// ActorLabel is the label every actor's node has, besides its kind's.
const ActorLabel = "Actor"

// ArrayDelimiter separates the values of an array cell: Neo4j's default
// --array-delimiter.
const ArrayDelimiter = ";"

// ErrHeader is an attribute key that cannot name a column of Neo4j's import
// header: one holding ':', which the importer reads as the start of a type.
var ErrHeader = errors.New("neo4j: attribute key cannot be a column of the import header")

// Write writes n as the node file NodesFile and the relationship file
// RelationshipsFile in the folder dir, created if needed. Both files are
// written through temporary files renamed into place only when both are
// complete; on error neither file is changed.
func Write(dir string, n *network.Network) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	paths := []string{filepath.Join(dir, NodesFile), filepath.Join(dir, RelationshipsFile)}
	return atomicfile.WriteAll(paths, func(w []io.Writer) error { return WriteTo(w[0], w[1], n) })
}

// WriteTo writes n's actors to nodes and its links to relationships, as
// Write does, streaming: each row is written as it is made. A list value
// holding ";" or an attribute key holding ':' is an error naming the actor
// or link, and nothing is written past it.
func WriteTo(nodes, relationships io.Writer, n *network.Network) error {
	if err := writeNodes(nodes, n); err != nil {
		return err
	}
	return writeRelationships(relationships, n)
}

func writeNodes(w io.Writer, n *network.Network) error {
	keys := n.ActorAttrKeys()
	header, err := nodeHeader(keys)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	row := make([]string, 0, len(header))
	for _, a := range n.AllActors() {
		row = row[:0]
		for _, f := range schema.Actor {
			cell, err := value(f, &a)
			if err != nil {
				return fmt.Errorf("neo4j: actor %q: %s: %w", a.ID, f.Name, err)
			}
			row = append(row, cell)
			if f.Name == "kind" {
				row = append(row, Labels(a.Kind))
			}
		}
		for _, k := range keys {
			row = append(row, a.Attrs[k])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func writeRelationships(w io.Writer, n *network.Network) error {
	keys := n.LinkAttrKeys()
	header, err := relationshipHeader(keys)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	row := make([]string, 0, len(header))
	for i, l := range n.AllLinks() {
		row = append(row[:0], l.From, l.To, Type(l.Kind))
		for _, f := range schema.Link {
			if f.Name == "from" || f.Name == "to" {
				continue
			}
			cell, err := value(f, &l)
			if err != nil {
				return fmt.Errorf("neo4j: link #%d (%s -> %s): %s: %w", i+1, l.From, l.To, f.Name, err)
			}
			row = append(row, cell)
		}
		for _, k := range keys {
			row = append(row, l.Attrs[k])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// nodeHeader returns the header of the node file.
func nodeHeader(keys []string) ([]string, error) {
	var h []string
	for _, f := range schema.Actor {
		if f.Name == "id" {
			h = append(h, "id:ID")
			continue
		}
		h = append(h, column(f))
		if f.Name == "kind" {
			h = append(h, ":LABEL")
		}
	}
	return appendAttrs(h, keys)
}

// relationshipHeader returns the header of the relationship file.
func relationshipHeader(keys []string) ([]string, error) {
	h := []string{":START_ID", ":END_ID", ":TYPE"}
	for _, f := range schema.Link {
		if f.Name == "from" || f.Name == "to" {
			continue
		}
		h = append(h, column(f))
	}
	return appendAttrs(h, keys)
}

func appendAttrs(h, keys []string) ([]string, error) {
	for _, k := range keys {
		if strings.Contains(k, ":") {
			return nil, fmt.Errorf("%w: %q holds ':'", ErrHeader, k)
		}
		h = append(h, schema.AttrPrefix+k)
	}
	return h, nil
}

// column returns a field's header entry: its name, "." replaced by "_",
// and its Neo4j type where the type is not string.
func column[T any](f schema.Field[T]) string {
	name := PropertyName(f.Name)
	switch f.Type {
	case schema.Bool:
		return name + ":boolean"
	case schema.Int:
		return name + ":long"
	case schema.Float:
		return name + ":double"
	case schema.List:
		return name + ":string[]"
	}
	return name
}

// PropertyName returns the name of the Neo4j property that holds the field
// of package encoding's tables called field: "money.amount" is
// "money_amount", "kind" is "kind".
func PropertyName(field string) string { return strings.ReplaceAll(field, ".", "_") }

// value returns a field's cell: its text form, lists joined with
// ArrayDelimiter.
func value[T any](f schema.Field[T], el *T) (string, error) {
	if err := f.Check(el); err != nil {
		return "", err
	}
	if f.Type == schema.List {
		if p, ok := f.Ptr(el).(*[]string); ok {
			return strings.Join(*p, ArrayDelimiter), nil
		}
	}
	return f.Get(el), nil
}

// Labels returns the labels of an actor of kind k, as the :LABEL cell
// holds them: ActorLabel and the kind's name in PascalCase
// ("Actor;RegionalAuthority").
func Labels(k actor.Kind) string {
	return ActorLabel + ArrayDelimiter + pascal(k.String())
}

// Type returns the relationship type of a link of kind k: its name in upper
// case ("PARTNERSHIP").
func Type(k network.LinkKind) string {
	return strings.ToUpper(strings.ReplaceAll(k.String(), "-", "_"))
}

// pascal turns a kebab-case name into PascalCase.
func pascal(s string) string {
	var b strings.Builder
	for _, part := range strings.Split(s, "-") {
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]))
		b.WriteString(part[1:])
	}
	return b.String()
}
