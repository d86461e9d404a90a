package analysis_test

import (
	"encoding/json"
	"fmt"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/network"
)

// A Ranking sorts actors by value, ties by ID, undefined values last; a
// Float that is undefined is null in JSON.
func ExampleNewRanking() {
	n, _ := network.Build("example", []actor.Actor{
		{ID: "office", Kind: actor.LabourOffice},
		{ID: "firm", Kind: actor.Employer},
		{ID: "school", Kind: actor.School},
	}, nil)
	s := n.Snapshot() // actors indexed by ID: firm, office, school
	r := analysis.NewRanking(s, []float64{0.5, float64(analysis.NaN()), 0.5})
	b, _ := json.Marshal(r)
	fmt.Println(string(b))
	fmt.Println(r.Top(1)[0].ID)
	// Output:
	// [{"id":"firm","value":0.5},{"id":"school","value":0.5},{"id":"office","value":null}]
	// firm
}

// SelectKinds chooses the groups that bottleneck.MinGroupCut and
// GroupBetweenness separate.
func ExampleSelectKinds() {
	schools := analysis.SelectKinds(actor.School, actor.University)
	fmt.Println(schools(actor.Actor{ID: "tul", Kind: actor.University}), schools(actor.Actor{ID: "x", Kind: actor.Employer}))
	// Output: true false
}
