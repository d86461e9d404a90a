package parquet

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	pq "github.com/parquet-go/parquet-go"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/fileerr"
	"github.com/labournet/labournet/internal/schema"
	"github.com/labournet/labournet/network"
)

// shape is how a column stores its value.
type shape uint8

const (
	reqString shape = iota // required UTF-8 string
	optString              // optional UTF-8 string, null when absent
	reqBool                // required boolean, false when absent
	optInt                 // optional int64, null when absent (0)
	optDouble              // optional double, null when absent
	optList                // optional list<string>, null when empty
	optMap                 // optional map<string,string>: the attributes
)

// column is one column of a file: a field of the table, or the attributes.
type column[T any] struct {
	name  string
	shape shape
	field *schema.Field[T] // nil for the attributes
	attrs func(*T) *map[string]string
}

// table is the columns of one file and its Parquet schema.
type table[T any] struct {
	columns []column[T] // in the order of their first leaf in schema
	schema  *pq.Schema
	leaf    []int // first leaf column of each column in schema
}

// actorColumns and linkColumns are the tables of the two files, made from
// the field table that every format iterates.
var (
	actorColumns = newTable("vertex", schema.Actor, map[string]string{"id": "id"},
		func(a *actor.Actor) *map[string]string { return &a.Attrs })
	linkColumns = newTable("edge", schema.Link, map[string]string{"from": "src", "to": "dst", "kind": "relationship"},
		func(l *network.Link) *map[string]string { return &l.Attrs })
)

// ColumnName returns the Parquet column of the field of package encoding's
// tables called field: "money.amount" is "money_amount".
func ColumnName(field string) string { return strings.ReplaceAll(field, ".", "_") }

func newTable[T any](name string, fields []schema.Field[T], rename map[string]string, attrs func(*T) *map[string]string) *table[T] {
	t := &table[T]{}
	group := pq.Group{}
	add := func(c column[T]) {
		if _, dup := group[c.name]; dup {
			panic("parquet: two columns named " + c.name)
		}
		t.columns = append(t.columns, c)
		group[c.name] = c.node()
	}
	for i := range fields {
		f := &fields[i]
		c := column[T]{name: ColumnName(f.Name), field: f}
		if r, ok := rename[f.Name]; ok {
			c.name = r
		}
		switch f.Type {
		case schema.Bool:
			c.shape = reqBool
		case schema.Int:
			c.shape = optInt
		case schema.Float:
			c.shape = optDouble
		case schema.List:
			c.shape = optList
		default:
			c.shape = optString
			if f.Required {
				c.shape = reqString
			}
		}
		add(c)
	}
	add(column[T]{name: "attrs", shape: optMap, attrs: attrs})
	t.schema = pq.NewSchema(name, group)
	leaves := map[string]int{}
	for i, p := range t.schema.Columns() {
		leaves[pathKey(p)] = i
	}
	t.leaf = make([]int, len(t.columns))
	for i, c := range t.columns {
		t.leaf[i] = leaves[c.paths()[0]]
	}
	// Order the columns as their leaves are, so that rows come out in
	// column order.
	order := make([]int, len(t.columns))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int { return t.leaf[i] - t.leaf[j] })
	cols, leaf := make([]column[T], len(order)), make([]int, len(order))
	for i, j := range order {
		cols[i], leaf[i] = t.columns[j], t.leaf[j]
	}
	t.columns, t.leaf = cols, leaf
	return t
}

// node returns the column's Parquet node.
func (c column[T]) node() pq.Node {
	switch c.shape {
	case reqString:
		return pq.String()
	case optString:
		return pq.Optional(pq.String())
	case reqBool:
		return pq.Leaf(pq.BooleanType)
	case optInt:
		return pq.Optional(pq.Int(64))
	case optDouble:
		return pq.Optional(pq.Leaf(pq.DoubleType))
	case optList:
		return pq.Optional(pq.List(pq.String()))
	default:
		return pq.Optional(pq.Map(pq.String(), pq.String()))
	}
}

// paths returns the paths of the column's leaves, as pathKey writes them.
func (c column[T]) paths() []string {
	switch c.shape {
	case optList:
		return []string{c.name + ".list.element"}
	case optMap:
		return []string{c.name + ".key_value.key", c.name + ".key_value.value"}
	}
	return []string{c.name}
}

func pathKey(p []string) string { return strings.Join(p, ".") }

// row appends the values of el to buf, in column order.
func (t *table[T]) row(el *T, attrs map[string]string, buf pq.Row) (pq.Row, error) {
	for i, c := range t.columns {
		leaf := t.leaf[i]
		switch c.shape {
		case reqString:
			buf = append(buf, pq.ValueOf(c.field.Get(el)).Level(0, 0, leaf))
		case optString:
			buf = appendOpt(buf, c.field.Get(el), leaf)
		case reqBool:
			buf = append(buf, pq.BooleanValue(c.field.Get(el) == "true").Level(0, 0, leaf))
		case optInt:
			s := c.field.Get(el)
			if s == "" {
				buf = append(buf, pq.NullValue().Level(0, 0, leaf))
				break
			}
			v, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", c.name, err)
			}
			buf = append(buf, pq.Int64Value(v).Level(0, 1, leaf))
		case optDouble:
			if v, ok := c.field.Num(el); ok {
				buf = append(buf, pq.DoubleValue(v).Level(0, 1, leaf))
			} else {
				buf = append(buf, pq.NullValue().Level(0, 0, leaf))
			}
		case optList:
			if err := c.field.Check(el); err != nil {
				return nil, fmt.Errorf("%s: %w", c.name, err)
			}
			vs := *c.field.Ptr(el).(*[]string)
			if len(vs) == 0 {
				buf = append(buf, pq.NullValue().Level(0, 0, leaf))
			}
			for j, v := range vs {
				buf = append(buf, pq.ValueOf(v).Level(min(j, 1), 2, leaf))
			}
		case optMap:
			if len(attrs) == 0 {
				buf = append(buf, pq.NullValue().Level(0, 0, leaf), pq.NullValue().Level(0, 0, leaf+1))
				break
			}
			keys := sortedKeys(attrs)
			for j, k := range keys {
				buf = append(buf, pq.ValueOf(k).Level(min(j, 1), 2, leaf))
			}
			for j, k := range keys {
				buf = append(buf, pq.ValueOf(attrs[k]).Level(min(j, 1), 2, leaf+1))
			}
		}
	}
	return buf, nil
}

func appendOpt(buf pq.Row, s string, leaf int) pq.Row {
	if s == "" {
		return append(buf, pq.NullValue().Level(0, 0, leaf))
	}
	return append(buf, pq.ValueOf(s).Level(0, 1, leaf))
}

// bind returns the leaf column of a file (whose leaves are indexed by
// path) where each of t's columns starts, or -1 where the file lacks it.
// A file without a required column is an error.
func (t *table[T]) bind(leaves map[string]int) ([]int, error) {
	cols := make([]int, len(t.columns))
	for i, c := range t.columns {
		cols[i] = -1
		ps := c.paths()
		first, ok := leaves[ps[0]]
		if !ok {
			if c.shape == reqString {
				return nil, fmt.Errorf("%w: no column %q", fileerr.ErrFormat, c.name)
			}
			continue
		}
		if len(ps) == 2 && leaves[ps[1]] != first+1 {
			return nil, fmt.Errorf("%w: column %q is not a map<string,string>", fileerr.ErrFormat, c.name)
		}
		cols[i] = first
	}
	return cols, nil
}

// decode sets el from the values of one row, byColumn[leaf] holding the
// values of each leaf column.
func (t *table[T]) decode(el *T, cols []int, byColumn [][]pq.Value) error {
	for i, c := range t.columns {
		leaf := cols[i]
		if leaf < 0 {
			continue
		}
		vs := byColumn[leaf]
		present := len(vs) > 0 && !vs[0].IsNull()
		var err error
		switch c.shape {
		case reqString, optString:
			if present {
				err = c.field.Set(el, string(vs[0].ByteArray()))
			}
		case reqBool:
			if present && vs[0].Boolean() {
				err = c.field.Set(el, "true")
			}
		case optInt:
			if present {
				err = c.field.Set(el, itoa(vs[0].Int64()))
			}
		case optDouble:
			if present {
				err = c.field.Set(el, strconv.FormatFloat(vs[0].Double(), 'g', -1, 64))
			}
		case optList:
			if present {
				list := make([]string, len(vs))
				for j, v := range vs {
					list[j] = string(v.ByteArray())
				}
				*c.field.Ptr(el).(*[]string) = list
			}
		case optMap:
			vals := byColumn[leaf+1]
			if present && len(vals) == len(vs) {
				m := make(map[string]string, len(vs))
				for j := range vs {
					m[string(vs[j].ByteArray())] = string(vals[j].ByteArray())
				}
				*c.attrs(el) = m
			}
		}
		if err != nil {
			return fmt.Errorf("%s: %w", c.name, err)
		}
	}
	if l, ok := any(el).(*network.Link); ok {
		return schema.CheckLink(l)
	}
	return nil
}
