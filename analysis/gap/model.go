package gap

import (
	"bytes"
	"cmp"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/network"
)

// ModelFormat is the value of "format" in a reference-model file.
const ModelFormat = "labournet-model/1"

// ErrModel is a reference model that cannot be read or is inconsistent.
var ErrModel = errors.New("invalid reference model")

// Severity ranks how much a gap matters for a working labour market.
type Severity uint8

// The severities, from least to most serious.
const (
	Low Severity = iota + 1
	Medium
	High
)

var severityNames = []string{"", "low", "medium", "high"}

// String returns "low", "medium" or "high".
func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("severity(%d)", uint8(s))
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) {
	if s < Low || s > High {
		return nil, fmt.Errorf("%w: severity %d", ErrModel, uint8(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Severity) UnmarshalText(b []byte) error {
	for i, n := range severityNames {
		if n != "" && n == strings.ToLower(strings.TrimSpace(string(b))) {
			*s = Severity(i)
			return nil
		}
	}
	return fmt.Errorf("%w: unknown severity %q (valid: low, medium, high)", ErrModel, b)
}

// Model is a reference model of a regional labour market: the kinds of actor
// it is expected to involve, the relations expected between kinds, the
// target groups that must be served, and the kinds a body's theme requires.
// Gaps compares a network with it.
//
// A model is data: DefaultModel returns the embedded default, built from the
// four reference cases with the reason for each rule; ReadModel reads a
// user's own, which replaces the default or, merged with Extend, adds to it.
type Model struct {
	Name string `json:"name"`
	// Kinds are the kinds of actor expected; each rule is met when any
	// actor has one of its kinds.
	Kinds []KindRule `json:"kinds"`
	// Relations are the links expected between two kinds of actor.
	Relations []RelationRule `json:"relations"`
	// TargetGroups are the population groups someone must serve.
	TargetGroups []GroupRule `json:"targetGroups"`
	// Themes say which kinds of member a body working on a theme needs.
	Themes []ThemeRule `json:"themes"`
	// Roles are the roles some link must give its actor (a lead partner).
	Roles []RoleRule `json:"roles,omitempty"`
}

// RoleRule expects some link in force whose Role is Role, such as the lead
// partner of a project ("lead").
type RoleRule struct {
	Name     string   `json:"name"`
	Role     string   `json:"role"`
	Severity Severity `json:"severity"`
	Reason   string   `json:"reason"`
}

// KindRule expects at least one actor of any of its kinds.
type KindRule struct {
	Name     string       `json:"name"`
	AnyOf    []actor.Kind `json:"anyOf"`
	Severity Severity     `json:"severity"`
	Reason   string       `json:"reason"`
}

// RelationRule expects, when actors of both sides are present, that some
// actor of a From kind is related to some actor of a To kind: directly by a
// link (of one of Links, or of any kind when Links is empty) or, unless
// DirectOnly, through a body or project both are linked to. Planned links do
// not count. Only applies when both sides are present in the network.
type RelationRule struct {
	Name       string             `json:"name"`
	From       []actor.Kind       `json:"from"`
	To         []actor.Kind       `json:"to"`
	Links      []network.LinkKind `json:"links,omitempty"`
	DirectOnly bool               `json:"directOnly,omitempty"`
	Severity   Severity           `json:"severity"`
	Reason     string             `json:"reason"`
}

// GroupRule expects the target group (any of AnyOf's names) to be served.
type GroupRule struct {
	Name     string   `json:"name"`
	AnyOf    []string `json:"anyOf"`
	Severity Severity `json:"severity"`
	Reason   string   `json:"reason"`
}

// ThemeRule says that a body with Theme among its themes needs, among the
// actors linked to it, one of the kinds of each entry of Requires.
type ThemeRule struct {
	Theme    string         `json:"theme"`
	Requires [][]actor.Kind `json:"requires"`
	Severity Severity       `json:"severity"`
	Reason   string         `json:"reason"`
}

//go:embed default_model.json
var defaultModelJSON []byte

//go:embed consortium_model.json
var consortiumModelJSON []byte

// ConsortiumModel returns the embedded model of a partnership or project
// consortium: a funder, a lead partner, and someone carrying the project's
// results to employers and to labour offices. A network that one project
// or body holds together is judged against it rather than against the
// regional model (see ChooseModel). Each call returns a fresh copy.
func ConsortiumModel() *Model {
	m, err := ReadModel(bytes.NewReader(consortiumModelJSON))
	if err != nil {
		panic("gap: embedded consortium model: " + err.Error()) // a build defect, caught by tests
	}
	return m
}

// ChooseModel returns the built-in model that fits n on the day at, with
// the reason: the consortium model when one project has partnership links
// in force with more than half of the other actors (a partnership that a
// single project holds together, such as an EU project's consortium), and
// the regional labour-market model otherwise (a pact, a local group, or a
// project among many local stakeholders).
func ChooseModel(n *network.Network, at network.Date) (*Model, string) {
	day := n.Day(at)
	project := make([]bool, n.NumActors())
	for i, a := range n.AllActors() {
		project[i] = a.Kind == actor.Project
	}
	// (project, partner) for each partnership link in force, then the
	// number of distinct partners of each project.
	var pairs [][2]int32
	for i, l := range n.AllLinks() {
		if l.Kind != network.Partnership || !l.InForce(day) {
			continue
		}
		f, t := n.Ends(i)
		if project[f] {
			pairs = append(pairs, [2]int32{int32(f), int32(t)})
		}
		if project[t] {
			pairs = append(pairs, [2]int32{int32(t), int32(f)})
		}
	}
	slices.SortFunc(pairs, func(a, b [2]int32) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	pairs = slices.Compact(pairs)
	partners := map[int32]int{}
	for _, p := range pairs {
		partners[p[0]]++
	}
	best, bestDeg := "", 0
	for i, a := range n.AllActors() {
		if project[i] && partners[int32(i)] > bestDeg {
			best, bestDeg = a.Label(), partners[int32(i)]
		}
	}
	others := n.NumActors() - 1
	if others >= 2 && 2*bestDeg > others {
		return ConsortiumModel(), fmt.Sprintf("%s has %d of the other %d actors as partners: the network is a partnership it holds together", best, bestDeg, others)
	}
	return DefaultModel(), "no single project has most actors as partners: the network is judged as a regional labour market"
}

// DefaultModel returns the embedded default reference model, built from the
// four reference cases (Liberec, SteelCityZen, JOBTOWN 2, Vratsa); every rule
// carries the reason it is there. Each call returns a fresh copy.
func DefaultModel() *Model {
	m, err := ReadModel(bytes.NewReader(defaultModelJSON))
	if err != nil {
		panic("analysis: embedded default model: " + err.Error()) // a build defect, caught by tests
	}
	return m
}

// ReadModel reads a model in the "labournet-model/1" JSON format (see
// default_model.json for a complete example). Unknown fields, unknown kinds
// and rules without a name are errors wrapping ErrModel.
func ReadModel(r io.Reader) (*Model, error) {
	var doc struct {
		Format string `json:"format"`
		Model
	}
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrModel, err)
	}
	if doc.Format != ModelFormat {
		return nil, fmt.Errorf("%w: format %q, want %q", ErrModel, doc.Format, ModelFormat)
	}
	m := doc.Model
	if err := m.Validate(); err != nil {
		return nil, err
	}
	return &m, nil
}

// WriteModel writes m in the "labournet-model/1" JSON format.
func WriteModel(w io.Writer, m *Model) error {
	doc := struct {
		Format string `json:"format"`
		*Model
	}{ModelFormat, m}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// Validate checks that every rule has a name (or theme), at least one kind
// or group on each side, and a severity; all problems are returned joined.
func (m *Model) Validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%w: "+format, append([]any{ErrModel}, args...)...))
	}
	for i, r := range m.Kinds {
		if r.Name == "" || len(r.AnyOf) == 0 || r.Severity == 0 {
			bad("kinds[%d] %q: needs name, anyOf and severity", i, r.Name)
		}
	}
	for i, r := range m.Relations {
		if r.Name == "" || len(r.From) == 0 || len(r.To) == 0 || r.Severity == 0 {
			bad("relations[%d] %q: needs name, from, to and severity", i, r.Name)
		}
	}
	for i, r := range m.TargetGroups {
		if r.Name == "" || len(r.AnyOf) == 0 || r.Severity == 0 {
			bad("targetGroups[%d] %q: needs name, anyOf and severity", i, r.Name)
		}
	}
	for i, r := range m.Roles {
		if r.Name == "" || r.Role == "" || r.Severity == 0 {
			bad("roles[%d] %q: needs name, role and severity", i, r.Name)
		}
	}
	for i, r := range m.Themes {
		if r.Theme == "" || len(r.Requires) == 0 || r.Severity == 0 {
			bad("themes[%d] %q: needs theme, requires and severity", i, r.Theme)
		}
		for j, alt := range r.Requires {
			if len(alt) == 0 {
				bad("themes[%d].requires[%d]: empty", i, j)
			}
		}
	}
	return errors.Join(errs...)
}

// Extend returns a copy of m with the rules of other added; a rule of other
// with the same name (theme, for theme rules) as one of m replaces it.
func (m *Model) Extend(other *Model) *Model {
	out := &Model{Name: m.Name}
	if other.Name != "" {
		out.Name = m.Name + " + " + other.Name
	}
	out.Kinds = mergeRules(m.Kinds, other.Kinds, func(r KindRule) string { return r.Name })
	out.Relations = mergeRules(m.Relations, other.Relations, func(r RelationRule) string { return r.Name })
	out.TargetGroups = mergeRules(m.TargetGroups, other.TargetGroups, func(r GroupRule) string { return r.Name })
	out.Themes = mergeRules(m.Themes, other.Themes, func(r ThemeRule) string { return r.Theme })
	out.Roles = mergeRules(m.Roles, other.Roles, func(r RoleRule) string { return r.Name })
	return out
}

func mergeRules[R any](base, add []R, key func(R) string) []R {
	out := make([]R, 0, len(base)+len(add))
	replaced := make(map[string]R)
	for _, r := range add {
		replaced[key(r)] = r
	}
	seen := make(map[string]bool)
	for _, r := range base {
		if nr, ok := replaced[key(r)]; ok {
			r = nr
		}
		seen[key(r)] = true
		out = append(out, r)
	}
	for _, r := range add {
		if !seen[key(r)] {
			out = append(out, r)
		}
	}
	return out
}
