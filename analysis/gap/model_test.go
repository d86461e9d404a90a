package gap

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
)

func TestDefaultModel(t *testing.T) {
	m := DefaultModel()
	require.NoError(t, m.Validate())
	require.NotEmpty(t, m.Kinds)
	require.NotEmpty(t, m.Relations)
	require.NotEmpty(t, m.TargetGroups)
	require.NotEmpty(t, m.Themes)
	for _, r := range m.Kinds {
		require.NotEmpty(t, r.Reason, "kind rule %s has no reason", r.Name)
	}
	for _, r := range m.Relations {
		require.NotEmpty(t, r.Reason, "relation rule %s has no reason", r.Name)
	}
	for _, r := range m.TargetGroups {
		require.NotEmpty(t, r.Reason, "group rule %s has no reason", r.Name)
		for _, g := range r.AnyOf {
			require.Contains(t, actor.WellKnownTargetGroups(), g, "group rule %s uses an undocumented group", r.Name)
		}
	}
	for _, r := range m.Themes {
		require.NotEmpty(t, r.Reason, "theme rule %s has no reason", r.Theme)
	}
	// Each call is a fresh copy.
	m.Kinds[0].Name = "changed"
	require.NotEqual(t, "changed", DefaultModel().Kinds[0].Name)
}

func TestModelRoundTrip(t *testing.T) {
	m := DefaultModel()
	var buf bytes.Buffer
	require.NoError(t, WriteModel(&buf, m))
	got, err := ReadModel(&buf)
	require.NoError(t, err)
	if diff := cmp.Diff(m, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

func TestReadModelErrors(t *testing.T) {
	tests := []struct {
		reason, in, want string
	}{
		{"wrong format", `{"format": "labournet/1"}`, `format "labournet/1"`},
		{"unknown field", `{"format": "labournet-model/1", "kinds": [], "extra": 1}`, `unknown field "extra"`},
		{"unknown kind", `{"format": "labournet-model/1", "kinds": [{"name": "x", "anyOf": ["bakery"], "severity": "high"}]}`, `unknown kind "bakery"`},
		{"unknown severity", `{"format": "labournet-model/1", "kinds": [{"name": "x", "anyOf": ["school"], "severity": "urgent"}]}`, `unknown severity "urgent"`},
		{"rule without a name", `{"format": "labournet-model/1", "relations": [{"from": ["school"], "to": ["employer"], "severity": "low"}]}`, `relations[0]`},
		{"theme with an empty alternative", `{"format": "labournet-model/1", "themes": [{"theme": "t", "requires": [[]], "severity": "low"}]}`, `themes[0].requires[0]`},
	}
	for _, tt := range tests {
		_, err := ReadModel(strings.NewReader(tt.in))
		require.ErrorIs(t, err, ErrModel, tt.reason)
		require.ErrorContains(t, err, tt.want, tt.reason)
	}
}

func TestModelExtend(t *testing.T) {
	base := testModel()
	extra := &Model{Name: "coal regions",
		Kinds:        []KindRule{{Name: "labour-office", AnyOf: []actor.Kind{actor.LabourOffice, actor.EmploymentAgency}, Severity: Medium}},
		TargetGroups: []GroupRule{{Name: "coal workers", AnyOf: []string{actor.CoalAndEnergyWorkers}, Severity: High}},
	}
	got := base.Extend(extra)
	require.Len(t, got.Kinds, 1, "a rule with the same name replaces the base rule")
	require.Equal(t, Medium, got.Kinds[0].Severity)
	require.Equal(t, []string{"young people", "coal workers"}, []string{got.TargetGroups[0].Name, got.TargetGroups[1].Name})
	require.Len(t, base.TargetGroups, 1, "Extend does not change its receiver")
}
