package report

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/analysis/gap"
	"github.com/labournet/labournet/internal/prose"
)

// WriteMarkdown writes the report as Markdown for a reader who is not a
// network analyst: each measure explained in a sentence, actors by name,
// numbers rounded sensibly.
func (r *Report) WriteMarkdown(w io.Writer) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	name := func(id string) string {
		if n, ok := r.Names[id]; ok {
			return n
		}
		return id
	}
	names := func(ids []string) string {
		s := make([]string, 0, min(len(ids), mdNames+1))
		for i, id := range ids {
			if i == mdNames && len(ids) > mdNames+1 {
				s = append(s, fmt.Sprintf("and %d more", len(ids)-mdNames))
				break
			}
			s = append(s, name(id))
		}
		return strings.Join(s, "; ")
	}

	titles := map[gap.Key]string{}
	for _, g := range r.Gaps {
		titles[g.Key()] = g.Title
	}
	title := func(k gap.Key) string {
		if t, ok := titles[k]; ok {
			return t
		}
		return k.Name
	}
	p("# %s\n\n", mdText(r.Network))
	if r.Description != "" {
		p("%s\n\n", mdText(r.Description))
	}
	switch r.AtFrom {
	case "given":
		p("**As of %s**, the day asked for.\n\n", r.At)
	case "file":
		p("**As of %s**, the day the data describes (its `asOf`).\n\n", r.At)
	default:
		p("**As of %s**, today: the data does not say which day it describes (give one with `--at`, or `asOf` in the file).\n\n", r.At)
	}
	if r.ModelWhy == "given" {
		p("Gaps are judged against the model **%s**, as asked.\n\n", mdText(r.Model))
	} else {
		p("Gaps are judged against the **%s**, chosen because %s. Another model can be given (`--model regional`, `--model consortium` or a model file).\n\n", mdText(r.Model), mdText(r.ModelWhy))
	}
	if r.Stale {
		p("> **No link is in force on %s.** The dated links of this network run from %s to %s: the data describes that period. Analyse a day in it instead, for example `--at %s`.\n\n",
			r.At, orUnknown(r.Period[0].String()), orUnknown(r.Period[1].String()), r.Suggest)
	}
	sm := r.Summary
	p("## Summary\n\n")
	p("The network has **%d actors** and **%d links**.", sm.Actors, sm.Links)
	if sm.Aggregates > 0 {
		p(" %d actors stand for groups of organisations (such as unnamed partners), so the network represents at least %d organisations.", sm.Aggregates, sm.Represented)
	}
	if !sm.Start.IsZero() || !sm.End.IsZero() {
		p(" Its dated links cover %s to %s.", orUnknown(sm.Start.String()), orUnknown(sm.End.String()))
	}
	p("\n\n| actors by kind | number |\n| --- | ---: |\n")
	for _, k := range slices.Sorted(maps.Keys(sm.ByKind)) {
		p("| %s | %d |\n", k, sm.ByKind[k])
	}
	p("\n| links by kind | number |\n| --- | ---: |\n")
	for _, k := range slices.Sorted(maps.Keys(sm.LinksByKind)) {
		p("| %s | %d |\n", k, sm.LinksByKind[k])
	}
	if sm.NotYet > 0 || sm.Over > 0 {
		p("\nOn %s, %s in force, %s not yet (planned, or starting later) and %s over. The analysis below describes the links in force.\n",
			sm.Day, plural(sm.InForce, "link is", "links are"), plural(sm.NotYet, "is", "are"), plural(sm.Over, "is", "are"))
	}
	if len(r.Ended) > 0 {
		p("\n## What ended\n\n")
		p("%s ended before %s:\n\n", plural(len(r.Ended), "link", "links"), r.At)
		for i, l := range r.Ended {
			if i == 10 {
				p("- … and %d more.\n", len(r.Ended)-10)
				break
			}
			when := "its end date is not given"
			if !l.End.IsZero() {
				when = "ended " + l.End.String()
			}
			p("- %s — %s (%s): %s\n", mdText(name(l.From)), mdText(name(l.To)), l.Kind, when)
		}
	}

	c := r.Cohesion
	p("\n## How closely knit the network is\n\n")
	p("- **Density** %s: the share of all possible pairs of actors that are linked.\n", fmtNum(c.Density))
	if c.Components == 1 {
		p("- The network is in **one piece**: every actor can reach every other through links.\n")
	} else {
		p("- The network falls into **%d separate parts** (components); the largest holds %d actors. Actors in different parts cannot reach each other.\n", c.Components, c.LargestComponent)
	}
	p("- **Fragmentation** %s: the share of pairs of actors that cannot reach each other (0 when all can).\n", fmtNum(c.Fragmentation))
	if c.Sampled > 0 {
		p("- **Diameter** at least %s and **average distance** about %s within the largest part: the most, and the average number of links between two actors, estimated from %d actors drawn at random (seed %d).\n", fmtNum(analysis.Float(c.Diameter)), fmtNum(c.AverageShortestPath), c.Sampled, c.Seed)
	} else {
		p("- **Diameter** %s and **average distance** %s within the largest part: the most, and the average number of links between two actors.\n", fmtNum(analysis.Float(c.Diameter)), fmtNum(c.AverageShortestPath))
	}
	p("- **Clustering** %s (transitivity %s): how often two partners of an actor are partners of each other too.\n", fmtNum(c.AverageClustering), fmtNum(c.Transitivity))
	p("- **Degree centralisation** %s: 1 when one actor holds all the links (a star), 0 when all have as many.\n", fmtNum(c.Centralization))

	p("\n## Central actors\n\n")
	p("Ranked by **betweenness**, the share of shortest paths between other actors that pass through an actor: the actors that hold the network together. *Links* counts the actors each is linked to; *PageRank* weighs links from well-connected actors more.\n\n")
	if c.Sampled > 0 {
		p("With %d actors, betweenness is estimated from the shortest paths of %d actors drawn at random (Brandes and Pich; seed %d); each value is within ±%s of the exact one with 95%% confidence.\n\n", r.Summary.Actors, c.Sampled, c.Seed, fmtNum(c.Bound))
	}
	if len(r.Central) == 0 {
		p("No actor lies on the shortest paths between others: every actor is linked directly to all it can reach.\n")
	} else {
		p("| actor | kind | links | betweenness | PageRank |\n| --- | --- | ---: | ---: | ---: |\n")
	}
	for _, a := range r.Central {
		p("| %s | %s | %d | %s | %s |\n", mdCell(a.Name), a.Kind, a.Degree, fmtNum(a.Betweenness), fmtNum(a.PageRank))
	}

	p("\n## Bottlenecks: the problem points of cooperation\n\n")
	if len(r.CutPoints) == 0 {
		p("No single actor holds parts of the network together: each could leave without cutting anyone off.\n")
	} else {
		p("These actors are **articulation points**: without them, the network falls apart. Cooperation between the parts hangs on them.\n\n")
		for i, cp := range r.CutPoints {
			if i == mdItems && len(r.CutPoints) > mdItems+1 {
				p("- … and %d more, joining fewer pairs each (%s).\n", len(r.CutPoints)-mdItems, mdAll)
				break
			}
			var parts []string
			for k, pc := range cp.Pieces {
				if k == mdPieces && len(cp.Pieces) > mdPieces+1 {
					rest := 0
					for _, q := range cp.Pieces[k:] {
						rest += q.Size
					}
					parts = append(parts, fmt.Sprintf("%d smaller pieces of %s in all", len(cp.Pieces)-k, prose.Count(rest, "actor")))
					break
				}
				parts = append(parts, fmt.Sprintf("%s reached through %s (%s)", prose.Count(pc.Size, "actor"), name(pc.Contact), kindCounts(pc.Groups)))
			}
			p("- **%s** joins %s of actors that have no other way to each other. Without it, its part splits into: %s.\n", mdText(name(cp.ID)), prose.Count(int(cp.Separated), "pair"), mdText(strings.Join(parts, "; ")))
		}
	}
	if len(r.Bridges) > 0 {
		p("\n**Single ties** (bridges): links whose loss alone would split the network.\n\n")
		for i, br := range r.Bridges {
			if i == 10 {
				p("- … and %d more.\n", len(r.Bridges)-10)
				break
			}
			p("- %s — %s (%d and %d actors on either side)\n", mdText(name(br.From)), mdText(name(br.To)), br.FromSide, br.ToSide)
		}
	}

	p("\n## Brokers\n\n")
	p("**Constraint** (Burt) is low for actors whose partners are not linked to each other: they can broker between groups that would otherwise not meet. **Effective size** counts an actor's partners that are not redundant. *Brokered* counts the pairs of other actors it stands between (Gould and Fernandez, by kind).\n\n")
	p("| actor | kind | constraint | effective size | brokered |\n| --- | --- | ---: | ---: | ---: |\n")
	for _, br := range r.Brokers {
		p("| %s | %s | %s | %s | %s |\n", mdCell(br.Name), br.Kind, fmtNum(br.Constraint), fmtNum(br.EffectiveSize), fmtNum(br.Brokered))
	}

	p("\n## Communities\n\n")
	p("Groups of actors more linked among themselves than with the rest (Louvain method; modularity %s, where values above 0.3 mean clear groups).\n\n", fmtNum(c.Modularity))
	comms := r.Communities
	if len(comms) > mdItems+1 {
		// The largest, in the order of their numbers.
		comms = slices.Clone(comms)
		slices.SortStableFunc(comms, func(a, b ReportCommunity) int { return cmp.Compare(len(b.Members), len(a.Members)) })
		comms = comms[:mdItems]
		slices.SortFunc(comms, func(a, b ReportCommunity) int { return cmp.Compare(a.ID, b.ID) })
		p("The %d largest of the %d groups:\n\n", mdItems, len(r.Communities))
	}
	for _, cm := range comms {
		p("- **Group %d** (%s: %s): %s\n", cm.ID+1, prose.Count(len(cm.Members), "actor"), kindCounts(cm.Kinds), mdText(names(cm.Members)))
	}
	if len(comms) < len(r.Communities) {
		p("- … and %d smaller groups (%s).\n", len(r.Communities)-len(comms), mdAll)
	}

	if len(r.Funding) > 0 {
		p("\n## Funding\n\n")
		p("Who receives money, from whom, and where the money comes from at the start of the chain. Shares are given only when the source gives every amount.\n\n")
		for i, f := range r.Funding {
			if i == mdItems && len(r.Funding) > mdItems+1 {
				p("- … and %d more funded actors (%s).\n", len(r.Funding)-mdItems, mdAll)
				break
			}
			var srcs, origins []string
			for _, s := range f.Direct {
				srcs = append(srcs, name(s.ID)+share(s.Share))
			}
			for _, o := range f.Origins {
				origins = append(origins, name(o.ID)+share(o.Share))
			}
			line := fmt.Sprintf("- **%s** is funded by %s", mdText(name(f.ID)), mdText(strings.Join(srcs, ", ")))
			if len(origins) > 0 && !(len(origins) == len(srcs) && slices.Equal(origins, srcs)) {
				line += fmt.Sprintf("; the money comes from %s", mdText(strings.Join(origins, ", ")))
			}
			if f.SingleFunder {
				line += " — a single funder"
			}
			p("%s.\n", line)
		}
		var beyond []string
		for _, f := range r.Funding {
			for _, s := range f.Direct {
				if math.IsInf(float64(s.Amount), 0) {
					beyond = append(beyond, name(s.ID)+" to "+name(f.ID))
				}
			}
		}
		if len(beyond) > 0 {
			p("\nThe amounts from %s add up to more than a number can hold (about 1.8 × 10³⁰⁸): their sum is unknown (null in JSON), and the shares above are exact.\n", mdText(prose.And(beyond)))
		}
	}

	if len(r.Coverage.Served) > 0 {
		p("\n## Target groups served\n\n")
		groups := slices.Sorted(maps.Keys(r.Coverage.Served))
		if len(r.Coverage.ByRegion) > 1 {
			regions := slices.Sorted(maps.Keys(r.Coverage.ByRegion))
			p("Which target groups each region reaches (✓) and which it does not (–).\n\n| target group | %s |\n| --- |%s\n", strings.Join(mdCells(regions), " | "), strings.Repeat(" :---: |", len(regions)))
			for _, g := range groups {
				row := []string{}
				for _, reg := range regions {
					if len(r.Coverage.ByRegion[reg][g]) > 0 {
						row = append(row, "✓")
					} else {
						row = append(row, "–")
					}
				}
				p("| %s | %s |\n", mdCell(actor.TargetGroupLabel(g)), strings.Join(row, " | "))
			}
		} else {
			for _, g := range groups {
				p("- **%s**: %s\n", mdText(prose.Capitalize(actor.TargetGroupLabel(g))), mdText(names(r.Coverage.Served[g])))
			}
		}
	}

	p("\n## Gaps\n\n")
	if len(r.Gaps) == 0 {
		p("Against the reference model (%s), nothing is missing.\n", mdText(r.Model))
	} else {
		p("What a working regional labour market needs that this network lacks, compared with the reference model (%s), most serious first.\n\n", mdText(r.Model))
		// The findings of one rule and severity come together; past
		// mdPerRule of them, the rest of the run is counted.
		for i := 0; i < len(r.Gaps); i++ {
			g := r.Gaps[i]
			run := i
			for run > 0 && i-run < mdPerRule && sameRun(r.Gaps[run-1], g) {
				run--
			}
			if i-run == mdPerRule {
				j := i
				for j < len(r.Gaps) && sameRun(r.Gaps[j], g) {
					j++
				}
				if j-i > 1 {
					p("- … and %d more of these (%s severity; %s).\n", j-i, g.Severity, mdAll)
					i = j - 1
					continue
				}
			}
			p("- **%s** (%s severity): %s", mdText(g.Title), g.Severity, mdText(g.Explanation))
			if g.Reason != "" {
				p(" *Why it matters:* %s", mdText(g.Reason))
			}
			p("\n")
		}
	}

	p("\n## Recommendations\n\n")
	if r.Unanswered > 0 {
		first, verb := fmt.Sprintf("the first %d gaps", r.Answered), "get"
		if r.Answered == 1 {
			first = "the first gap"
		}
		if r.Unanswered == 1 {
			verb = "gets"
		}
		p("With %d actors, recommendations answer only %s they could, most serious first, as each is measured by analysing the whole changed network again: %s listed above %s none here.\n\n",
			r.Summary.Actors, first, plural(r.Unanswered, "further gap", "further gaps"), verb)
	}
	if len(r.Recommendations) == 0 {
		p("No change is proposed.\n")
	}
	for i, rec := range r.Recommendations {
		p("%d. %s\n", i+1, recommendationText(rec, name, title))
	}
	if len(r.Optimized) > 0 {
		p("\n## Optimised cooperation model\n\n")
		p("The links, among the relations the model expects between actors already present, that most reduce the bottlenecks, chosen one at a time:\n\n")
		for i, rec := range r.Optimized {
			l := rec.Links[0]
			p("%d. Link **%s** with **%s**.\n", i+1, mdText(name(l.From)), mdText(name(l.To)))
		}
		last := r.Optimized[len(r.Optimized)-1].Effect
		p("\nTogether: %s\n", effectText(last, name))
	}
	return b.Flush()
}

// effectText describes a measured effect: what gets better and what gets
// worse, each figure with its sign, and, when something gets worse, why the
// change is proposed all the same.
func effectText(e gap.Effect, name func(string) string) string {
	var better, worse []string
	names := func(ids []string) string {
		ns := make([]string, len(ids))
		for i, id := range ids {
			ns[i] = name(id)
		}
		return strings.Join(ns, "; ")
	}
	switch {
	case e.NewlyConnected > 0:
		better = append(better, fmt.Sprintf("%s can reach each other (+%d)", plural64(e.NewlyConnected, "more pair of actors", "more pairs of actors"), e.NewlyConnected))
	case e.NewlyConnected < 0:
		worse = append(worse, fmt.Sprintf("%s can reach each other (%d)", plural64(-e.NewlyConnected, "pair of actors fewer", "pairs of actors fewer"), e.NewlyConnected))
	}
	if len(e.Relieved) > 0 {
		better = append(better, "no longer a bottleneck: "+names(e.Relieved))
	}
	if len(e.NewCutPoints) > 0 {
		worse = append(worse, "becomes a bottleneck: "+names(e.NewCutPoints))
	}
	switch d := e.Dependent.Change(); {
	case d < 0:
		better = append(better, fmt.Sprintf("pairs depending on a single actor %d → %d (%d)", e.Dependent.Before, e.Dependent.After, d))
	case d > 0:
		worse = append(worse, fmt.Sprintf("pairs depending on a single actor %d → %d (+%d)", e.Dependent.Before, e.Dependent.After, d))
	}
	if len(e.Closed) > 0 {
		better = append(better, "closes "+plural(len(e.Closed), "gap", "gaps"))
	}
	if len(e.Opened) > 0 {
		worse = append(worse, "opens "+plural(len(e.Opened), "gap", "gaps"))
	}
	var parts []string
	if len(better) > 0 {
		parts = append(parts, "Better: "+strings.Join(better, "; ")+".")
	}
	if len(worse) > 0 {
		parts = append(parts, "Worse: "+strings.Join(worse, "; ")+".")
	}
	if len(parts) == 0 {
		return "*(Effect: no change in the bottlenecks.)*"
	}
	return "*(Effect. " + mdText(strings.Join(parts, " ")) + ")*"
}

// recommendationText is a recommendation with its effect and, when the
// effect makes something worse, why it is proposed all the same.
func recommendationText(rec gap.Recommendation, name func(string) string, title func(gap.Key) string) string {
	text := mdText(rec.Explanation) + " " + effectText(rec.Effect, name)
	worse := rec.Effect.NewlyConnected < 0 || len(rec.Effect.NewCutPoints) > 0 || rec.Effect.Dependent.Change() > 0 || len(rec.Effect.Opened) > 0
	if worse && len(rec.Addresses) > 0 {
		gaps := make([]string, len(rec.Addresses))
		for i, k := range rec.Addresses {
			gaps[i] = "“" + mdText(title(k)) + "”"
		}
		text += fmt.Sprintf(" It is proposed all the same: it closes the gap %s, of %s severity.", strings.Join(gaps, ", "), rec.Severity)
	}
	return text
}

// The Markdown report lists at most mdItems cut points, communities and
// funded actors, mdPerRule findings of one gap rule and severity, mdPieces
// pieces of one cut point and mdNames names in one line, and counts the
// rest (one item left over is listed rather than counted); the JSON report
// holds them all.
const (
	mdItems   = 25
	mdPerRule = 10
	mdPieces  = 6
	mdNames   = 20
	mdAll     = "the JSON report, `--format json`, lists them all"
)

// sameRun reports whether two findings are of the same rule and severity.
func sameRun(a, b gap.Finding) bool { return a.Rule == b.Rule && a.Severity == b.Severity }

// plural writes a count with the singular or the plural form that follows
// it: "1 link is", "3 links are".
func plural(k int, one, many string) string {
	if k == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", k, many)
}

func plural64(k int64, one, many string) string { return plural(int(k), one, many) }

func kindCounts(m map[string]int) string {
	var s []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		label := "other"
		if kind, err := actor.ParseKind(k); err == nil && k != "" {
			label = kind.Noun()
		}
		s = append(s, prose.Count(m[k], label))
	}
	return strings.Join(s, ", ")
}

func share(f analysis.Float) string {
	if f.IsNaN() {
		return ""
	}
	return fmt.Sprintf(" (%.0f%%)", 100*f)
}

func orUnknown(s string) string {
	if s == "" {
		return "an unknown date"
	}
	return s
}

// fmtNum rounds a figure for reading: integers as they are, others to three
// significant digits; NaN as "n/a".
func fmtNum(f analysis.Float) string {
	x := float64(f)
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return "n/a"
	case x == math.Trunc(x) && math.Abs(x) < 1e12:
		return strconv.FormatFloat(x, 'f', 0, 64)
	case math.Abs(x) >= 100:
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strconv.FormatFloat(x, 'g', 3, 64)
}

// mdText escapes the characters Markdown would read as formatting.
func mdText(s string) string {
	return strings.NewReplacer("\\", "\\\\", "*", "\\*", "_", "\\_", "`", "\\`", "<", "&lt;", ">", "&gt;", "\n", " ").Replace(s)
}

// mdCell escapes text for a table cell.
func mdCell(s string) string { return strings.ReplaceAll(mdText(s), "|", "\\|") }

func mdCells(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = mdCell(s)
	}
	return out
}
