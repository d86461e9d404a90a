package actor

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
)

// forbidden are characters no text may hold, with why.
var forbidden = map[string]string{
	"U+FFFE":        "\uFFFE",
	"U+FFFF":        "\uFFFF",
	"U+FDD0":        "\uFDD0",
	"U+1FFFF":       "\U0001FFFF",
	"NUL":           "\x00",
	"ESC":           "\x1b",
	"DEL":           "\x7f",
	"NEL (C1)":      "\u0085",
	"invalid UTF-8": "\xff",
}

// fieldsOf returns an actor with v in the field named.
func fieldsOf(field, v string) Actor {
	a := Actor{ID: "a", Kind: Body}
	switch field {
	case "id":
		a.ID = "a" + v
	case "name":
		a.Name = "n" + v
	case "country":
		a.Country = "C" + v
	case "region":
		a.Region = "r" + v
	case "sectors":
		a.Sectors = []string{"s" + v}
	case "targetGroups":
		a.TargetGroups = []string{"youth", "g" + v}
	case "skills":
		a.Skills = []string{"s" + v}
	case "themes":
		a.Themes = []string{"t" + v}
	case "attrs":
		a.Attrs = map[string]string{"k" + v: "x"}
	case "attrs.k":
		a.Attrs = map[string]string{"k": "x" + v}
	}
	return a
}

var textFields = []string{"id", "name", "country", "region", "sectors", "targetGroups", "skills", "themes", "attrs", "attrs.k"}

func TestValidateRejectsForbiddenCharacters(t *testing.T) {
	for what, c := range forbidden {
		for _, field := range textFields {
			err := fieldsOf(field, c).Validate()
			require.ErrorIs(t, err, ErrInvalidText, "%s in %s", what, field)
			var fe *FieldError
			require.True(t, errors.As(err, &fe), "%s in %s", what, field)
			require.Equal(t, field, fe.Field, "%s", what)
		}
	}
}

func TestValidateLineBreaksAndTabs(t *testing.T) {
	// Free text may hold tabs and line breaks; identifiers, list values and
	// attribute names may not.
	multi := map[string]bool{"name": true, "region": true, "attrs.k": true}
	for _, c := range []string{"\n", "\r", "\r\n"} {
		for _, field := range textFields {
			err := fieldsOf(field, c).Validate()
			if multi[field] {
				require.NoError(t, err, "%q in %s", c, field)
				continue
			}
			require.ErrorIs(t, err, ErrInvalidText, "%q in %s", c, field)
		}
	}
	for _, field := range textFields {
		err := fieldsOf(field, "\tx").Validate()
		if field == "id" {
			require.ErrorIs(t, err, ErrInvalidText)
			continue
		}
		if field == "country" {
			require.ErrorIs(t, err, ErrCountry)
			continue
		}
		require.NoError(t, err, "tab in %s", field)
	}
}

func TestCheckText(t *testing.T) {
	require.NoError(t, CheckText("Дирекция „Бюро по труда“ – Враца \uFFFD 🙂", false))
	require.EqualError(t, CheckText("ab\uFFFE", false), "invalid text: noncharacter U+FFFE at byte 3 (XML cannot hold it)")
	require.EqualError(t, CheckText("a\x01", true), "invalid text: control character U+0001 at byte 2")
	require.EqualError(t, CheckText("a\xffb", true), "invalid text: invalid UTF-8 at byte 2")
	require.EqualError(t, CheckText("a\nb", false), "invalid text: line break at byte 2")
	require.EqualError(t, CheckID("a\tb"), "invalid text: tab at byte 2: an ID may not hold control characters")
}
