package render

import (
	"bufio"
	"cmp"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"math"
	"slices"
	"time"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/analysis/bottleneck"
	"github.com/labournet/labournet/analysis/centrality"
	"github.com/labournet/labournet/analysis/gap"
	"github.com/labournet/labournet/network"
)

// The page, its script and its style, embedded so that the map needs no file
// and no server beside it.
var (
	//go:embed html/page.html
	htmlPage string
	//go:embed html/map.js
	htmlScript string
	//go:embed html/map.css
	htmlStyle string

	htmlTemplate = template.Must(template.New("page.html").Parse(htmlPage))
)

// The world coordinates of the HTML map: the layout's unit square is
// stretched over this plot, and the page fits the plot to the window.
const (
	htmlPlotW = 1000.0
	htmlPlotH = 760.0
	// htmlExactBetweenness is the largest network whose betweenness the map
	// computes exactly; above it, it is estimated from htmlSources sources.
	htmlExactBetweenness = 5000
	htmlSources          = 500
	// htmlMaxLabels is the number of labels shown at once when
	// Options.MaxLabels is 0; zooming in shows others.
	htmlMaxLabels = 150
)

// HTML writes n as an interactive map: one self-contained HTML page, with
// its data (as JSON), script and style inline, that works offline and asks
// no server for anything. The map is an SVG drawn by the page's own small
// script, starting from the layout that SVG uses (seeded by opt.Seed), in
// the same visual language (see Style and StyleOf).
//
// The reader can pan (drag) and zoom (wheel, buttons); search actors by part
// of their name, ignoring case and accents; show or hide actor and link
// kinds; move a date slider to see the links in force on a day (the rule of
// network.Link.PhaseOn, computed here as each link's first and last day);
// and point at or click an actor to see its details, the evidence of its
// links and its measures: degree, betweenness (NetworkX's normalisation;
// estimated from 500 sources above 5,000 actors), whether it is a cut
// point, and the gaps (package gap, with the model gap.ChooseModel picks)
// that name it. A checkbox marks bottlenecks: opt.Highlight's cut points and
// bridges when it gives any (the box then starts ticked), else the ones
// found here; opt.Highlight.Central draws actors larger, as in SVG.
//
// The measures describe one day: the network's AsOf; without it, the last
// day its dates mention; without dates, any day, since only statuses then
// decide (see network.Link.PhaseOn). This keeps the output deterministic:
// the same network and options give the same bytes, whatever the day it is
// written. The slider spans the dates present, from the day before the
// earliest to the day after the latest, and starts on AsOf, or on "all
// dates" without it.
//
// It takes the time of betweenness, O(N·E), and of gap.Gaps. The page is
// meant for maps of up to a few thousand actors: it draws every one, and
// labels at most opt.MaxLabels (0 means 150) at once, the most central
// first, where they overlap nothing.
func HTML(w io.Writer, n *network.Network, opt Options) error {
	d, err := mapDataOf(n, opt)
	if err != nil {
		return err
	}
	data, err := json.Marshal(d) // escapes <, > and &: safe inside <script>
	if err != nil {
		return fmt.Errorf("render: HTML data: %w", err)
	}
	b := bufio.NewWriter(w)
	err = htmlTemplate.Execute(b, struct {
		Title  string
		Style  template.CSS
		Script template.JS
		Data   template.JS
	}{d.Title, template.CSS(htmlStyle), template.JS(htmlScript), template.JS(data)})
	if err != nil {
		return fmt.Errorf("render: HTML: %w", err)
	}
	return b.Flush()
}

// mapLayout places the actors of the HTML map in the unit square. It is the
// one place the map calls the package's layout, so that a new layout
// algorithm reaches the map through it.
func mapLayout(s *network.Snapshot, seed uint64) []point { return layout(s, seed) }

// mapData is everything the page's script draws, as it goes into the page's
// JSON block. Actors are in ID order and are referred to by index; links are
// in the network's order.
type mapData struct {
	Title     string        `json:"title"`
	Width     float64       `json:"width"`
	Height    float64       `json:"height"`
	Actors    []mapActor    `json:"actors"`
	Links     []mapLink     `json:"links"`
	Kinds     []mapKind     `json:"kinds"`
	LinkKinds []mapLinkKind `json:"linkKinds"`
	Gaps      []mapGap      `json:"gaps"`
	Model     string        `json:"model,omitempty"`
	// MeasuredOn is the day the measures describe, empty when the network
	// has no date (any day gives the same measures).
	MeasuredOn string `json:"measuredOn,omitempty"`
	// Days is the date slider, nil when neither a link nor the network has
	// a date.
	Days *mapDays `json:"days,omitempty"`
	// Highlight ticks the bottleneck box from the start.
	Highlight bool `json:"highlight"`
	// MaxLabels bounds the labels shown at once.
	MaxLabels int `json:"maxLabels"`
}

// mapDays is the range of the date slider, in days since 1970-01-01.
type mapDays struct {
	Min     int  `json:"min"`
	Max     int  `json:"max"`
	Default *int `json:"default"` // AsOf; null starts on "all dates"
}

type mapActor struct {
	ID           string            `json:"id"`
	Name         string            `json:"name,omitempty"`
	Label        string            `json:"label"`
	Kind         string            `json:"kind"`
	Level        string            `json:"level,omitempty"`
	Country      string            `json:"country,omitempty"`
	Region       string            `json:"region,omitempty"`
	Aggregate    bool              `json:"aggregate,omitempty"`
	Count        int               `json:"count,omitempty"`
	Sectors      []string          `json:"sectors,omitempty"`
	TargetGroups []string          `json:"targetGroups,omitempty"`
	Skills       []string          `json:"skills,omitempty"`
	Themes       []string          `json:"themes,omitempty"`
	Attrs        map[string]string `json:"attrs,omitempty"`
	X            float64           `json:"x"`
	Y            float64           `json:"y"`
	R            float64           `json:"r"`
	// Degree is the number of actors linked to this one on the measured
	// day; Betweenness and Cut are measured on the same day.
	Degree      int            `json:"degree"`
	Betweenness analysis.Float `json:"betweenness"`
	Cut         bool           `json:"cut,omitempty"`
	// Mark draws the actor as a bottleneck when the box is ticked.
	Mark bool `json:"mark,omitempty"`
	// Central is opt.Highlight.Central's score, if any.
	Central float64 `json:"central,omitempty"`
	// Gaps are indices into mapData.Gaps.
	Gaps []int `json:"gaps,omitempty"`
}

type mapLink struct {
	ID   string `json:"id,omitempty"`
	From int    `json:"from"` // index into mapData.Actors
	To   int    `json:"to"`
	Kind string `json:"kind"`
	// First and Last are the first and last days the link is in force,
	// absent when open; Never marks a link in force on no day.
	First        *int              `json:"first,omitempty"`
	Last         *int              `json:"last,omitempty"`
	Never        bool              `json:"never,omitempty"`
	Role         string            `json:"role,omitempty"`
	Label        string            `json:"label,omitempty"`
	Status       string            `json:"status,omitempty"`
	Start        string            `json:"start,omitempty"`
	End          string            `json:"end,omitempty"`
	Money        string            `json:"money,omitempty"`
	Cadence      string            `json:"cadence,omitempty"`
	Weight       float64           `json:"weight,omitempty"`
	TargetGroups []string          `json:"targetGroups,omitempty"`
	Evidence     string            `json:"evidence,omitempty"`
	Attrs        map[string]string `json:"attrs,omitempty"`
	Color        string            `json:"color"`
	Width        float64           `json:"width"`
	Dash         string            `json:"dash,omitempty"` // "dashed" (planned) or "dotted" (ended)
	Arrow        bool              `json:"arrow,omitempty"`
	// Bridge draws the link as a bottleneck when the box is ticked.
	Bridge bool `json:"bridge,omitempty"`
}

type mapKind struct {
	Kind  string `json:"kind"`
	Shape string `json:"shape"`
	Fill  string `json:"fill"`
	Count int    `json:"count"`
}

type mapLinkKind struct {
	Kind  string `json:"kind"`
	Color string `json:"color"`
	Arrow bool   `json:"arrow,omitempty"`
	Count int    `json:"count"`
}

type mapGap struct {
	Rule        string `json:"rule"`
	Title       string `json:"title"`
	Severity    string `json:"severity"`
	Explanation string `json:"explanation"`
}

// mapDataOf computes the map of n: positions, styles, periods and measures.
func mapDataOf(n *network.Network, opt Options) (*mapData, error) {
	s := n.Snapshot()
	N := s.N()
	pos := mapLayout(s, opt.Seed)
	hl := opt.Highlight
	d := &mapData{
		Title: title(n, opt), Width: htmlPlotW, Height: htmlPlotH,
		Actors: make([]mapActor, N), Links: []mapLink{}, Kinds: []mapKind{}, LinkKinds: []mapLinkKind{}, Gaps: []mapGap{},
		MaxLabels: cmp.Or(opt.MaxLabels, htmlMaxLabels),
	}

	// Time: the slider's range and the day of the measures.
	var lo, hi network.Date
	widen := func(day network.Date) {
		if lo.IsZero() || day.Before(lo) {
			lo = day
		}
		if hi.IsZero() || hi.Before(day) {
			hi = day
		}
	}
	for _, l := range n.Links() {
		if !l.Start.IsZero() {
			widen(l.Start.First())
		}
		if !l.End.IsZero() {
			widen(l.End.Last())
		}
	}
	measured := hi // the last day the dates mention
	if !n.AsOf.IsZero() {
		widen(n.AsOf.First())
		measured = n.AsOf.First()
	}
	if !lo.IsZero() {
		d.Days = &mapDays{Min: dayNumber(lo) - 1, Max: dayNumber(hi) + 1}
		if !n.AsOf.IsZero() {
			v := dayNumber(n.AsOf.First())
			d.Days.Default = &v
		}
		d.MeasuredOn = measured.String()
	} else {
		measured = n.Day(network.Date{}) // no dates: every day is alike
	}

	// Measures on the network in force that day.
	ms := n.InForce(measured).Snapshot()
	var btw analysis.Ranking
	var err error
	if ms.N() <= htmlExactBetweenness {
		btw, err = centrality.Betweenness(context.Background(), ms, centrality.BetweennessOptions{})
	} else {
		btw, err = centrality.ApproxBetweenness(context.Background(), ms, htmlSources, opt.Seed, centrality.BetweennessOptions{})
	}
	if err != nil {
		return nil, fmt.Errorf("render: HTML: %w", err)
	}
	btwOf := map[string]analysis.Float{}
	for _, sc := range btw {
		btwOf[sc.ID] = sc.Value
	}
	cut := map[string]bool{}
	var cuts []string
	for _, c := range bottleneck.ArticulationPoints(ms, bottleneck.CutOptions{}) {
		cut[c.ID] = true
		cuts = append(cuts, c.ID)
	}
	var bridges [][2]string
	for _, b := range bottleneck.Bridges(ms) {
		bridges = append(bridges, [2]string{b.From, b.To})
	}
	marks := Highlight{CutPoints: cuts, Bridges: bridges}
	if len(hl.CutPoints) > 0 || len(hl.Bridges) > 0 {
		marks = Highlight{CutPoints: hl.CutPoints, Bridges: hl.Bridges}
		d.Highlight = true
	}
	gapsOf := map[string][]int{}
	if m, _ := gap.ChooseModel(n, measured); m != nil {
		d.Model = m.Name
		for gi, f := range gap.Gaps(n, m, gap.GapOptions{At: measured}) {
			d.Gaps = append(d.Gaps, mapGap{Rule: f.Rule.String(), Title: f.Title, Severity: f.Severity.String(), Explanation: f.Explanation})
			for _, id := range f.Actors {
				gapsOf[id] = append(gapsOf[id], gi)
			}
		}
	}

	// Actors.
	maxScore := 0.0
	for _, v := range hl.Central {
		maxScore = max(maxScore, v)
	}
	kindCount := map[actor.Kind]int{}
	for i := range N {
		a := s.Actor(i)
		kindCount[a.Kind]++
		r := 6 + 1.6*math.Sqrt(float64(s.Degree(i)))
		if N > 150 {
			r = 3 + math.Sqrt(float64(s.Degree(i)))
		}
		v, central := hl.Central[a.ID]
		if central && maxScore > 0 {
			r += 10 * v / maxScore
		}
		ma := mapActor{
			ID: a.ID, Name: a.Name, Label: label(a), Kind: a.Kind.String(), Level: a.Level.String(),
			Country: a.Country, Region: a.Region, Aggregate: a.IsAggregate(), Count: a.Count,
			Sectors: a.Sectors, TargetGroups: a.TargetGroups, Skills: a.Skills, Themes: a.Themes, Attrs: a.Attrs,
			X: round1(pos[i].x * htmlPlotW), Y: round1(pos[i].y * htmlPlotH), R: round1(r),
			Betweenness: analysis.NaN(), Cut: cut[a.ID], Mark: slices.Contains(marks.CutPoints, a.ID),
			Gaps: gapsOf[a.ID],
		}
		if central {
			ma.Central = v
		}
		if j, ok := ms.Index(a.ID); ok {
			ma.Degree = ms.Degree(j)
		}
		if b, ok := btwOf[a.ID]; ok {
			ma.Betweenness = b
		}
		d.Actors[i] = ma
	}
	for _, k := range usedKinds(n.Actors()) {
		st := Style(k)
		d.Kinds = append(d.Kinds, mapKind{Kind: k.String(), Shape: st.Shape, Fill: st.Fill, Count: kindCount[k]})
	}

	// Links.
	linkCount := map[network.LinkKind]int{}
	for _, l := range n.Links() {
		linkCount[l.Kind]++
		i, _ := s.Index(l.From)
		j, _ := s.Index(l.To)
		st := StyleOf(l)
		ml := mapLink{
			ID: l.ID, From: i, To: j, Kind: l.Kind.String(), Role: l.Role, Label: l.Label, Status: l.Status.String(),
			Start: l.Start.String(), End: l.End.String(), Cadence: l.Cadence.String(), Weight: l.Weight,
			TargetGroups: l.TargetGroups, Evidence: l.Evidence, Attrs: l.Attrs,
			Color: st.Color, Width: st.Width, Arrow: st.Arrow, Bridge: marks.isBridge(l.From, l.To),
		}
		ml.First, ml.Last, ml.Never = period(l)
		if l.Money != nil {
			ml.Money = l.Money.String()
		}
		switch {
		case st.Dashed:
			ml.Dash = "dashed"
		case st.Dotted:
			ml.Dash = "dotted"
		}
		d.Links = append(d.Links, ml)
	}
	for _, k := range usedLinkKinds(n.Links()) {
		st := StyleOf(network.Link{Kind: k})
		d.LinkKinds = append(d.LinkKinds, mapLinkKind{Kind: k.String(), Color: st.Color, Arrow: st.Arrow, Count: linkCount[k]})
	}
	return d, nil
}

// period returns the days a link is in force, by the rule of
// network.Link.PhaseOn: from the first day its start covers to the last day
// its end covers (nil for an open end), or never when its status rules out
// every day (planned without a start, ended without an end). On any day D,
//
//	l.InForce(D)  ⇔  !never ∧ (first = nil ∨ first ≤ D) ∧ (last = nil ∨ D ≤ last)
//
// with days counted from 1970-01-01.
func period(l network.Link) (first, last *int, never bool) {
	if (l.Status == network.Planned && l.Start.IsZero()) || (l.Status == network.Ended && l.End.IsZero()) {
		never = true
	}
	if !l.Start.IsZero() {
		v := dayNumber(l.Start.First())
		first = &v
	}
	if !l.End.IsZero() {
		v := dayNumber(l.End.Last())
		last = &v
	}
	return first, last, never
}

// dayNumber returns the days from 1970-01-01 to the full date d.
func dayNumber(d network.Date) int {
	return int(time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }
