// Command jobtown2 analyses the URBACT Local Group of Kielce in the JOBTOWN 2
// network: its members, the lead partner abroad, the national URBACT point
// and its two operators, and the start-up platform with its grant of up to
// 800,000 PLN. It prints the report, in which the employers, universities
// and schools the group wants but lacks appear as gaps, then what changed
// from the first JOBTOWN network to JOBTOWN 2, and writes jobtown2.svg and
// jobtown2.dot.
//
//	go run ./examples/jobtown2 [-o DIR] [-format md|json]
package main

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"io"
	"os"

	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/examples/casestudy"
	"github.com/labournet/labournet/network"
	"github.com/labournet/labournet/report"
)

var (
	//go:embed jobtown2.json
	data []byte
	//go:embed jobtown1.json
	first []byte
)

var jobtown2 = casestudy.Case{Name: "jobtown2", Data: data, Extra: editions}

func main() { os.Exit(casestudy.Run(jobtown2, os.Args[1:], os.Stdout, os.Stderr)) }

// editions prints what changed from the first JOBTOWN to JOBTOWN 2.
func editions(w io.Writer, n *network.Network, _ *report.Report) {
	old, err := encoding.ReadJSON(bytes.NewReader(first), "jobtown1.json")
	if err != nil {
		fmt.Fprintln(w, err)
		return
	}
	d, err := report.Diff(context.Background(), old, n, report.DiffOptions{Top: 5})
	if err != nil {
		fmt.Fprintln(w, err)
		return
	}
	name := func(id string) string {
		if a, ok := n.Actor(id); ok {
			return a.Label()
		}
		if a, ok := old.Actor(id); ok {
			return a.Label()
		}
		return id
	}
	fmt.Fprintln(w, "\n## From JOBTOWN to JOBTOWN 2")
	fmt.Fprintf(w, "\n%d actors came, %d went; %d links came, %d went.\n\n", len(d.AddedActors), len(d.RemovedActors), len(d.AddedLinks), len(d.RemovedLinks))
	for _, id := range d.RemovedActors {
		fmt.Fprintf(w, "- no longer in the network: %s\n", name(id))
	}
	for _, id := range d.AddedActors {
		fmt.Fprintf(w, "- new: %s\n", name(id))
	}
}
