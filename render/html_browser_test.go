package render_test

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/network"
	"github.com/labournet/labournet/render"
)

// browser returns the path of a Chromium or Chrome binary, or "".
func browser() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// eval runs a JavaScript expression in the page and returns its value.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	require.NoError(t, err, expr)
	return v
}

// js quotes s as a JavaScript string.
func js(s string) string { return strconv.Quote(s) }

// asciiFold takes the accents off the letters of the reference cases, so that
// the search is tried with text the reader types on a plain keyboard.
var asciiFold = strings.NewReplacer(
	"á", "a", "č", "c", "ď", "d", "é", "e", "ě", "e", "í", "i", "ň", "n", "ó", "o", "ř", "r",
	"š", "s", "ť", "t", "ú", "u", "ů", "u", "ý", "y", "ž", "z", "ł", "l", "ą", "a", "ę", "e",
	"ś", "s", "ć", "c", "ń", "n", "ź", "z", "ż", "z",
)

// TestHTMLInBrowser opens the map of each reference case in a headless
// Chromium and uses it as a reader would: every actor is drawn; the search
// finds an actor by part of its name (in capitals, without accents) and
// brings it into view; unticking a kind hides its actors and ticking it
// shows them again; the date slider shows the links in force on a day (the
// count agrees with network.Link.InForce) and "all dates" shows them all;
// reset, the zoom button, the wheel and a drag move the view as they
// should; the bottleneck box draws cut points and bridges in red; pointing
// at an actor and clicking it open its panel with its name; and the page
// logs no error. A screenshot of each case goes to $LABOURNET_SCREENSHOTS,
// or to a temporary directory.
func TestHTMLInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("opens a browser; skipped with -short")
	}
	bin := browser()
	if bin == "" {
		t.Skip("no chromium, chromium-browser or google-chrome on PATH")
	}
	shots := os.Getenv("LABOURNET_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	require.NoError(t, os.MkdirAll(shots, 0o755))
	files, err := filepath.Glob("../examples/*/*.json")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 4)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.Headless, chromedp.DisableGPU,
		chromedp.WindowSize(1400, 1000),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	_, err = chromedp.Run(browserCtx, chromedp.Evaluate[int](`1`)) // starts the browser
	require.NoError(t, err)

	sliders, sliderMoves := 0, false // cases with a slider; one whose links change with the day
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		t.Run(name, func(t *testing.T) {
			n, err := encoding.Load(f)
			require.NoError(t, err)
			var page bytes.Buffer
			require.NoError(t, render.HTML(&page, n, render.Options{Seed: 1}))
			path := filepath.Join(t.TempDir(), name+".html")
			require.NoError(t, os.WriteFile(path, page.Bytes(), 0o644))

			tab, cancelTab := chromedp.NewContext(browserCtx)
			defer cancelTab()
			ctx, cancel := context.WithTimeout(tab, 90*time.Second)
			defer cancel()
			_, err = chromedp.Run(tab, chromedp.Evaluate[int](`1`)) // opens the tab
			require.NoError(t, err)

			// Gather the console's messages while the test runs.
			var mu sync.Mutex
			var problems []string
			msgs := chromedp.Console(ctx)
			done := make(chan struct{})
			go func() {
				defer close(done)
				for m, err := range msgs {
					if err != nil {
						return
					}
					mu.Lock()
					if m.Type == chromedp.ConsoleError || m.IsException() {
						problems = append(problems, m.String())
					} else {
						t.Logf("console: %s", m)
					}
					mu.Unlock()
				}
			}()
			defer func() { cancel(); <-done }() // no Logf after the test ends

			require.NoError(t, chromedp.Do(ctx,
				chromedp.Navigate((&url.URL{Scheme: "file", Path: path}).String()),
				chromedp.WaitReady(chromedp.CSS(`#map[data-ready="true"]`)),
			))

			// Every actor is drawn, and shown.
			require.Equal(t, n.NumActors(), eval[int](t, ctx, `document.querySelectorAll('#nodes .node').length`), "nodes drawn")
			shown := `[...document.querySelectorAll('#nodes .node')].filter(e => getComputedStyle(e).display !== 'none').length`
			require.Equal(t, n.NumActors(), eval[int](t, ctx, shown), "nodes shown")
			linksShown := func() int {
				t.Helper()
				v, err := strconv.Atoi(eval[string](t, ctx, `document.getElementById('link-count').dataset.count`))
				require.NoError(t, err)
				return v
			}

			// The search finds an actor by part of its name.
			var target, query string
			for _, a := range n.Actors() {
				r := []rune(a.Name)
				if len(r) >= 8 {
					target, query = a.ID, strings.ToUpper(asciiFold.Replace(strings.ToLower(string(r[1:7]))))
					break
				}
			}
			require.NotEmpty(t, target, "an actor with a name of 8 letters or more")
			require.NoError(t, chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("search"), query)))
			found := eval[[]string](t, ctx, `[...document.querySelectorAll('#matches button')].map(b => b.dataset.id)`)
			require.Contains(t, found, target, "search for %q", query)
			require.True(t, eval[bool](t, ctx, `document.querySelector('#nodes .node[data-id=' + CSS.escape(`+js(target)+`) + ']').classList.contains('match')`))
			// The matches are centred: the target is inside the map's area.
			inside := eval[bool](t, ctx, `(() => {
				const m = document.getElementById('map').getBoundingClientRect();
				const r = document.querySelector('#nodes .node[data-id=' + CSS.escape(`+js(target)+`) + ']').getBoundingClientRect();
				return r.left >= m.left && r.right <= m.right && r.top >= m.top && r.bottom <= m.bottom;
			})()`)
			require.True(t, inside, "a match is in view")
			eval[bool](t, ctx, `(() => { const s = document.getElementById('search'); s.value = ''; s.dispatchEvent(new Event('input')); return true; })()`)
			require.Zero(t, eval[int](t, ctx, `document.querySelectorAll('#nodes .node.match').length`))

			// Unticking a kind hides its actors; ticking it shows them again.
			a0 := n.Actors()[0]
			kind := a0.Kind.String()
			ofKind := 0
			for _, a := range n.Actors() {
				if a.Kind == a0.Kind {
					ofKind++
				}
			}
			before := linksShown()
			require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.ID("kind-"+kind))))
			require.Equal(t, n.NumActors()-ofKind, eval[int](t, ctx, shown), "actors shown without %s", kind)
			require.Zero(t, eval[int](t, ctx, `[...document.querySelectorAll('#nodes .node[data-kind=`+js(kind)+`]')].filter(e => getComputedStyle(e).display !== 'none').length`))
			require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.ID("kind-"+kind))))
			require.Equal(t, n.NumActors(), eval[int](t, ctx, shown), "actors shown with %s again", kind)
			require.Equal(t, before, linksShown())

			// The date slider shows the links in force on the day.
			if eval[bool](t, ctx, `!document.getElementById('date-controls').hidden`) {
				lo := eval[int](t, ctx, `Number(document.getElementById('day').min)`)
				hi := eval[int](t, ctx, `Number(document.getElementById('day').max)`)
				sliders++
				counts := map[int]bool{}
				for _, day := range []int{lo, (lo + hi) / 2, hi} {
					eval[bool](t, ctx, fmt.Sprintf(`(() => { const s = document.getElementById('day'); s.value = %d; s.dispatchEvent(new Event('input')); return true; })()`, day))
					d := network.DateOf(time.Unix(int64(day)*86400, 0).UTC())
					want := 0
					for _, l := range n.Links() {
						if l.InForce(d) {
							want++
						}
					}
					require.Equal(t, want, linksShown(), "links shown on %s", d)
					require.Contains(t, eval[string](t, ctx, `document.getElementById('day-out').textContent`), d.String())
					counts[want] = true
				}
				if len(counts) > 1 {
					sliderMoves = true
				}
				require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.ID("all-dates"))))
				require.Equal(t, n.NumLinks(), linksShown(), "all dates")
				if !n.AsOf.IsZero() { // back to the as-of day for the picture
					d := n.AsOf.First()
					day := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC).Unix() / 86400
					eval[bool](t, ctx, fmt.Sprintf(`(() => { const s = document.getElementById('day'); s.value = %d; s.dispatchEvent(new Event('input')); return true; })()`, day))
					require.Contains(t, eval[string](t, ctx, `document.getElementById('day-out').textContent`), d.String())
				}
			}

			// The reset button shows the whole network again.
			reset := func() {
				t.Helper()
				require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.ID("zoom-reset"))))
			}
			reset()
			allInside := eval[bool](t, ctx, `(() => {
				const m = document.getElementById('map').getBoundingClientRect();
				return [...document.querySelectorAll('#nodes .node')].every(g => {
					const r = g.getBoundingClientRect();
					return r.left >= m.left && r.right <= m.right && r.top >= m.top && r.bottom <= m.bottom;
				});
			})()`)
			require.True(t, allInside, "every actor in view after reset")

			// Zoom (button and wheel) spreads the actors; a drag on the
			// background moves them all.
			if n.NumActors() >= 2 {
				centres := func() []float64 {
					t.Helper()
					return eval[[]float64](t, ctx, `(() => {
						const c = g => { const r = g.querySelector('.shape').getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; };
						const ns = document.querySelectorAll('#nodes .node');
						return [...c(ns[0]), ...c(ns[1])];
					})()`)
				}
				spread := func(c []float64) float64 { return math.Hypot(c[2]-c[0], c[3]-c[1]) }
				c0 := centres()
				require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.ID("zoom-in"))))
				c1 := centres()
				require.InDelta(t, 1.4, spread(c1)/spread(c0), 0.02, "zoom in")
				wheel := func(p *input.DispatchMouseEventParams) { p.DeltaX, p.DeltaY = 0.01, -200 } // a zero DeltaX is left out, and Chrome wants both
				q := eval[[]float64](t, ctx, `(() => { const m = document.getElementById('map').getBoundingClientRect(); return [m.left + 200, m.top + 300]; })()`)
				require.NoError(t, chromedp.Do(ctx, chromedp.MouseEvent(chromedp.MouseWheel, q[0], q[1], wheel)))
				c2 := centres()
				f := spread(c2) / spread(c1)
				require.Greater(t, f, 1.1, "wheel zoom")
				require.InDelta(t, q[0]+(c1[0]-q[0])*f, c2[0], 0.5, "the wheel zooms about the pointer")
				require.InDelta(t, q[1]+(c1[1]-q[1])*f, c2[1], 0.5, "the wheel zooms about the pointer")
				free := eval[[]float64](t, ctx, `(() => {
					const m = document.getElementById('map').getBoundingClientRect();
					for (let y = m.top + 20; y < m.bottom - 60; y += 17)
						for (let x = m.left + 60; x < m.right - 400; x += 23)
							if (document.elementFromPoint(x, y) === document.getElementById('map')) return [x, y];
					return [];
				})()`)
				require.Len(t, free, 2, "a free point on the background")
				require.NoError(t, chromedp.Do(ctx,
					chromedp.MouseEvent(chromedp.MousePressed, free[0], free[1], chromedp.ButtonLeft),
					chromedp.MouseEvent(chromedp.MouseMoved, free[0]+30, free[1]+10, chromedp.ButtonLeft),
					chromedp.MouseEvent(chromedp.MouseMoved, free[0]+60, free[1]+25, chromedp.ButtonLeft),
					chromedp.MouseEvent(chromedp.MouseReleased, free[0]+60, free[1]+25, chromedp.ButtonLeft),
				))
				c3 := centres()
				require.InDelta(t, c2[0]+60, c3[0], 0.5, "drag pans")
				require.InDelta(t, c2[1]+25, c3[1], 0.5, "drag pans")
				reset()
			}

			// The bottleneck box draws cut points and bridges in red.
			require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.ID("bottlenecks"))))
			red := eval[[]int](t, ctx, `(() => {
				const red = e => getComputedStyle(e).stroke === 'rgb(208, 0, 0)';
				const cuts = [...document.querySelectorAll('#nodes .node.mark .shape')];
				const bridges = [...document.querySelectorAll('#links .link.bridge')];
				return [cuts.length, cuts.filter(red).length, bridges.length, bridges.filter(red).length,
					document.querySelectorAll('#nodes .node:not(.mark) .shape').length - [...document.querySelectorAll('#nodes .node:not(.mark) .shape')].filter(e => !red(e)).length];
			})()`)
			require.Equal(t, red[0], red[1], "cut points in red")
			require.Equal(t, red[2], red[3], "bridges in red")
			require.Zero(t, red[4], "other actors not in red")
			require.Positive(t, red[0]+red[2], "something is a bottleneck")

			// Clicking an actor opens its panel with its name: the first
			// actor whose middle the mouse reaches (no other node covers it).
			pick := eval[[]float64](t, ctx, `(() => {
				const nodes = [...document.querySelectorAll('#nodes .node')];
				for (const g of nodes) {
					const r = g.querySelector('.shape').getBoundingClientRect();
					const x = r.left + r.width / 2, y = r.top + r.height / 2;
					const hit = document.elementFromPoint(x, y);
					if (hit && hit.closest('.node') === g) return [nodes.indexOf(g), x, y];
				}
				return [-1, 0, 0];
			})()`)
			require.GreaterOrEqual(t, pick[0], 0.0, "an actor the mouse can reach")
			id := eval[string](t, ctx, fmt.Sprintf(`document.querySelectorAll('#nodes .node')[%d].dataset.id`, int(pick[0])))
			// Pointing at it shows its panel; leaving it hides the panel.
			require.NoError(t, chromedp.Do(ctx, chromedp.MouseEvent(chromedp.MouseMoved, pick[1], pick[2])))
			require.Equal(t, id, eval[string](t, ctx, `document.getElementById('panel').dataset.id || ''`), "panel on hover")
			require.NoError(t, chromedp.Do(ctx, chromedp.MouseEvent(chromedp.MouseMoved, 5, 5))) // over the controls
			require.Eventually(t, func() bool {
				hidden, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById('panel').hidden`))
				return err == nil && hidden
			}, 5*time.Second, 50*time.Millisecond, "panel hidden when the pointer leaves")
			require.NoError(t, chromedp.Do(ctx, chromedp.MouseClickXY(pick[1], pick[2])))
			require.False(t, eval[bool](t, ctx, `document.getElementById('panel').hidden`), "panel open")
			require.Equal(t, id, eval[string](t, ctx, `document.getElementById('panel').dataset.id`))
			a, _ := n.Actor(id)
			heading := eval[string](t, ctx, `document.querySelector('#panel .name').textContent`)
			require.Contains(t, heading, a.Label())
			require.Contains(t, eval[string](t, ctx, `document.getElementById('panel').textContent`), "betweenness")

			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(filepath.Join(shots, name+"-map.png"), png, 0o644))

			eval[int](t, ctx, `1`) // the console's events before this answer are in
			cancel()
			<-done
			mu.Lock()
			defer mu.Unlock()
			require.Empty(t, problems, "console errors")
		})
	}
	if sliders > 0 { // not when -run picks only undated cases
		require.True(t, sliderMoves, "in some case the date slider changes the links shown")
	}
}
