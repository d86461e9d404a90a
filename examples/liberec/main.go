// Command liberec analyses the Liberec Region Employment Pact (PZLK): its
// partners, the holder of the pact, the Steering Committee, the Executive
// Board meeting every two months, the three expert working groups and the
// extended circle. It prints the report, which names the problem points of
// cooperation (the actors that hold the levels together) and proposes an
// optimised cooperation model, and writes the link diagram as liberec.svg
// and liberec.dot.
//
//	go run ./examples/liberec [-o DIR] [-format md|json]
package main

import (
	_ "embed"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/labournet/labournet/examples/casestudy"
	"github.com/labournet/labournet/network"
	"github.com/labournet/labournet/report"
)

//go:embed liberec.json
var data []byte

var liberec = casestudy.Case{Name: "liberec", Data: data, Extra: levels}

func main() { os.Exit(casestudy.Run(liberec, os.Args[1:], os.Stdout, os.Stderr)) }

// levels says which of the pact's three levels of involvement (the "tier"
// attribute of its bodies: top, expert, extended) each problem point holds
// together.
func levels(w io.Writer, n *network.Network, r *report.Report) {
	fmt.Fprintln(w, "\n## The levels of the pact and their problem points")
	fmt.Fprintln(w)
	for _, c := range r.CutPoints {
		var tiers []string
		a, _ := n.Actor(c.ID)
		if t, ok := a.Attr("tier"); ok {
			tiers = append(tiers, t)
		}
		for _, l := range n.Links() {
			other := ""
			switch c.ID {
			case l.From:
				other = l.To
			case l.To:
				other = l.From
			}
			if b, ok := n.Actor(other); ok {
				if t, ok := b.Attr("tier"); ok && !slices.Contains(tiers, t) {
					tiers = append(tiers, t)
				}
			}
		}
		slices.Sort(tiers)
		fmt.Fprintf(w, "- %s links the levels: %s.\n", a.Label(), orNone(tiers))
	}
}

func orNone(s []string) string {
	if len(s) == 0 {
		return "none (outside the levels)"
	}
	return strings.Join(s, ", ")
}
