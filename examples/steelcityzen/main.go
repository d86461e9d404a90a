// Command steelcityzen analyses the Interreg project SteelCityZen in Stara
// Zagora: the funding chain ERDF → Interreg Danube 2021–2027 → project →
// municipality, the labour office as associated partner, the partners abroad
// as unnamed groups, the survey's skills and vulnerable groups, and the
// pilot with employers as planned links. It prints the report, which shows
// the municipality–business–education gap the case names, and writes
// steelcityzen.svg and steelcityzen.dot.
//
//	go run ./examples/steelcityzen [-o DIR] [-format md|json]
package main

import (
	_ "embed"
	"fmt"
	"io"
	"os"

	"github.com/labournet/labournet/examples/casestudy"
	"github.com/labournet/labournet/network"
	"github.com/labournet/labournet/report"
)

//go:embed steelcityzen.json
var data []byte

var steelcityzen = casestudy.Case{Name: "steelcityzen", Data: data, Extra: chain}

func main() { os.Exit(casestudy.Run(steelcityzen, os.Args[1:], os.Stdout, os.Stderr)) }

// chain prints where the municipality's project money comes from.
func chain(w io.Writer, n *network.Network, r *report.Report) {
	fmt.Fprintln(w, "\n## The funding chain")
	fmt.Fprintln(w)
	for _, f := range r.Funding {
		a, _ := n.Actor(f.ID)
		for _, s := range f.Direct {
			b, _ := n.Actor(s.ID)
			fmt.Fprintf(w, "- %s ← %s\n", a.Label(), b.Label())
		}
	}
}
