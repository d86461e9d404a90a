// Command vratsa analyses the e-employment cooperation of public libraries
// and the Employment Agency's structures in North-West Bulgaria: the
// libraries, the three labour office directorates, the regional employment
// service directorate, the national agency, the Global Libraries programme,
// and the two employment programmes with whom they fund through whom. It
// prints the report, with which target groups each district reaches and
// which it does not, and writes vratsa.svg and vratsa.dot.
//
//	go run ./examples/vratsa [-o DIR] [-format md|json]
package main

import (
	_ "embed"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/examples/casestudy"
	"github.com/labournet/labournet/network"
	"github.com/labournet/labournet/report"
)

//go:embed vratsa.json
var data []byte

var vratsa = casestudy.Case{Name: "vratsa", Data: data, Extra: districts}

func main() { os.Exit(casestudy.Run(vratsa, os.Args[1:], os.Stdout, os.Stderr)) }

// districts prints, for each district, the well-known target groups its
// actors reach and those they do not.
func districts(w io.Writer, _ *network.Network, r *report.Report) {
	fmt.Fprintln(w, "\n## Target groups by district")
	fmt.Fprintln(w)
	for _, d := range slices.Sorted(maps.Keys(r.Coverage.ByRegion)) {
		var reached, missed []string
		for _, g := range actor.WellKnownTargetGroups() {
			if len(r.Coverage.ByRegion[d][g]) > 0 {
				reached = append(reached, actor.TargetGroupLabel(g))
			} else {
				missed = append(missed, actor.TargetGroupLabel(g))
			}
		}
		fmt.Fprintf(w, "- **%s** reaches %s; not %s.\n", d, strings.Join(reached, ", "), strings.Join(missed, ", "))
	}
}
