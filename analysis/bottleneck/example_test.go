package bottleneck_test

import (
	"fmt"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis/bottleneck"
	"github.com/labournet/labournet/network"
)

// exampleNetwork is a small local partnership: the labour office links the
// town's employers and schools to the regional fund, and a school alone
// links in an NGO.
func exampleNetwork() *network.Snapshot {
	n, err := network.Build("example", []actor.Actor{
		{ID: "labour-office", Kind: actor.LabourOffice},
		{ID: "town", Kind: actor.Municipality},
		{ID: "factory", Kind: actor.Employer},
		{ID: "bakery", Kind: actor.Employer},
		{ID: "school", Kind: actor.School},
		{ID: "ngo", Kind: actor.NGO},
		{ID: "fund", Kind: actor.Fund},
	}, []network.Link{
		{From: "labour-office", To: "town", Kind: network.Partnership},
		{From: "labour-office", To: "factory", Kind: network.Cooperation},
		{From: "labour-office", To: "bakery", Kind: network.Cooperation},
		{From: "factory", To: "bakery", Kind: network.Cooperation},
		{From: "town", To: "school", Kind: network.Partnership},
		{From: "labour-office", To: "school", Kind: network.Cooperation},
		{From: "school", To: "ngo", Kind: network.Cooperation},
		{From: "fund", To: "labour-office", Kind: network.Funding},
	})
	if err != nil {
		panic(err)
	}
	return n.Snapshot()
}

func ExampleArticulationPoints() {
	s := exampleNetwork()
	for _, cp := range bottleneck.ArticulationPoints(s, bottleneck.CutOptions{}) {
		fmt.Printf("%s cuts %d pairs:\n", cp.ID, cp.Separated)
		for _, p := range cp.Pieces {
			fmt.Printf("  %d actors via %s %v\n", p.Size, p.Contact, p.Groups)
		}
	}
	// Output:
	// labour-office cuts 11 pairs:
	//   3 actors via school map[municipality:1 ngo:1 school:1]
	//   2 actors via bakery map[employer:2]
	//   1 actors via fund map[fund:1]
	// school cuts 5 pairs:
	//   5 actors via labour-office map[employer:2 fund:1 labour-office:1 municipality:1]
	//   1 actors via ngo map[ngo:1]
}

// The constraint values agree with nx.constraint on the same ties.
func ExampleConstraint() {
	s := exampleNetwork()
	for _, sc := range bottleneck.Constraint(s, bottleneck.HolesOptions{}) {
		fmt.Printf("%-13s %.3f\n", sc.ID, sc.Value)
	}
	// Output:
	// fund          1.000
	// ngo           1.000
	// bakery        0.922
	// factory       0.922
	// town          0.804
	// school        0.521
	// labour-office 0.381
}
