package gap

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/testnet"
	"github.com/labournet/labournet/network"
)

// testModel is a small model exercising every kind of rule.
func testModel() *Model {
	return &Model{
		Kinds: []KindRule{{Name: "labour-office", AnyOf: []actor.Kind{actor.LabourOffice}, Severity: High}},
		Relations: []RelationRule{
			{Name: "lo–employer", From: []actor.Kind{actor.LabourOffice}, To: []actor.Kind{actor.Employer}, Severity: High},
			{Name: "fund–project", From: []actor.Kind{actor.Fund}, To: []actor.Kind{actor.Project}, Links: []network.LinkKind{network.Funding}, DirectOnly: true, Severity: Low},
		},
		TargetGroups: []GroupRule{{Name: "young people", AnyOf: []string{"youth"}, Severity: High}},
		Themes:       []ThemeRule{{Theme: "education", Requires: [][]actor.Kind{{actor.School}}, Severity: Medium}},
	}
}

// findings returns "rule name" strings of the findings of one rule.
func findings(fs []Finding, rule Rule) []string {
	var out []string
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f.Name+" "+strings.Join(f.Actors, ","))
		}
	}
	return out
}

func TestGapRules(t *testing.T) {
	tests := []struct {
		rule   Rule
		reason string
		actors []string
		links  []string
		want   []string
	}{
		{MissingKind, "no labour office at all", []string{"e:employer", "m:municipality"}, []string{"e>m:cooperation"}, []string{"labour-office "}},
		{MissingKind, "a labour office is present", []string{"lo:labour-office", "e:employer"}, []string{"lo>e:cooperation"}, nil},
		{MissingRelation, "both kinds present, no link", []string{"lo:labour-office", "e:employer", "m:municipality"}, []string{"lo>m:cooperation", "m>e:cooperation"}, []string{"lo–employer e,lo"}},
		{MissingRelation, "only a planned link does not count", []string{"lo:labour-office", "e:employer"}, []string{"lo>e:cooperation!"}, []string{"lo–employer e,lo"}},
		{MissingRelation, "a direct link meets the rule", []string{"lo:labour-office", "e:employer"}, []string{"e>lo:cooperation"}, nil},
		{MissingRelation, "common membership of a body meets the rule", []string{"lo:labour-office", "e:employer", "b:body"}, []string{"lo>b:membership", "e>b:membership"}, nil},
		{MissingRelation, "information to a common body is not taking part", []string{"lo:labour-office", "e:employer", "b:body"}, []string{"lo>b:membership", "e>b:information"}, []string{"lo–employer e,lo"}},
		{MissingRelation, "a direct-only rule ignores common projects", []string{"f:fund", "p:project", "q:project", "x:body"}, []string{"f>x:membership", "p>x:membership", "q>p:funding"}, []string{"fund–project f,p,q"}},
		{MissingRelation, "a rule restricted to funding ignores cooperation", []string{"f:fund", "p:project"}, []string{"f>p:cooperation"}, []string{"fund–project f,p"}},
		{MissingRelation, "absent side: the rule does not apply", []string{"lo:labour-office", "s:school"}, []string{"lo>s:cooperation"}, nil},
		{UnservedGroup, "nobody serves youth", []string{"lo:labour-office", "s:school"}, []string{"lo>s:cooperation"}, []string{"young people "}},
		{UnservedGroup, "an actor listing youth serves it", []string{"lo:labour-office::youth", "s:school"}, []string{"lo>s:cooperation"}, nil},
		{UnservedGroup, "a target-group actor alone does not serve itself", []string{"lo:labour-office", "y:target-group::youth"}, []string{"lo>y:cooperation"}, []string{"young people "}},
		{UnservedGroup, "a service link to a target-group actor serves it", []string{"lo:labour-office", "y:target-group::youth"}, []string{"lo>y:service"}, nil},
		{UnservedGroup, "a planned service does not serve", []string{"lo:labour-office", "y:target-group::youth"}, []string{"lo>y:service!"}, []string{"young people "}},
		{UnservedGroup, "a link listing the group serves it", []string{"lo:labour-office", "e:employer"}, []string{"lo>e:funding|youth"}, nil},
		{UnservedGroup, "served in one region only", []string{"l1:library:North:youth", "l2:library:South", "y:target-group:South::"}, []string{"l2>y:service|unemployed", "l1>l2:cooperation"}, []string{"young people in South "}},
		{Isolated, "an actor without links", []string{"lo:labour-office", "e:employer", "x:ngo"}, []string{"lo>e:cooperation"}, []string{"x x"}},
		{Isolated, "everyone linked", []string{"lo:labour-office", "e:employer"}, []string{"lo>e:cooperation"}, nil},
		{PlannedOnly, "only planned links", []string{"lo:labour-office", "e:employer", "s:school"}, []string{"lo>e:cooperation", "s>e:cooperation!"}, []string{"s s"}},
		{PlannedOnly, "one existing link is enough", []string{"lo:labour-office", "e:employer", "s:school"}, []string{"lo>e:cooperation", "s>e:cooperation!", "s>lo:service"}, nil},
		{BodyMissingKind, "an education group without a school", []string{"wg:body:::education", "lo:labour-office"}, []string{"lo>wg:membership"}, []string{"wg wg"}},
		{BodyMissingKind, "an education group with a school", []string{"wg:body:::education", "s:school"}, []string{"s>wg:membership"}, nil},
		{BodyMissingKind, "a body without the theme", []string{"wg:body:::tourism", "lo:labour-office"}, []string{"lo>wg:membership"}, nil},
		{SingleFunder, "one funder", []string{"f:fund", "p:project"}, []string{"f>p:funding"}, []string{"p f,p"}},
		{SingleFunder, "two funders", []string{"f:fund", "g:fund", "p:project"}, []string{"f>p:funding", "g>p:funding"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.rule.String()+"/"+tt.reason, func(t *testing.T) {
			n := testnet.Spec(t, tt.actors, tt.links)
			got := findings(Gaps(n, testModel(), GapOptions{}), tt.rule)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s: findings (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

func TestSingleBrokerRule(t *testing.T) {
	actors := []string{"a:ngo", "b:ngo", "c:ngo", "d:ngo", "e:ngo", "f:ngo"}
	tests := []struct {
		reason string
		links  []string
		want   []string
	}{
		{"every link between the triangles passes through c", []string{"a>b:cooperation", "b>c:cooperation", "a>c:cooperation", "d>e:cooperation", "e>f:cooperation", "d>f:cooperation", "c>d:cooperation", "c>e:cooperation"}, []string{"communities 1 and 2 c"}},
		{"two disjoint links between the triangles", []string{"a>b:cooperation", "b>c:cooperation", "a>c:cooperation", "d>e:cooperation", "e>f:cooperation", "d>f:cooperation", "c>d:cooperation", "a>e:cooperation"}, nil},
	}
	comm := map[string]int{"a": 0, "b": 0, "c": 0, "d": 1, "e": 1, "f": 1}
	for _, tt := range tests {
		n := testnet.Spec(t, actors, tt.links)
		got := findings(Gaps(n, testModel(), GapOptions{Communities: comm}), SingleBroker)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.reason, diff)
		}
		// Without communities the rule does not run.
		require.Empty(t, findings(Gaps(n, testModel(), GapOptions{}), SingleBroker))
	}
}

func TestGapsSortedBySeverity(t *testing.T) {
	n := testnet.Spec(t, []string{"e:employer", "x:ngo", "f:fund", "p:project"}, []string{"f>p:funding"})
	fs := Gaps(n, testModel(), GapOptions{})
	require.NotEmpty(t, fs)
	for i := 1; i < len(fs); i++ {
		require.GreaterOrEqual(t, fs[i-1].Severity, fs[i].Severity, "findings %d and %d out of order", i-1, i)
	}
	for _, f := range fs {
		require.NotEmpty(t, f.Explanation)
	}
}

func TestCoverageByRegion(t *testing.T) {
	n := testnet.Spec(t,
		[]string{"lib-a:library:A", "lib-b:library:B", "ya:target-group:A:youth", "oa:target-group:A:over-55", "yb:target-group:B:youth"},
		[]string{"lib-a>ya:service", "lib-a>oa:service", "lib-b>yb:service", "lib-a>lib-b:cooperation"})
	got := Coverage(n, network.Date{})
	want := GroupCoverage{
		Served: map[string][]string{"youth": {"lib-a", "lib-b"}, "over-55": {"lib-a"}},
		ByRegion: map[string]map[string][]string{
			"A": {"youth": {"lib-a"}, "over-55": {"lib-a"}},
			"B": {"youth": {"lib-b"}},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("coverage (-want +got):\n%s", diff)
	}
}

func TestPlannedAndEndedOnly(t *testing.T) {
	n := testnet.Spec(t, []string{"lo:labour-office", "e:employer", "s:school", "x:ngo"}, []string{"lo>e:cooperation"})
	n, err := n.Apply(network.Edit{AddLinks: []network.Link{
		{From: "s", To: "e", Kind: network.Cooperation, Start: network.MustParseDate("2031")}, // dated, later
		{From: "x", To: "e", Kind: network.Cooperation, Status: network.Ended},                // ended, undated
	}})
	require.NoError(t, err)
	day := network.MustParseDate("2025-01-01")
	fs := Gaps(n, nil, GapOptions{At: day})
	require.Equal(t, []string{"s s"}, findings(fs, PlannedOnly), "a link that starts later is not yet in force")
	require.Equal(t, []string{"x x"}, findings(fs, EndedOnly), "an ended link is not planned")
	// In 2031 the school's link is in force.
	require.Empty(t, findings(Gaps(n, nil, GapOptions{At: network.MustParseDate("2031-06-01")}), PlannedOnly))
}
