package render_test

import (
	"bytes"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/render"
)

// TestEveryActorLabelled draws each reference case and checks that every
// actor has its label: a case has far fewer actors than the labelling limit,
// and a label that finds no free place takes the least crowded one rather
// than being left out.
func TestEveryActorLabelled(t *testing.T) {
	files, err := filepath.Glob("../examples/*/*.json")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 4)
	labels := regexp.MustCompile(`(?s)<g id="labels">(.*?)</g>`)
	for _, f := range files {
		n, err := encoding.Load(f)
		require.NoError(t, err)
		var b bytes.Buffer
		require.NoError(t, render.SVG(&b, n, render.Options{Seed: 1, Title: n.Name}))
		m := labels.FindSubmatch(b.Bytes())
		require.NotNil(t, m, f)
		require.Equal(t, n.NumActors(), bytes.Count(m[1], []byte("<text ")), "%s: one label per actor", f)
	}
}
