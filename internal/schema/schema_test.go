package schema

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/fileerr"
	"github.com/labournet/labournet/network"
)

// jsonNames returns the JSON names of the fields of a struct type, those of
// nested struct pointers joined with a dot, leaving out attrs.
func jsonNames(t reflect.Type, prefix string) []string {
	var names []string
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" || name == "attrs" {
			continue
		}
		if f.Type.Kind() == reflect.Pointer && f.Type.Elem().Kind() == reflect.Struct {
			names = append(names, jsonNames(f.Type.Elem(), prefix+name+".")...)
			continue
		}
		names = append(names, prefix+name)
	}
	return names
}

// TestTableCoversEveryField fails when a field is added to actor.Actor or
// network.Link without its entry in the table, or the orders differ.
func TestTableCoversEveryField(t *testing.T) {
	require.Equal(t, jsonNames(reflect.TypeFor[actor.Actor](), ""), Names(Actor))
	require.Equal(t, jsonNames(reflect.TypeFor[network.Link](), ""), Names(Link))
}

func TestFieldsAreComplete(t *testing.T) {
	check := func(name string, typ Type, graphml, gexf string, get, set, ptr, num, list bool) {
		t.Helper()
		require.True(t, get && set, "%s: Get and Set", name)
		require.Equal(t, typ == Float, num, "%s: Num exactly for Float fields", name)
		require.Equal(t, typ == List, list, "%s: list exactly for List fields", name)
		require.Equal(t, !strings.Contains(name, "."), ptr, "%s: Ptr exactly for top-level fields", name)
		want := map[Type][2]string{String: {"string", "string"}, Text: {"string", "string"}, List: {"string", "string"},
			Bool: {"boolean", "boolean"}, Int: {"int", "integer"}, Float: {"double", "double"}}[typ]
		for i, got := range []string{graphml, gexf} {
			if got != "" {
				require.Equal(t, want[i], got, "%s: attribute type", name)
			}
		}
	}
	for _, f := range Actor {
		check(f.Name, f.Type, f.GraphML, f.GEXF, f.Get != nil, f.Set != nil, f.Ptr != nil, f.Num != nil, f.list != nil)
		require.Equal(t, f.Required, f.Missing != nil, f.Name)
	}
	for _, f := range Link {
		check(f.Name, f.Type, f.GraphML, f.GEXF, f.Get != nil, f.Set != nil, f.Ptr != nil, f.Num != nil, f.list != nil)
		require.Equal(t, f.Required, f.Missing != nil, f.Name)
	}
}

// roundTrip sets every field of a fresh element from the text form of el
// and returns it.
func roundTrip[T any](t *testing.T, table []Field[T], el *T) T {
	t.Helper()
	var back T
	for _, f := range table {
		require.NoError(t, f.Check(el), f.Name)
		if s := f.Get(el); s != "" {
			require.NoError(t, f.Set(&back, s), f.Name)
		}
	}
	return back
}

func TestTextFormRoundTrips(t *testing.T) {
	a := actor.Actor{ID: "tul", Name: "Technical University", Kind: actor.University, Level: actor.Regional,
		Country: "CZ", Region: "CZ051", Aggregate: true, Count: 8, Sectors: []string{"education"},
		TargetGroups: []string{"youth", "over-55"}, Skills: []string{"digital"}, Themes: []string{"education", "research"}}
	require.Equal(t, a, roundTrip(t, Actor, &a))
	l := network.Link{ID: "l1", From: "a", To: "b", Kind: network.Funding, Direction: network.Undirected,
		Role: "lead", Label: "grant", Weight: 2.5, Money: &network.Money{Amount: 1.5e6, Currency: "PLN", Ceiling: true},
		Cadence: network.MustParseCadence("every 2 months"), Start: network.MustParseDate("2012-09"),
		End: network.MustParseDate("2014"), Status: network.Ended, TargetGroups: []string{"over-50"}, Evidence: "minutes"}
	require.Equal(t, l, roundTrip(t, Link, &l))
	var zero network.Link
	require.Equal(t, zero, roundTrip(t, Link, &zero), "absent values stay absent")
}

func field[T any](table []Field[T], name string) Field[T] {
	i := slices.IndexFunc(table, func(f Field[T]) bool { return f.Name == name })
	return table[i]
}

func TestSetErrors(t *testing.T) {
	var a actor.Actor
	var l network.Link
	for _, tt := range []struct {
		err  error
		want error
	}{
		{field(Actor, "kind").Set(&a, "bakery"), actor.ErrUnknownKind},
		{field(Actor, "level").Set(&a, "galactic"), actor.ErrUnknownLevel},
		{field(Actor, "aggregate").Set(&a, "maybe"), fileerr.ErrFormat},
		{field(Actor, "count").Set(&a, "many"), fileerr.ErrFormat},
		{field(Actor, "sectors").Set(&a, "a;;b"), actor.ErrInvalidText},
		{field(Link, "weight").Set(&l, "NaN"), network.ErrNaN},
		{field(Link, "weight").Set(&l, "heavy"), fileerr.ErrFormat},
		{field(Link, "money.amount").Set(&l, "Inf"), network.ErrNaN},
		{field(Link, "direction").Set(&l, "up"), network.ErrDirection},
		{field(Link, "cadence").Set(&l, "now and then"), network.ErrCadence},
		{field(Link, "start").Set(&l, "12/2012"), network.ErrDate},
		{field(Link, "status").Set(&l, "gone"), network.ErrUnknownStatus},
	} {
		require.ErrorIs(t, tt.err, tt.want)
	}
}

func TestBoolsAndLists(t *testing.T) {
	agg := field(Actor, "aggregate")
	for s, want := range map[string]bool{"true": true, "TRUE": true, " yes ": true, "1": true, "t": true, "false": false, "No": false, "0": false, "f": false} {
		var a actor.Actor
		require.NoError(t, agg.Set(&a, s), s)
		require.Equal(t, want, a.Aggregate, s)
	}
	sectors := field(Actor, "sectors")
	var a actor.Actor
	require.NoError(t, sectors.Set(&a, " tourism ;automotive"))
	require.Equal(t, []string{"tourism", "automotive"}, a.Sectors)
	require.NoError(t, sectors.Set(&a, "  "))
	require.Nil(t, a.Sectors, "blank text is no list")
	a.Sectors = []string{"a;b"}
	require.ErrorIs(t, sectors.Check(&a), actor.ErrInvalidText)
	require.NoError(t, field(Actor, "name").Check(&a), "only lists are checked")
}

func TestMoney(t *testing.T) {
	amount, currency, ceiling := field(Link, "money.amount"), field(Link, "money.currency"), field(Link, "money.ceiling")
	var l network.Link
	require.Equal(t, "", amount.Get(&l))
	require.Equal(t, "", amount.XML(&l))
	require.NoError(t, currency.Set(&l, "EUR"))
	require.NoError(t, ceiling.Set(&l, "true"))
	require.ErrorIs(t, CheckLink(&l), fileerr.ErrFormat, "currency and ceiling without an amount")
	require.NoError(t, amount.Set(&l, "2500000"))
	require.NoError(t, CheckLink(&l))
	require.Equal(t, network.Money{Amount: 2.5e6, Currency: "EUR", Ceiling: true}, *l.Money)
	require.Equal(t, "2500000", amount.Get(&l), "CSV: plain digits")
	require.Equal(t, "2.5e+06", amount.XML(&l), "GraphML and GEXF: an XML Schema double")
	l.Money.Amount = 0
	require.Equal(t, "0", amount.Get(&l), "a zero amount is given, not absent")
	require.NoError(t, CheckLink(&network.Link{}))
}

func TestAttrColumns(t *testing.T) {
	for _, c := range []struct {
		heading, attr string
		ok            bool
	}{
		{"attrs.region", "region", true},
		{"ATTRS.Region", "Region", true},
		{"attrs.", "", false},
		{"attrs", "", false},
		{"region", "", false},
	} {
		attr, ok := AttrName(c.heading)
		if attr != c.attr || ok != c.ok {
			t.Errorf("AttrName(%q) = %q, %v; want %q, %v", c.heading, attr, ok, c.attr, c.ok)
		}
	}
	h := Header(Link, []string{"region", "note"})
	if got, want := h[len(h)-2:], []string{"attrs.region", "attrs.note"}; !slices.Equal(got, want) {
		t.Errorf("Header ends %q, want %q", got, want)
	}
	if got, want := h[:len(Link)], Names(Link); !slices.Equal(got, want) {
		t.Errorf("Header starts %q, want the field names %q", got, want)
	}
	l := network.Link{From: "a", To: "b", Kind: network.Partnership}
	row, err := Row(Link, &l, []string{"region", "absent"}, map[string]string{"region": "north"})
	if err != nil {
		t.Fatal(err)
	}
	if got := row[len(row)-2:]; !slices.Equal(got, []string{"north", ""}) {
		t.Errorf("Row ends %q, want the attributes [north \"\"]", got)
	}
	if got := row[slices.Index(Names(Link), "from")]; got != "a" {
		t.Errorf("Row's from cell = %q, want a", got)
	}
}
