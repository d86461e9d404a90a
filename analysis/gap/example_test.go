package gap_test

import (
	"context"
	"fmt"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis/gap"
	"github.com/labournet/labournet/network"
)

// example is a small local network: a labour office works with the town,
// the town with a firm, and a school is linked to the firm only by a
// planned link.
func example() *network.Network {
	n, err := network.Build("example", []actor.Actor{
		{ID: "office", Name: "Labour office", Kind: actor.LabourOffice, TargetGroups: []string{"youth"}},
		{ID: "town", Name: "Town hall", Kind: actor.Municipality},
		{ID: "firm", Name: "Firm", Kind: actor.Employer},
		{ID: "school", Name: "Vocational school", Kind: actor.School},
	}, []network.Link{
		{From: "office", To: "town", Kind: network.Cooperation},
		{From: "town", To: "firm", Kind: network.Cooperation},
		{From: "school", To: "firm", Kind: network.Cooperation, Status: network.Planned},
	})
	if err != nil {
		panic(err)
	}
	return n
}

// Gaps against a model of one rule: a labour office should be related to
// employers.
func ExampleGaps() {
	m := &gap.Model{Relations: []gap.RelationRule{{Name: "office–employer",
		From: []actor.Kind{actor.LabourOffice}, To: []actor.Kind{actor.Employer}, Severity: gap.High}}}
	for _, f := range gap.Gaps(example(), m, gap.GapOptions{}) {
		fmt.Println(f.Severity, f.Key())
	}
	// Output:
	// high missing-relation: office–employer
	// medium planned-only: school
}

// Recommend proposes a mend for each gap and measures what it would change.
func ExampleRecommend() {
	m := &gap.Model{Relations: []gap.RelationRule{{Name: "office–employer",
		From: []actor.Kind{actor.LabourOffice}, To: []actor.Kind{actor.Employer}, Severity: gap.High}}}
	recs, err := gap.Recommend(context.Background(), example(), m, gap.RecommendOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range recs {
		fmt.Printf("%s: cut points %d → %d, gaps closed %v\n", r.Action, r.Effect.CutPoints.Before, r.Effect.CutPoints.After, r.Effect.Closed)
	}
	// Output:
	// add-link: cut points 1 → 0, gaps closed [missing-relation: office–employer]
	// activate-link: cut points 1 → 2, gaps closed [planned-only: school]
}
