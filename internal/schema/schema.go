// Package schema is the one table of the fields of an actor and of a link
// that the file formats of package encoding iterate: the CSV reader and
// writer, the GraphML reader and writer, the GEXF writer and the JSON
// reader. Adding a field to actor.Actor or network.Link means adding one
// entry to Actor or Link here; every format then carries it.
//
// The table lives in an internal package, not in packages actor and network,
// because what it holds is about files, not about the model: the text form
// of each value, the file-format error it gives (encoding.ErrFormat), the
// GraphML and GEXF attribute types. Users of the library see the fields
// through actor.Actor and network.Link and the formats through package
// encoding's documentation; none of them needs the table itself.
//
// Each field has a text form, the form CSV cells, GraphML data and GEXF
// attribute values hold: the empty string is an absent value, lists are
// joined with ListSeparator, booleans are "true" (false is absent), numbers
// are absent when zero (money.amount excepted: money is absent when the link
// has none). Set parses the text form back. The CSV and GraphML readers
// call it only for non-empty text; the JSON reader also passes on the empty
// strings a file holds, which the parsers of the Text fields judge (an empty
// kind is an error, an empty level the unknown level).
package schema

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/fileerr"
	"github.com/labournet/labournet/network"
)

// ListSeparator separates the values of a list in its text form on write;
// on read, values are split on ";" and trimmed.
const ListSeparator = "; "

// Type is the type of a field's value.
type Type uint8

// The value types.
const (
	String Type = iota // free text
	Bool               // "true" or absent; reads true/yes/1/t and false/no/0/f
	Int                // a whole number, absent when 0
	Float              // a finite number
	List               // a list of non-empty strings
	Text               // a value with a text form of its own: an enum, a date, a cadence
)

// Field is one field of an element type T (actor.Actor or network.Link).
type Field[T any] struct {
	// Name is the field's name as in the labournet/1 JSON format, with the
	// fields of a nested object joined by a dot ("money.amount"). It is the
	// CSV column and the GraphML and GEXF attribute name.
	Name string
	// Type is the type of the value.
	Type Type
	// Required marks a field every element must give: a JSON key, a CSV
	// column whose cells may not be empty.
	Required bool
	// Missing is the error an empty value of a required field wraps
	// (actor.ErrEmptyID, actor.ErrUnknownKind).
	Missing error
	// GraphML and GEXF are the attribute types ("string", "boolean", "int"
	// or "integer", "double") the field is declared with in those formats,
	// or "" when the format carries it in the element itself rather than as
	// an attribute (a node's id, an edge's ends, a GEXF node's label).
	GraphML, GEXF string
	// Get returns the value's text form, "" when absent.
	Get func(*T) string
	// Set parses a text form into the element. Its errors wrap
	// fileerr.ErrFormat or the sentinel of package actor or network that
	// the value's parser gives (actor.ErrUnknownKind, network.ErrNaN...).
	Set func(*T, string) error
	// Ptr returns a pointer to the field's Go value (*string, *bool, *int,
	// *float64, *[]string, *actor.Kind...), for decoders of typed formats
	// such as JSON, which read a Text field as a JSON string and give it to
	// Set. It is nil for the fields of a nested object (money.*), which
	// such formats decode as a whole.
	Ptr func(*T) any
	// Num returns a Float field's value and whether it is present; nil for
	// other types. The XML formats write it as an XML Schema double.
	Num func(*T) (float64, bool)

	list func(*T) []string // a List field's values
}

// Check reports a value whose text form would not read back: a list value
// holding the separator ";". The error wraps actor.ErrInvalidText.
func (f Field[T]) Check(el *T) error {
	if f.list == nil {
		return nil
	}
	for _, v := range f.list(el) {
		if strings.Contains(v, ";") {
			return fmt.Errorf("%w: list value %q contains the separator \";\"", actor.ErrInvalidText, v)
		}
	}
	return nil
}

// XML returns the value as the XML formats write it: as Get, except that
// numbers are in Go's shortest 'g' form (an XML Schema double: "1.5e+06").
func (f Field[T]) XML(el *T) string {
	if f.Num == nil {
		return f.Get(el)
	}
	v, ok := f.Num(el)
	if !ok {
		return ""
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// Names returns the fields' names, in order.
func Names[T any](fields []Field[T]) []string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.Name
	}
	return names
}

// Actor is the table of the fields of an actor, in the order of the CSV
// columns.
var Actor = []Field[actor.Actor]{
	str("id", func(a *actor.Actor) *string { return &a.ID }).required(actor.ErrEmptyID).notGraphML().notGEXF(),
	str("name", func(a *actor.Actor) *string { return &a.Name }).notGEXF(), // GEXF: the node's label
	text("kind", func(a *actor.Actor) *actor.Kind { return &a.Kind }, actor.ParseKind).required(actor.ErrUnknownKind),
	text("level", func(a *actor.Actor) *actor.Level { return &a.Level }, actor.ParseLevel),
	str("country", func(a *actor.Actor) *string { return &a.Country }),
	str("region", func(a *actor.Actor) *string { return &a.Region }),
	boolean("aggregate", func(a *actor.Actor) *bool { return &a.Aggregate }),
	integer("count", func(a *actor.Actor) *int { return &a.Count }),
	list("sectors", func(a *actor.Actor) *[]string { return &a.Sectors }),
	list("targetGroups", func(a *actor.Actor) *[]string { return &a.TargetGroups }),
	list("skills", func(a *actor.Actor) *[]string { return &a.Skills }),
	list("themes", func(a *actor.Actor) *[]string { return &a.Themes }),
}

// Link is the table of the fields of a link, in the order of the CSV
// columns.
var Link = []Field[network.Link]{
	str("id", func(l *network.Link) *string { return &l.ID }),
	str("from", func(l *network.Link) *string { return &l.From }).required(network.ErrEmptyID).notGraphML().notGEXF(),
	str("to", func(l *network.Link) *string { return &l.To }).required(network.ErrEmptyID).notGraphML().notGEXF(),
	text("kind", func(l *network.Link) *network.LinkKind { return &l.Kind }, network.ParseLinkKind).required(network.ErrUnknownKind),
	text("direction", func(l *network.Link) *network.Direction { return &l.Direction }, network.ParseDirection).notGEXF(), // GEXF: the edge's type
	str("role", func(l *network.Link) *string { return &l.Role }),
	str("label", func(l *network.Link) *string { return &l.Label }),
	float("weight", func(l *network.Link) *float64 { return &l.Weight }).notGEXF(), // GEXF: the edge's weight
	// The fields of the JSON money object. A link has money (non-nil)
	// exactly when the amount is given; its text form is plain digits,
	// which spreadsheets read as a number at any size.
	{
		Name: "money.amount", Type: Float, GraphML: "double", GEXF: "double",
		Get: func(l *network.Link) string {
			if l.Money == nil {
				return ""
			}
			return strconv.FormatFloat(l.Money.Amount, 'f', -1, 64)
		},
		Set: func(l *network.Link, s string) error {
			v, err := parseFloat(s)
			if l.Money == nil {
				l.Money = &network.Money{}
			}
			l.Money.Amount = v
			return err
		},
		Num: func(l *network.Link) (float64, bool) {
			if l.Money == nil {
				return 0, false
			}
			return l.Money.Amount, true
		},
	},
	{
		Name: "money.currency", Type: String, GraphML: "string", GEXF: "string",
		Get: func(l *network.Link) string {
			if l.Money == nil {
				return ""
			}
			return l.Money.Currency
		},
		Set: func(l *network.Link, s string) error { money(l).Currency = s; return nil },
	},
	{
		Name: "money.ceiling", Type: Bool, GraphML: "boolean", GEXF: "boolean",
		Get: func(l *network.Link) string { return boolText(l.Money != nil && l.Money.Ceiling) },
		Set: func(l *network.Link, s string) error {
			v, err := parseBool(s)
			money(l).Ceiling = v
			return err
		},
	},
	text("cadence", func(l *network.Link) *network.Cadence { return &l.Cadence }, network.ParseCadence),
	text("start", func(l *network.Link) *network.Date { return &l.Start }, network.ParseDate),
	text("end", func(l *network.Link) *network.Date { return &l.End }, network.ParseDate),
	text("status", func(l *network.Link) *network.Status { return &l.Status }, network.ParseStatus),
	list("targetGroups", func(l *network.Link) *[]string { return &l.TargetGroups }),
	str("evidence", func(l *network.Link) *string { return &l.Evidence }),
}

// money returns l's money, creating it with a NaN amount (which CheckLink
// reports) when the link has none yet: the currency or ceiling may come
// before the amount, or without it.
func money(l *network.Link) *network.Money {
	if l.Money == nil {
		l.Money = &network.Money{Amount: math.NaN()}
	}
	return l.Money
}

// CheckLink checks what no single field of a link can: money given by its
// currency or ceiling without an amount. Readers call it once they have set
// every field; the error wraps fileerr.ErrFormat and concerns field
// "money.amount".
func CheckLink(l *network.Link) error {
	if l.Money != nil && math.IsNaN(l.Money.Amount) {
		return fmt.Errorf("%w: money.currency or money.ceiling without money.amount", fileerr.ErrFormat)
	}
	return nil
}

func (f Field[T]) required(missing error) Field[T] {
	f.Required, f.Missing = true, missing
	return f
}

// notGraphML marks a field GraphML carries in the element itself.
func (f Field[T]) notGraphML() Field[T] {
	f.GraphML = ""
	return f
}

// notGEXF marks a field GEXF carries in the element itself.
func (f Field[T]) notGEXF() Field[T] {
	f.GEXF = ""
	return f
}

func str[T any](name string, p func(*T) *string) Field[T] {
	return Field[T]{
		Name: name, Type: String, GraphML: "string", GEXF: "string",
		Get: func(el *T) string { return *p(el) },
		Set: func(el *T, s string) error { *p(el) = s; return nil },
		Ptr: func(el *T) any { return p(el) },
	}
}

// text makes a field of a type that prints itself and parses with its
// package's Parse function, as its UnmarshalText method does.
func text[T any, V fmt.Stringer](name string, p func(*T) *V, parse func(string) (V, error)) Field[T] {
	return Field[T]{
		Name: name, Type: Text, GraphML: "string", GEXF: "string",
		Get: func(el *T) string { return (*p(el)).String() },
		Set: func(el *T, s string) error {
			v, err := parse(s)
			if err != nil {
				return err
			}
			*p(el) = v
			return nil
		},
		Ptr: func(el *T) any { return p(el) },
	}
}

func boolean[T any](name string, p func(*T) *bool) Field[T] {
	return Field[T]{
		Name: name, Type: Bool, GraphML: "boolean", GEXF: "boolean",
		Get: func(el *T) string { return boolText(*p(el)) },
		Set: func(el *T, s string) (err error) { *p(el), err = parseBool(s); return err },
		Ptr: func(el *T) any { return p(el) },
	}
}

func integer[T any](name string, p func(*T) *int) Field[T] {
	return Field[T]{
		Name: name, Type: Int, GraphML: "int", GEXF: "integer",
		Get: func(el *T) string {
			if *p(el) == 0 {
				return ""
			}
			return strconv.Itoa(*p(el))
		},
		Set: func(el *T, s string) error {
			v, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil {
				return fmt.Errorf("%w: %q is not a whole number", fileerr.ErrFormat, s)
			}
			*p(el) = v
			return nil
		},
		Ptr: func(el *T) any { return p(el) },
	}
}

func float[T any](name string, p func(*T) *float64) Field[T] {
	return Field[T]{
		Name: name, Type: Float, GraphML: "double", GEXF: "double",
		Get: func(el *T) string {
			if *p(el) == 0 {
				return ""
			}
			return strconv.FormatFloat(*p(el), 'g', -1, 64)
		},
		Set: func(el *T, s string) (err error) { *p(el), err = parseFloat(s); return err },
		Ptr: func(el *T) any { return p(el) },
		Num: func(el *T) (float64, bool) { return *p(el), *p(el) != 0 },
	}
}

func list[T any](name string, p func(*T) *[]string) Field[T] {
	return Field[T]{
		Name: name, Type: List, GraphML: "string", GEXF: "string",
		Get:  func(el *T) string { return strings.Join(*p(el), ListSeparator) },
		Set:  func(el *T, s string) (err error) { *p(el), err = splitList(s); return err },
		Ptr:  func(el *T) any { return p(el) },
		list: func(el *T) []string { return *p(el) },
	}
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return ""
}

// parseBool reads a boolean as spreadsheets and XML Schema write it.
func parseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "yes", "1", "t":
		return true, nil
	case "false", "no", "0", "f":
		return false, nil
	}
	return false, fmt.Errorf("%w: %q is not true or false", fileerr.ErrFormat, s)
}

func parseFloat(s string) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return 0, fmt.Errorf("%w: %q is not a number", fileerr.ErrFormat, s)
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%w: %q", network.ErrNaN, s)
	}
	return v, nil
}

// splitList splits a list on ";", trimming each value; an empty value is an
// error, but blank text is no list (as pretty-printed XML may hold).
func splitList(s string) ([]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var out []string
	for _, v := range strings.Split(s, ";") {
		v = strings.TrimSpace(v)
		if v == "" {
			return nil, fmt.Errorf("%w: empty value in list %q", actor.ErrInvalidText, s)
		}
		out = append(out, v)
	}
	return out, nil
}

// AttrPrefix heads a table column that holds a free attribute: the column
// "attrs.region" holds each element's attribute "region".
const AttrPrefix = "attrs."

// AttrName returns the attribute named by a column heading that starts with
// AttrPrefix (in any case), and whether it does.
func AttrName(heading string) (string, bool) {
	if len(heading) > len(AttrPrefix) && strings.EqualFold(heading[:len(AttrPrefix)], AttrPrefix) {
		return heading[len(AttrPrefix):], true
	}
	return "", false
}

// Header returns a table's column headings: the fields' names, then one
// AttrPrefix column for each attribute key.
func Header[T any](fields []Field[T], keys []string) []string {
	out := Names(fields)
	for _, k := range keys {
		out = append(out, AttrPrefix+k)
	}
	return out
}

// Row returns the cells of one element: its fields in the table's order,
// then its attributes in the order of keys. It fails when a field's value
// cannot be written (see Field.Check).
func Row[T any](fields []Field[T], el *T, keys []string, attrs map[string]string) ([]string, error) {
	row := make([]string, 0, len(fields)+len(keys))
	for _, f := range fields {
		if err := f.Check(el); err != nil {
			return nil, err
		}
		row = append(row, f.Get(el))
	}
	for _, k := range keys {
		row = append(row, attrs[k])
	}
	return row, nil
}
