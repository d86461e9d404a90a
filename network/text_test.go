package network

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
)

func TestLinkValidationRejectsForbiddenCharacters(t *testing.T) {
	chars := map[string]string{"U+FFFE": "\uFFFE", "U+FFFF": "\uFFFF", "U+FDEF": "\uFDEF", "NUL": "\x00", "BEL": "\x07", "DEL": "\x7f", "U+009B": "\u009b", "invalid UTF-8": "\xc3"}
	links := map[string]func(c string) Link{
		"id":           func(c string) Link { return Link{ID: "l" + c, From: "a", To: "b"} },
		"role":         func(c string) Link { return Link{From: "a", To: "b", Role: "r" + c} },
		"label":        func(c string) Link { return Link{From: "a", To: "b", Label: "l" + c} },
		"evidence":     func(c string) Link { return Link{From: "a", To: "b", Evidence: "e" + c} },
		"targetGroups": func(c string) Link { return Link{From: "a", To: "b", TargetGroups: []string{"youth", "g" + c}} },
		"attrs.k":      func(c string) Link { return Link{From: "a", To: "b", Attrs: map[string]string{"k": "v" + c}} },
		"attrs.k\x01":  func(c string) Link { return Link{From: "a", To: "b", Attrs: map[string]string{"k\x01": "v"}} },
	}
	for what, c := range chars {
		for field, mk := range links {
			_, err := Build("x", testActors, []Link{mk(c)})
			require.ErrorIs(t, err, actor.ErrInvalidText, "%s in %s", what, field)
			var le *LinkError
			require.True(t, errors.As(err, &le))
			require.Equal(t, field, le.Field, what)
		}
	}
	// Free text may span lines; IDs, roles and list values may not.
	for field, ok := range map[string]bool{"id": false, "role": false, "label": true, "evidence": true, "targetGroups": false, "attrs.k": true} {
		_, err := Build("x", testActors, []Link{links[field]("\r\n\tx")})
		if ok {
			require.NoError(t, err, field)
		} else {
			require.ErrorIs(t, err, actor.ErrInvalidText, field)
		}
	}
}

func TestNetworkCheckText(t *testing.T) {
	n := New("Pact\nof the region\t2024")
	n.Description = "line\r\nline"
	n.Attrs = map[string]string{"source": "a\nb"}
	require.NoError(t, n.CheckText())
	n.Name = "Pact \uFFFF"
	n.Description = "\x00"
	n.Attrs = map[string]string{"k\n": "v", "ok": "\uFFFE"}
	err := n.CheckText()
	require.ErrorIs(t, err, actor.ErrInvalidText)
	for _, want := range []string{`network name "Pact \uffff": invalid text: noncharacter U+FFFF`, `network description "\x00"`, `network attrs.k`, `network attrs.ok "\ufffe"`} {
		require.ErrorContains(t, err, want)
	}
}
