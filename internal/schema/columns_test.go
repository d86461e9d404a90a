package schema

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/fileerr"
	"github.com/labournet/labournet/network"
)

type headerLog struct{ problems, warnings []string }

func (l *headerLog) report() HeaderReport {
	return HeaderReport{
		Problem: func(i int, path string, err error) {
			if !errors.Is(err, fileerr.ErrFormat) {
				l.problems = append(l.problems, "not ErrFormat: "+err.Error())
			}
			l.problems = append(l.problems, fmt.Sprintf("%d %s: %v", i, path, err))
		},
		Warn: func(i int, path, msg string) { l.warnings = append(l.warnings, fmt.Sprintf("%d %s: %s", i, path, msg)) },
	}
}

func TestMatchHeader(t *testing.T) {
	var log headerLog
	header := []string{"source", "to", "", "attrs.region", "Kind", "weigth", "attrs.", "ATTRS.region", "kind", "bad"}
	shown := slices.Clone(header)
	shown[0] = " source "
	skip := make([]bool, len(header))
	skip[9] = true
	c := MatchHeader(Link, header, shown, skip, log.report())

	if c.Set[0] == nil || c.Required[0] == nil {
		t.Errorf("column 0 (alias source) does not set the required field from")
	}
	var l network.Link
	if _, err := c.Cell(&l, func(l *network.Link) *map[string]string { return &l.Attrs }, 0, "a"); err != nil || l.From != "a" {
		t.Errorf("Cell(source) set From %q, err %v", l.From, err)
	}
	if !c.Blank[2] || c.Set[2] != nil || c.Attr[2] != "" {
		t.Errorf("column 2 (blank) = set %v, attr %q, blank %v", c.Set[2] != nil, c.Attr[2], c.Blank[2])
	}
	if c.Attr[3] != "region" || c.Attr[5] != "weigth" {
		t.Errorf("attribute columns = %q, %q; want region, weigth", c.Attr[3], c.Attr[5])
	}
	if c.Set[9] != nil || c.Attr[9] != "" || c.Blank[9] {
		t.Errorf("skipped column 9 was matched")
	}
	format := fileerr.ErrFormat.Error() + ": "
	wantProblems := []string{
		`6 attrs.: ` + format + `column "attrs." names no attribute`,
		`7 ATTRS.region: ` + format + `column "ATTRS.region" repeats column "attrs.region"`,
		`8 kind: ` + format + `column "kind" repeats column "Kind"`,
	}
	for _, w := range wantProblems {
		if !slices.ContainsFunc(log.problems, func(p string) bool { return strings.Contains(p, w) }) {
			t.Errorf("no problem %q in %q", w, log.problems)
		}
	}
	if len(log.problems) != len(wantProblems) {
		t.Errorf("problems = %q, want %d", log.problems, len(wantProblems))
	}
	if len(log.warnings) != 1 || !strings.Contains(log.warnings[0], `5 weigth: column "weigth" names no field`) || !strings.Contains(log.warnings[0], `did you mean "weight"?`) {
		t.Errorf("warnings = %q, want one for weigth suggesting weight", log.warnings)
	}

	log = headerLog{}
	MatchHeader(Link, []string{"to", "to"}, []string{"to", "to"}, nil, log.report())
	if len(log.problems) != 3 || !strings.HasPrefix(log.problems[0], `1 to: `+format+`column "to" appears twice`) ||
		!strings.HasPrefix(log.problems[1], `-1 from: `+format+`missing required column "from" (or `) || !strings.HasPrefix(log.problems[2], `-1 kind: `+format+`missing required column "kind"`) {
		t.Errorf("problems = %q, want a repeated to, then from and kind missing", log.problems)
	}
}

func TestCellList(t *testing.T) {
	var log headerLog
	h := []string{"id", "targetGroups", "note"}
	c := MatchHeader(Actor, h, h, nil, log.report())
	var a actor.Actor
	attrs := func(a *actor.Actor) *map[string]string { return &a.Attrs }
	for i, cell := range []string{"x", "youth, women", "n"} {
		warning, err := c.Cell(&a, attrs, i, cell)
		if err != nil {
			t.Fatalf("Cell(%d, %q): %v", i, cell, err)
		}
		if (warning != "") != (i == 1) {
			t.Errorf("Cell(%d, %q) warning = %q; want one only for the comma list", i, cell, warning)
		}
	}
	if a.ID != "x" || !slices.Equal(a.TargetGroups, []string{"youth, women"}) || a.Attrs["note"] != "n" {
		t.Errorf("actor = %+v; want id x, one target group \"youth, women\", attribute note n", a)
	}
}
