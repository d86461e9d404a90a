// Command eu-programme shows a region's place in the EU research
// framework programmes from CORDIS project data: it imports the
// participations (package encoding/eu, preset "cordis"), keeps the
// projects of one NUTS region (CZ05, Severovýchod: Liberec, Hradec Králové,
// Pardubice) with all their partners, those elsewhere marked "outside",
// projects the two-mode network of organisations and projects onto the
// organisations (two are linked when they share projects), prints the
// report and the region's brokers to the rest of Europe, and writes the
// diagram of the region's network as eu-programme.svg and eu-programme.dot,
// and the interactive map as eu-programme.html.
//
//	go run ./examples/eu-programme [-o DIR] [-format md|json] [-region CZ05] [-data FOLDER]
//
// By default it reads the sample in cordis/, embedded in the program: a
// synthetic CORDIS download (organization.csv and project.csv, 600
// projects) made by internal/cordisgen with seed 1, CZ05 over-represented.
// Nothing in it is real. The program's -generate flag writes it again,
// which the go:generate line below runs:
//
//	go generate ./examples/eu-programme   # go run . -generate cordis
//
// -data reads a real download instead: the folder of CORDIS's
// cordis-h2020projects-csv.zip or cordis-HORIZONprojects-csv.zip.
package main

//go:generate go run . -generate cordis

import (
	"cmp"
	"context"
	"embed"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis/bottleneck"
	"github.com/labournet/labournet/encoding/eu"
	"github.com/labournet/labournet/examples/casestudy"
	"github.com/labournet/labournet/internal/atomicfile"
	"github.com/labournet/labournet/internal/cordisgen"
	"github.com/labournet/labournet/network"
	"github.com/labournet/labournet/render"
	"github.com/labournet/labournet/report"
)

// name is the base name of the diagrams written.
const name = "eu-programme"

// sample is how the sample in cordis/ is generated.
var sample = cordisgen.Options{Projects: 600, Seed: 1, Region: "CZ05"}

//go:embed cordis/organization.csv cordis/project.csv
var sampleFiles embed.FS

// maxDrawn bounds the organisations of the diagram: the region's own and
// the outside partners that link the most of them.
const maxDrawn = 60

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run is the program: flags -o DIR, -format md|json, -region NUTS, -data
// FOLDER, -seed N and -generate DIR. It returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("o", ".", "write the diagrams `DIR`/"+name+".svg and .dot")
	format := fs.String("format", "md", "report format: md or json")
	region := fs.String("region", "CZ05", "the `NUTS` code (prefix) of the region")
	data := fs.String("data", "", "read a CORDIS download from `FOLDER` (organization.csv, project.csv) instead of the sample")
	seed := fs.Uint64("seed", 1, "layout seed of the SVG diagram")
	generate := fs.String("generate", "", "write the synthetic sample into `DIR` and exit")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *format != "md" && *format != "json" {
		fmt.Fprintf(stderr, "%s: -format %q: want md or json\n", name, *format)
		return 2
	}
	if err := do(*generate, *data, *region, *format, *dir, *seed, stdout, stderr); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

func do(generate, data, region, format, dir string, seed uint64, stdout, stderr io.Writer) error {
	if generate != "" {
		st, err := cordisgen.WriteDir(generate, sample)
		if err == nil {
			fmt.Fprintf(stderr, "wrote %s: %d projects, %d participations, %d organisations\n",
				generate, st.Projects, st.Participations, st.Organisations)
		}
		return err
	}
	var inputs []eu.Input
	source := data
	if data == "" {
		source = "the embedded sample cordis/"
		for _, f := range []string{"cordis/organization.csv", "cordis/project.csv"} {
			r, err := sampleFiles.Open(f)
			if err != nil {
				return err
			}
			defer r.Close()
			inputs = append(inputs, eu.Input{Name: f, R: r})
		}
	}
	n, err := load(data, inputs, source, region)
	if err != nil {
		return err
	}
	ctx := context.Background()
	r, err := report.New(ctx, n, report.Options{Seed: 1})
	if err != nil {
		return err
	}
	if format == "json" {
		err = r.WriteJSON(stdout)
	} else {
		err = r.WriteMarkdown(stdout)
		if err == nil {
			brokers(stdout, n, 10)
		}
	}
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	drawn := drawable(n, maxDrawn)
	title := n.Name
	if drawn.NumActors() < n.NumActors() {
		title = fmt.Sprintf("%s (the region's organisations and the %d outside partners linking most of them)",
			n.Name, drawn.NumActors()-len(inside(n)))
	}
	opt := render.Options{Seed: seed, Title: title, Highlight: casestudy.Highlight(r), MaxLabels: 60}
	for _, out := range []struct {
		ext  string
		draw func(io.Writer, *network.Network, render.Options) error
	}{{".svg", render.SVG}, {".dot", render.DOT}, {".html", render.HTML}} {
		path := filepath.Join(dir, name+out.ext)
		if err := atomicfile.Write(path, func(w io.Writer) error { return out.draw(w, drawn, opt) }); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "wrote %s\n", path)
	}
	return nil
}

// load imports a CORDIS folder (or, when folder is "", the tables of
// inputs), keeps the projects of the region with all their partners, drops
// the programmes and funds, and projects the rest onto the organisations.
func load(folder string, inputs []eu.Input, source, region string) (*network.Network, error) {
	l, err := eu.Preset("cordis")
	if err != nil {
		return nil, err
	}
	var res *eu.Result
	if folder != "" {
		res, err = eu.Import(context.Background(), l, []string{folder}, eu.Options{})
	} else {
		res, err = eu.ImportInputs(context.Background(), l, inputs, eu.Options{})
	}
	if err != nil {
		return nil, err
	}
	sel := eu.Select(res.Network, eu.Filter{NUTS: []string{region}})
	orgs := sel.View(network.Filter{Actor: func(a actor.Actor) bool {
		return a.Kind != actor.Programme && a.Kind != actor.Fund
	}})
	n := orgs.Project(func(a actor.Actor) bool { return a.Kind == actor.Project })
	if len(inside(n)) == 0 {
		return nil, fmt.Errorf("%s: no organisation in the region %s", source, region)
	}
	n.Name = fmt.Sprintf("%s in the EU framework programmes: organisations linked by shared projects", strings.ToUpper(region))
	n.Description = fmt.Sprintf("From %s: %d participation rows; the region's %d projects and their partners, "+
		"those outside the region marked \"outside\".", source, res.Rows, countProjects(sel))
	return n, nil
}

func countProjects(n *network.Network) int {
	k := 0
	for _, a := range n.Actors() {
		if a.Kind == actor.Project {
			k++
		}
	}
	return k
}

func isOutside(a actor.Actor) bool { return a.Attrs["outside"] == "true" }

// inside returns the IDs of the region's organisations.
func inside(n *network.Network) map[string]bool {
	in := map[string]bool{}
	for _, a := range n.Actors() {
		if !isOutside(a) {
			in[a.ID] = true
		}
	}
	return in
}

// broker is one organisation of the region and its reach outside.
type broker struct {
	a         actor.Actor
	partners  int      // partners outside the region
	countries []string // their countries
	sole      int      // outside partners it is the region's only link to
	rep       float64  // Gould–Fernandez representative count
}

// reach computes each inside organisation's reach outside.
func reach(n *network.Network) []broker {
	in := inside(n)
	out := map[string][]string{}   // inside → outside partners
	links := map[string][]string{} // outside → inside partners
	for _, l := range n.Links() {
		from, to := l.From, l.To
		if in[to] && !in[from] {
			from, to = to, from
		}
		if in[from] && !in[to] {
			out[from] = append(out[from], to)
			links[to] = append(links[to], from)
		}
	}
	gf := map[string]float64{}
	for _, b := range bottleneck.Brokerage(n.Snapshot(), bottleneck.BrokerageOptions{Attr: "outside"}).Actors {
		gf[b.ID] = float64(b.Raw.Representative)
	}
	var bs []broker
	for id := range in {
		a, _ := n.Actor(id)
		b := broker{a: a, rep: gf[id]}
		seen := map[string]bool{}
		for _, o := range out[id] {
			if seen[o] {
				continue
			}
			seen[o] = true
			b.partners++
			if oa, _ := n.Actor(o); oa.Country != "" && !slices.Contains(b.countries, oa.Country) {
				b.countries = append(b.countries, oa.Country)
			}
			if len(unique(links[o])) == 1 {
				b.sole++
			}
		}
		slices.Sort(b.countries)
		bs = append(bs, b)
	}
	slices.SortFunc(bs, func(x, y broker) int {
		return cmp.Or(-cmp.Compare(x.partners, y.partners), -cmp.Compare(x.sole, y.sole),
			-cmp.Compare(len(x.countries), len(y.countries)), cmp.Compare(x.a.Label(), y.a.Label()), cmp.Compare(x.a.ID, y.a.ID))
	})
	return bs
}

func unique(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return slices.Compact(s)
}

// brokers prints the section "Brokers to the rest of Europe": the top
// organisations of the region by their partners outside it.
func brokers(w io.Writer, n *network.Network, top int) {
	bs := reach(n)
	fmt.Fprintln(w, "\n## Brokers to the rest of Europe")
	fmt.Fprintln(w)
	outside := n.NumActors() - len(bs)
	fmt.Fprintf(w, "The region's %d organisations reach %d organisations elsewhere through shared projects. "+
		"\"Only link\" counts the outside partners that no other organisation of the region works with: "+
		"without this organisation the region would lose them. \"Representative\" is Gould and Fernandez's count "+
		"of pairs it brokers from the region outwards (inside partner → it → outside partner, the two not linked).\n\n",
		len(bs), outside)
	fmt.Fprintln(w, "| # | organisation | NUTS | partners outside | countries reached | only link to | representative |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- | --- | --- |")
	for i, b := range bs[:min(top, len(bs))] {
		fmt.Fprintf(w, "| %d | %s | %s | %d | %d: %s | %d | %.0f |\n", i+1, mdCell(b.a.Label()), b.a.Region,
			b.partners, len(b.countries), strings.Join(b.countries, ", "), b.sole, b.rep)
	}
}

func mdCell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// drawable returns the network to draw: all of it when it has at most
// limit organisations, else the region's organisations and the outside
// partners linked to the most of them (then by the projects shared), up to
// limit.
func drawable(n *network.Network, limit int) *network.Network {
	if n.NumActors() <= limit {
		return n
	}
	in := inside(n)
	links := map[string]map[string]bool{}
	weight := map[string]float64{}
	for _, l := range n.Links() {
		for _, e := range [][2]string{{l.From, l.To}, {l.To, l.From}} {
			if in[e[0]] && !in[e[1]] {
				if links[e[1]] == nil {
					links[e[1]] = map[string]bool{}
				}
				links[e[1]][e[0]] = true
				weight[e[1]] += l.Weight
			}
		}
	}
	var outs []string
	for id := range links {
		outs = append(outs, id)
	}
	slices.SortFunc(outs, func(a, b string) int {
		return cmp.Or(-cmp.Compare(len(links[a]), len(links[b])), -cmp.Compare(weight[a], weight[b]), cmp.Compare(a, b))
	})
	keep := maps.Clone(in)
	for _, id := range outs[:min(len(outs), max(0, limit-len(in)))] {
		keep[id] = true
	}
	return n.View(network.Filter{Actor: func(a actor.Actor) bool { return keep[a.ID] }})
}
