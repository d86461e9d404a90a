package gap

import (
	"fmt"
	"strings"

	"github.com/labournet/labournet/actor"
)

// Rule is the rule a gap Finding comes from. Its zero value is not a rule.
type Rule uint8

// The rules of Gaps.
const (
	MissingKind     Rule = iota + 1 // "missing-kind": an expected kind of actor is absent
	MissingRelation                 // "missing-relation": both kinds present, the expected relation absent
	UnservedGroup                   // "unserved-group": a target group nobody serves (here or in a region)
	Isolated                        // "isolated": an actor without links
	PlannedOnly                     // "planned-only": an actor whose links are not in force yet
	EndedOnly                       // "ended-only": an actor whose links all ended
	BodyMissingKind                 // "body-missing-kind": a body lacks a kind its theme requires
	SingleBroker                    // "single-broker": two communities joined through one actor
	SingleFunder                    // "single-funder": an actor funded by a single funder
	MissingRole                     // "missing-role": no link gives the role the model expects (a lead partner)
)

var ruleNames = []string{"", "missing-kind", "missing-relation", "unserved-group", "isolated", "planned-only",
	"ended-only", "body-missing-kind", "single-broker", "single-funder", "missing-role"}

// String returns the rule's name, such as "missing-relation".
func (r Rule) String() string {
	if int(r) < len(ruleNames) && r > 0 {
		return ruleNames[r]
	}
	return fmt.Sprintf("rule(%d)", uint8(r))
}

// MarshalText implements encoding.TextMarshaler.
func (r Rule) MarshalText() ([]byte, error) {
	if r == 0 || int(r) >= len(ruleNames) {
		return nil, fmt.Errorf("gap: invalid rule %d", uint8(r))
	}
	return []byte(r.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Rule) UnmarshalText(b []byte) error {
	s := strings.ToLower(strings.TrimSpace(string(b)))
	for i, n := range ruleNames {
		if i > 0 && n == s {
			*r = Rule(i)
			return nil
		}
	}
	return fmt.Errorf("gap: unknown rule %q (valid: %s)", b, strings.Join(ruleNames[1:], ", "))
}

// Action is what a Recommendation proposes. Its zero value is not an
// action.
type Action uint8

// The actions of Recommend and OptimizeLinks.
const (
	AddLink      Action = iota + 1 // "add-link": create a link between two actors of the network
	ActivateLink                   // "activate-link": make planned links work
	FillRole                       // "fill-role": bring an actor into a body as a member
	Invite                         // "invite": bring a new kind of actor into the network
)

var actionNames = []string{"", "add-link", "activate-link", "fill-role", "invite"}

// String returns the action's name, such as "add-link".
func (a Action) String() string {
	if int(a) < len(actionNames) && a > 0 {
		return actionNames[a]
	}
	return fmt.Sprintf("action(%d)", uint8(a))
}

// MarshalText implements encoding.TextMarshaler.
func (a Action) MarshalText() ([]byte, error) {
	if a == 0 || int(a) >= len(actionNames) {
		return nil, fmt.Errorf("gap: invalid action %d", uint8(a))
	}
	return []byte(a.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (a *Action) UnmarshalText(b []byte) error {
	s := strings.ToLower(strings.TrimSpace(string(b)))
	for i, n := range actionNames {
		if i > 0 && n == s {
			*a = Action(i)
			return nil
		}
	}
	return fmt.Errorf("gap: unknown action %q (valid: %s)", b, strings.Join(actionNames[1:], ", "))
}

// Key identifies a finding across two analyses of a network: its rule and
// its name. Two findings with the same key are the same gap.
type Key struct {
	Rule Rule   `json:"rule"`
	Name string `json:"name"`
}

// String returns "rule: name".
func (k Key) String() string { return k.Rule.String() + ": " + k.Name }

// compareKeys orders keys by rule name, then name.
func compareKeys(a, b Key) int {
	if c := strings.Compare(a.Rule.String(), b.Rule.String()); c != 0 {
		return c
	}
	return strings.Compare(a.Name, b.Name)
}

// kindNouns returns the kinds in words ("training provider").
func kindNouns(kinds []actor.Kind) []string {
	s := make([]string, len(kinds))
	for i, k := range kinds {
		s[i] = k.Noun()
	}
	return s
}

// groupLabels returns the readable names of target groups.
func groupLabels(groups []string) []string {
	s := make([]string, len(groups))
	for i, g := range groups {
		s[i] = actor.TargetGroupLabel(g)
	}
	return s
}
