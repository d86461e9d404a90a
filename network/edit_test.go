package network

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
)

func editNet(t *testing.T) *Network {
	t.Helper()
	n, err := Build("edit", []actor.Actor{
		{ID: "a", Kind: actor.LabourOffice}, {ID: "b", Kind: actor.Employer}, {ID: "c", Kind: actor.School},
	}, []Link{
		{ID: "l1", From: "a", To: "b", Kind: Cooperation},
		{From: "b", To: "c", Kind: Cooperation},
		{From: "b", To: "c", Kind: Funding},
		{From: "c", To: "a", Kind: Service},
	})
	require.NoError(t, err)
	return n
}

func linkEnds(n *Network) []string {
	var s []string
	for _, l := range n.Links() {
		s = append(s, l.From+">"+l.To+":"+l.Kind.String())
	}
	return s
}

func TestApply(t *testing.T) {
	tests := []struct {
		reason string
		edit   Edit
		actors int
		links  []string
	}{
		{"removing an actor removes its links", Edit{RemoveActors: []string{"b"}}, 2, []string{"c>a:service"}},
		{"a link by ID", Edit{RemoveLinks: []LinkRef{{ID: "l1"}}}, 3, []string{"b>c:cooperation", "b>c:funding", "c>a:service"}},
		{"a link by ends and kind, either direction", Edit{RemoveLinks: []LinkRef{{From: "c", To: "b", Kind: Funding}}}, 3, []string{"a>b:cooperation", "b>c:cooperation", "c>a:service"}},
		{"all links between two actors", Edit{RemoveLinks: []LinkRef{{From: "b", To: "c", AnyKind: true}}}, 3, []string{"a>b:cooperation", "c>a:service"}},
		{"adding a proposed link", Edit{AddLinks: []Link{{From: "a", To: "c", Kind: Partnership, Status: Planned}}}, 3,
			[]string{"a>b:cooperation", "b>c:cooperation", "b>c:funding", "c>a:service", "a>c:partnership"}},
	}
	for _, tt := range tests {
		n := editNet(t)
		got, err := n.Apply(tt.edit)
		require.NoError(t, err, tt.reason)
		require.Equal(t, tt.actors, got.NumActors(), tt.reason)
		if diff := cmp.Diff(tt.links, linkEnds(got)); diff != "" {
			t.Errorf("%s: links (-want +got):\n%s", tt.reason, diff)
		}
		require.Equal(t, 4, n.NumLinks(), "%s: the original must not change", tt.reason)
	}
}

func TestApplyErrors(t *testing.T) {
	n := editNet(t)
	_, err := n.Apply(Edit{
		RemoveActors: []string{"zz"},
		RemoveLinks:  []LinkRef{{ID: "nope"}},
		AddLinks:     []Link{{From: "a", To: "a", Kind: Cooperation}},
	})
	require.ErrorIs(t, err, ErrUnknownActor)
	require.ErrorIs(t, err, ErrUnknownLink)
	require.ErrorIs(t, err, ErrSelfLink)
	require.Len(t, err.(interface{ Unwrap() []error }).Unwrap(), 3, "all three problems reported")

	_, err = n.Apply(Edit{RemoveActors: []string{"c"}, AddLinks: []Link{{From: "a", To: "c", Kind: Cooperation}}})
	require.ErrorIs(t, err, ErrUnknownActor, "a new link may not touch a removed actor")
}

func TestParseLinkRef(t *testing.T) {
	tests := []struct {
		in   string
		want LinkRef
		err  error
	}{
		{"l1", LinkRef{ID: "l1"}, nil},
		{"a:b", LinkRef{From: "a", To: "b", AnyKind: true}, nil},
		{"a:b:funding", LinkRef{From: "a", To: "b", Kind: Funding}, nil},
		{"a:b:fundng", LinkRef{}, ErrUnknownKind},
		{"", LinkRef{}, ErrEmptyID},
	}
	for _, tt := range tests {
		got, err := ParseLinkRef(tt.in)
		if tt.err != nil {
			require.ErrorIs(t, err, tt.err, tt.in)
			continue
		}
		require.NoError(t, err, tt.in)
		require.Equal(t, tt.want, got, tt.in)
		require.Equal(t, tt.in, got.String(), "String gives the reference back")
	}
	_, err := ParseLinkRef("a:b:c:d")
	require.Error(t, err)
}
