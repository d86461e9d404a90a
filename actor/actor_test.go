package actor

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestKindNamesRoundTrip(t *testing.T) {
	for _, k := range Kinds() {
		got, err := ParseKind(k.String())
		require.NoError(t, err)
		require.Equal(t, k, got)
		b, err := k.MarshalText()
		require.NoError(t, err)
		var back Kind
		require.NoError(t, back.UnmarshalText(b))
		require.Equal(t, k, back)
	}
	for _, l := range append(Levels(), LevelUnknown) {
		got, err := ParseLevel(l.String())
		require.NoError(t, err)
		require.Equal(t, l, got)
	}
}

func TestParseKind(t *testing.T) {
	tests := []struct {
		in     string
		want   Kind
		reason string
	}{
		{"labour-office", LabourOffice, "canonical name"},
		{"Labour_Office", LabourOffice, "case and underscores"},
		{" labour office ", LabourOffice, "spaces"},
		{"organization", Organisation, "US spelling"},
		{"target-group", TargetGroup, "population as a node"},
	}
	for _, tt := range tests {
		got, err := ParseKind(tt.in)
		require.NoError(t, err, tt.reason)
		require.Equal(t, tt.want, got, tt.reason)
	}
	_, err := ParseKind("bakery")
	require.ErrorIs(t, err, ErrUnknownKind)
	require.ErrorContains(t, err, `"bakery"`)
	require.ErrorContains(t, err, "labour-office", "the message lists the valid kinds")
	_, err = ParseLevel("galactic")
	require.ErrorIs(t, err, ErrUnknownLevel)
	require.ErrorContains(t, err, "local, regional, national, international")
	_, err = Kind(200).MarshalText()
	require.ErrorIs(t, err, ErrUnknownKind)
	require.Equal(t, "kind(200)", Kind(200).String())
}

func TestValidCountry(t *testing.T) {
	for _, c := range []string{"CZ", "BG", "PL", "GB", "DE", "EU", "XK"} {
		require.True(t, ValidCountry(c), c)
	}
	for _, c := range []string{"UK", "cz", "CZE", "", "ZZ", "C"} {
		require.False(t, ValidCountry(c), c)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		reason string
		a      Actor
		err    error
		field  string
	}{
		{"empty ID", Actor{Kind: School}, ErrEmptyID, "id"},
		{"blank ID", Actor{ID: "  ", Kind: School}, ErrEmptyID, "id"},
		{"control character in ID", Actor{ID: "a\nb", Kind: School}, ErrInvalidText, "id"},
		{"kind out of range", Actor{ID: "a", Kind: Kind(99)}, ErrUnknownKind, "kind"},
		{"level out of range", Actor{ID: "a", Level: Level(9)}, ErrUnknownLevel, "level"},
		{"bad country", Actor{ID: "a", Country: "UK"}, ErrCountry, "country"},
		{"negative count", Actor{ID: "a", Count: -2}, ErrCount, "count"},
		{"empty list value", Actor{ID: "a", TargetGroups: []string{"youth", ""}}, ErrInvalidText, "targetGroups"},
		{"empty attribute name", Actor{ID: "a", Attrs: map[string]string{"": "x"}}, ErrInvalidText, "attrs"},
	}
	for _, tt := range tests {
		err := tt.a.Validate()
		require.ErrorIs(t, err, tt.err, tt.reason)
		var fe *FieldError
		require.True(t, errors.As(err, &fe), tt.reason)
		require.Equal(t, tt.field, fe.Field, tt.reason)
		require.Contains(t, err.Error(), tt.field, tt.reason)
	}
	require.NoError(t, Actor{ID: "tul", Kind: University, Level: Regional, Country: "CZ"}.Validate())
	// Several problems at once.
	err := Actor{Country: "UK", Count: -1}.Validate()
	require.Len(t, err.(interface{ Unwrap() []error }).Unwrap(), 3)
}

func TestAttrCloneAggregate(t *testing.T) {
	a := Actor{ID: "lod", Name: "LOD", Kind: LabourOffice, Level: Local, Country: "BG", Region: "Vratsa",
		TargetGroups: []string{"youth"}, Attrs: map[string]string{"tier": "top", "kind": "hidden"}}
	for key, want := range map[string]string{"id": "lod", "name": "LOD", "kind": "labour-office", "level": "local", "country": "BG", "region": "Vratsa", "tier": "top"} {
		got, ok := a.Attr(key)
		require.True(t, ok, key)
		require.Equal(t, want, got, key)
	}
	_, ok := a.Attr("missing")
	require.False(t, ok)
	c := a.Clone()
	c.TargetGroups[0] = "changed"
	c.Attrs["tier"] = "changed"
	require.Equal(t, "youth", a.TargetGroups[0], "Clone copies slices")
	require.Equal(t, "top", a.Attrs["tier"], "Clone copies maps")
	require.False(t, a.IsAggregate())
	require.True(t, Actor{Aggregate: true}.IsAggregate())
	require.True(t, Actor{Count: 8}.IsAggregate())
	require.False(t, Actor{Count: 1}.IsAggregate())
	require.Equal(t, "x", Actor{ID: "x"}.Label())
}

func TestActorJSON(t *testing.T) {
	b, err := json.Marshal(Actor{ID: "a", Kind: LabourOffice, Level: Regional})
	require.NoError(t, err)
	require.JSONEq(t, `{"id":"a","kind":"labour-office","level":"regional"}`, string(b), "empties omitted, kinds as text")
	var a Actor
	require.NoError(t, json.Unmarshal([]byte(`{"id":"b","kind":"school"}`), &a))
	require.Equal(t, School, a.Kind)
	err = json.Unmarshal([]byte(`{"id":"b","kind":"bakery"}`), &a)
	require.ErrorIs(t, err, ErrUnknownKind)
}

func TestWellKnownTargetGroupsSorted(t *testing.T) {
	g := WellKnownTargetGroups()
	require.True(t, strings.Join(g, ",") != "")
	for i := 1; i < len(g); i++ {
		require.Less(t, g[i-1], g[i])
	}
}
