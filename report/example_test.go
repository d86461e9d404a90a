package report_test

import (
	"context"
	"fmt"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/network"
	"github.com/labournet/labournet/report"
)

func chain() *network.Network {
	n, err := network.Build("A chain", []actor.Actor{
		{ID: "office", Name: "Labour office", Kind: actor.LabourOffice},
		{ID: "town", Name: "Town hall", Kind: actor.Municipality},
		{ID: "firm", Name: "Firm", Kind: actor.Employer},
	}, []network.Link{
		{From: "office", To: "town", Kind: network.Cooperation},
		{From: "town", To: "firm", Kind: network.Cooperation},
	})
	if err != nil {
		panic(err)
	}
	return n
}

// New runs every analysis; the report is a value to read or to write as
// Markdown or JSON.
func ExampleNew() {
	r, err := report.New(context.Background(), chain(), report.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Summary.Actors, "actors;", len(r.CutPoints), "cut point:", r.CutPoints[0].ID)
	fmt.Println("most central:", r.Central[0].Name)
	// Output:
	// 3 actors; 1 cut point: town
	// most central: Town hall
}

// WhatIf compares a network with a changed copy of it.
func ExampleWhatIf() {
	n := chain()
	after, err := n.Apply(network.Edit{AddLinks: []network.Link{{From: "office", To: "firm", Kind: network.Cooperation}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	e := report.WhatIf(n, after, nil, network.Date{})
	fmt.Println("no longer a bottleneck:", e.Relieved, "; bridges", e.Bridges.Before, "→", e.Bridges.After)
	// Output:
	// no longer a bottleneck: [town] ; bridges 2 → 0
}
