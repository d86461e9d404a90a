package cohesion_test

import (
	"fmt"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis/cohesion"
	"github.com/labournet/labournet/network"
)

// cohesionExample is a town's employment pact: employers cooperate around
// the labour office, schools around the town, one partnership joins the two
// circles, and an NGO has no tie yet.
func cohesionExample() *network.Snapshot {
	n, err := network.Build("pact", []actor.Actor{
		{ID: "labour-office", Kind: actor.LabourOffice},
		{ID: "factory", Kind: actor.Employer},
		{ID: "bakery", Kind: actor.Employer},
		{ID: "garage", Kind: actor.Employer},
		{ID: "town", Kind: actor.Municipality},
		{ID: "school", Kind: actor.School},
		{ID: "college", Kind: actor.School},
		{ID: "ngo", Kind: actor.NGO},
	}, []network.Link{
		{From: "labour-office", To: "factory", Kind: network.Cooperation},
		{From: "labour-office", To: "bakery", Kind: network.Cooperation},
		{From: "labour-office", To: "garage", Kind: network.Cooperation},
		{From: "factory", To: "bakery", Kind: network.Cooperation},
		{From: "town", To: "school", Kind: network.Partnership},
		{From: "town", To: "college", Kind: network.Partnership},
		{From: "school", To: "college", Kind: network.Cooperation},
		{From: "labour-office", To: "town", Kind: network.Partnership},
	})
	if err != nil {
		panic(err)
	}
	return n.Snapshot()
}

func ExampleComponents() {
	for _, c := range cohesion.Components(cohesionExample()) {
		fmt.Println(len(c), c)
	}
	// Output:
	// 7 [bakery college factory garage labour-office school town]
	// 1 [ngo]
}

func ExampleLouvain() {
	c := cohesion.Louvain(cohesionExample(), cohesion.LouvainOptions{Seed: 1})
	for k, g := range c.Groups {
		fmt.Println(k, g)
	}
	fmt.Printf("Q = %.3f\n", c.Modularity)
	// Output:
	// 0 [bakery factory garage labour-office]
	// 1 [college school town]
	// 2 [ngo]
	// Q = 0.367
}

func ExampleEIIndex() {
	ei := cohesion.EIIndex(cohesionExample(), cohesion.MixingOptions{Attr: "kind"})
	fmt.Printf("whole network: E=%v I=%v EI=%+.2f\n", ei.External, ei.Internal, ei.Index)
	for _, g := range ei.Groups {
		fmt.Printf("%-13s E=%v I=%v EI=%+.2f\n", g.Group, g.External, g.Internal, g.Index)
	}
	// Output:
	// whole network: E=6 I=2 EI=+0.50
	// employer      E=3 I=1 EI=+0.50
	// labour-office E=4 I=0 EI=+1.00
	// municipality  E=3 I=0 EI=+1.00
	// ngo           E=0 I=0 EI=+NaN
	// school        E=2 I=1 EI=+0.33
}
