package render

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/network"
)

// dataBlock returns the JSON block of an HTML map.
var dataBlock = regexp.MustCompile(`(?s)<script type="application/json" id="map-data">(.*?)</script>`)

func mapOf(t *testing.T, page []byte) mapData {
	t.Helper()
	m := dataBlock.FindSubmatch(page)
	require.NotNil(t, m, "the page has its data block")
	var d mapData
	require.NoError(t, json.Unmarshal(m[1], &d))
	return d
}

func cases(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../examples/*/*.json")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 4)
	return files
}

// remote finds a reference to another server in a page: an src or href
// attribute, a CSS url() or an @import that is not local (a data: URL, a
// fragment).
var remote = regexp.MustCompile(`(?i)(\b(src|href|action|poster|srcset)\s*=\s*["']?\s*|url\(\s*["']?\s*|@import\s+["']?)(https?:|//|ftp:|ws:|wss:)`)

// TestHTMLCases draws each reference case: the data block holds every
// actor and link, and nothing in the page asks a server for anything.
func TestHTMLCases(t *testing.T) {
	for _, f := range cases(t) {
		n, err := encoding.Load(f)
		require.NoError(t, err)
		var b bytes.Buffer
		require.NoError(t, HTML(&b, n, Options{Seed: 1}))
		page := b.Bytes()
		d := mapOf(t, page)
		var ids []string
		for _, a := range d.Actors {
			ids = append(ids, a.ID)
		}
		require.ElementsMatch(t, n.Snapshot().IDs(), ids, "%s: every actor in the data", f)
		require.Len(t, d.Links, n.NumLinks(), f)
		for _, a := range d.Actors {
			require.True(t, a.X >= 0 && a.X <= htmlPlotW && a.Y >= 0 && a.Y <= htmlPlotH, "%s: %s placed on the plot", f, a.ID)
		}
		require.False(t, remote.Match(page), "%s: a remote reference: %s", f, remote.Find(page))
		// Outside the data (whose evidence may cite web pages), no URL at all.
		rest := dataBlock.ReplaceAll(page, nil)
		require.NotContains(t, string(rest), "http://", f)
		require.NotContains(t, string(rest), "https://", f)
		require.Contains(t, string(rest), "<script>", f)
		require.Contains(t, string(rest), "<style>", f)
	}
}

func TestHTMLRemoteCheck(t *testing.T) {
	for _, bad := range []string{
		`<script src="https://cdn.example.org/d3.js">`, `<link rel=stylesheet href=http://x/y.css>`,
		`<img src='//example.org/a.png'>`, `background: url("https://x/y.png")`, `@import "http://x/y.css";`,
	} {
		require.True(t, remote.MatchString(bad), bad)
	}
	for _, good := range []string{`<link rel="icon" href="data:,">`, `<a href="#map">`, `url(#arrow-0)`} {
		require.False(t, remote.MatchString(good), good)
	}
}

// TestHTMLDeterministic: the same network and options give the same bytes,
// also from a network loaded afresh.
func TestHTMLDeterministic(t *testing.T) {
	for _, f := range cases(t) {
		var pages [][]byte
		for range 2 {
			n, err := encoding.Load(f)
			require.NoError(t, err)
			var b bytes.Buffer
			require.NoError(t, HTML(&b, n, Options{Seed: 7}))
			pages = append(pages, b.Bytes())
		}
		require.True(t, bytes.Equal(pages[0], pages[1]), "%s: two maps differ", f)
	}
}

// TestHTMLEscapes puts markup in names, attributes and the title: none of it
// closes the script, and all of it comes back intact from the data.
func TestHTMLEscapes(t *testing.T) {
	evil := `</script><script>alert(1)</script><!--`
	n, err := network.Build(`Pact </title><script>alert(2)</script>`, []actor.Actor{
		{ID: "a", Name: evil, Kind: actor.Employer, Attrs: map[string]string{"note": "</SCRIPT >\u2028&amp;"}},
		{ID: "b", Name: "Firm <A> & Sons", Kind: actor.School},
	}, []network.Link{{From: "a", To: "b", Kind: network.Cooperation, Evidence: "</script>"}})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, HTML(&b, n, Options{}))
	page := b.String()
	require.Equal(t, 2, strings.Count(strings.ToLower(page), "</script"), "only the two scripts' own ends")
	require.Equal(t, 2, strings.Count(strings.ToLower(page), "<script"), "only the two scripts")
	require.NotContains(t, page, "<!--")
	require.Contains(t, page, "<title>Pact &lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;</title>")
	d := mapOf(t, b.Bytes())
	require.Equal(t, evil, d.Actors[0].Name)
	require.Equal(t, "</SCRIPT >\u2028&amp;", d.Actors[0].Attrs["note"])
	require.Equal(t, "</script>", d.Links[0].Evidence)
}

// TestPeriod checks the map's rule of time against network.Link.InForce on
// the days around every bound: partial dates cover their whole year or
// month, and the status decides only where dates are silent.
func TestPeriod(t *testing.T) {
	dates := []string{"", "2012", "2012-09", "2012-09-15", "2013-02", "2014"}
	statuses := []network.Status{network.StatusUnknown, network.Active, network.Planned, network.Ended}
	var days []network.Date
	for d := time.Date(2011, 12, 25, 0, 0, 0, 0, time.UTC); d.Before(time.Date(2015, 1, 10, 0, 0, 0, 0, time.UTC)); d = d.AddDate(0, 0, 1) {
		days = append(days, network.DateOf(d))
	}
	for _, st := range statuses {
		for _, s := range dates {
			for _, e := range dates {
				l := network.Link{From: "a", To: "b", Status: st, Start: date(s), End: date(e)}
				first, last, never := period(l)
				for _, d := range days {
					day := dayNumber(d)
					got := !never && (first == nil || *first <= day) && (last == nil || day <= *last)
					require.Equal(t, l.InForce(d), got, "status %q, %q to %q, on %s", st, s, e, d)
				}
			}
		}
	}
	require.Equal(t, 0, dayNumber(network.MustParseDate("1970-01-01")))
	require.Equal(t, -1, dayNumber(network.MustParseDate("1969-12-31")))
}

func date(s string) network.Date { return network.MustParseDate(s) }

// TestHTMLData checks what the page is given: the measures of a path a–b–c
// with a planned link c–d (b is the cut point; the bridges), the slider and
// its default, and the highlight.
func TestHTMLData(t *testing.T) {
	build := func(asOf string) *network.Network {
		n, err := network.Build("path", []actor.Actor{
			{ID: "a", Name: "Alpha", Kind: actor.Employer},
			{ID: "b", Name: "Beta", Kind: actor.LabourOffice},
			{ID: "c", Name: "Gamma", Kind: actor.School},
			{ID: "d", Name: "Delta", Kind: actor.School},
		}, []network.Link{
			{From: "a", To: "b", Kind: network.Cooperation, Start: date("2012-09")},
			{From: "b", To: "c", Kind: network.Service, End: date("2014")},
			{From: "c", To: "d", Kind: network.Partnership, Status: network.Planned},
		})
		require.NoError(t, err)
		n.AsOf = date(asOf)
		return n
	}
	byID := func(d *mapData) map[string]mapActor {
		m := map[string]mapActor{}
		for _, a := range d.Actors {
			m[a.ID] = a
		}
		return m
	}

	d, err := mapDataOf(build("2013-05-02"), Options{})
	require.NoError(t, err)
	require.Equal(t, "2013-05-02", d.MeasuredOn)
	require.NotNil(t, d.Days)
	require.Equal(t, dayNumber(date("2012-09-01"))-1, d.Days.Min)
	require.Equal(t, dayNumber(date("2014-12-31"))+1, d.Days.Max)
	require.NotNil(t, d.Days.Default)
	require.Equal(t, dayNumber(date("2013-05-02")), *d.Days.Default)
	as := byID(d)
	require.True(t, as["b"].Cut)
	require.Equal(t, 2, as["b"].Degree)
	require.InDelta(t, 1.0/3, float64(as["b"].Betweenness), 1e-9, "b lies between a and c: 1 of the 3 pairs of the others")
	require.Zero(t, as["d"].Degree, "the planned link is not in force")
	require.True(t, as["b"].Mark, "without a highlight, the computed cut points are marked")
	require.False(t, d.Highlight)
	require.Equal(t, []bool{true, true, false}, []bool{d.Links[0].Bridge, d.Links[1].Bridge, d.Links[2].Bridge})
	require.True(t, d.Links[2].Never)
	require.Equal(t, "dashed", d.Links[2].Dash)
	require.NotEmpty(t, d.Gaps)
	require.NotEmpty(t, d.Model)

	// Without AsOf: measured on the last day the dates mention; the slider
	// starts on "all dates".
	d, err = mapDataOf(build(""), Options{})
	require.NoError(t, err)
	require.Equal(t, "2014-12-31", d.MeasuredOn)
	require.Nil(t, d.Days.Default)

	// A highlight replaces the computed marks and ticks the box; central
	// actors are drawn larger.
	d, err = mapDataOf(build(""), Options{Highlight: Highlight{CutPoints: []string{"c"}, Bridges: [][2]string{{"d", "c"}}, Central: map[string]float64{"a": 1}}})
	require.NoError(t, err)
	require.True(t, d.Highlight)
	as = byID(d)
	require.True(t, as["c"].Mark)
	require.False(t, as["b"].Mark)
	require.True(t, as["b"].Cut, "the panel still says what the measures find")
	require.Equal(t, []bool{false, false, true}, []bool{d.Links[0].Bridge, d.Links[1].Bridge, d.Links[2].Bridge})
	require.Greater(t, as["a"].R, as["c"].R)
	require.Equal(t, 1.0, as["a"].Central)
}

// TestHTMLUndated: a network without any date has no slider and no day of
// measure, and an empty network still gives a page.
func TestHTMLUndated(t *testing.T) {
	n, err := encoding.Load("../examples/liberec/liberec.json")
	require.NoError(t, err)
	d, err := mapDataOf(n, Options{})
	require.NoError(t, err)
	require.Nil(t, d.Days)
	require.Empty(t, d.MeasuredOn)

	var b bytes.Buffer
	require.NoError(t, HTML(&b, network.New("empty"), Options{}))
	e := mapOf(t, b.Bytes())
	require.Empty(t, e.Actors)
	require.NotNil(t, e.Actors, "an empty list, not null, for the script")
	require.NotNil(t, e.Links)
}
