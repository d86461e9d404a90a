package eu

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// legalForms are the legal-form words that end organisation names, in the
// form normalName leaves them (lower case, no accents, points dropped,
// other punctuation a space): "GmbH", "s.r.o.", "Sp. z o.o.", "EOOD",
// "Ltd" and their kin across Europe. normalName drops them from the end of
// a name, one after another ("GmbH & Co. KG").
var legalForms = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range []string{
		// German-speaking countries
		"gmbh", "ggmbh", "ag", "kg", "ohg", "ug", "ev", "eg", "gbr", "mbh", "co kg", "gmbh co kg", "kgaa", "se",
		// Czechia, Slovakia
		"sro", "spol s ro", "as", "vos", "ks", "zs", "zu", "ops", "zspo",
		// Poland
		"sp z oo", "spzoo", "sa", "sp j", "sp k", "spj", "spk",
		// Bulgaria
		"eood", "ood", "ead", "ad", "et",
		// English-speaking
		"ltd", "limited", "plc", "llp", "lp", "llc", "inc", "corp", "cic", "clg",
		// Romance languages
		"srl", "sl", "sau", "slu", "sas", "sarl", "sasu", "snc", "spa", "sapa", "lda", "scarl", "scrl", "coop",
		// Benelux, Nordics, Baltics, Balkans, Hungary
		"bv", "nv", "vzw", "asbl", "cv", "cvba", "bvba", "oy", "oyj", "ab", "aps", "asa", "hf", "ehf",
		"ou", "uab", "sia", "doo", "dd", "kft", "zrt", "nyrt", "bt", "ik",
		// Greece, Cyprus
		"ae", "epe", "ike",
	} {
		m[f] = true
	}
	return m
}()

// normalName returns the form in which organisation names are compared:
// lower case, accents dropped ("Á" is "a"), points and apostrophes
// dropped ("s.r.o." is "sro"), other punctuation a space, spaces
// collapsed, and legal-form words dropped from the end (see legalForms;
// "z. s." is "zs" as "z.s." is).
// Two names with the same normal form in the same country are taken to
// name one organisation.
func normalName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '.', r == '\'', r == '’':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(foldLetter(r)))
		default:
			space = true
		}
	}
	words := strings.Fields(b.String())
	for len(words) > 1 {
		cut := 0
		for k := min(4, len(words)-1); k >= 1; k-- {
			tail := words[len(words)-k:]
			if legalForms[strings.Join(tail, " ")] || legalForms[strings.Join(tail, "")] {
				cut = k
				break
			}
		}
		if cut == 0 {
			break
		}
		words = words[:len(words)-cut]
	}
	return strings.Join(words, " ")
}

// foldLetter maps the letters that NFD does not decompose to their base
// letter: "ł" is "l", "ø" is "o", "ß" is "s", "đ" is "d".
func foldLetter(r rune) rune {
	switch r {
	case 'ł', 'Ł':
		return 'l'
	case 'ø', 'Ø':
		return 'o'
	case 'ß':
		return 's'
	case 'đ', 'Đ':
		return 'd'
	case 'æ', 'Æ':
		return 'a'
	case 'œ', 'Œ':
		return 'o'
	case 'ı':
		return 'i'
	}
	return r
}

// normalVAT returns a VAT number without spaces, points, dashes and
// slashes, in upper case: "CZ 123.456.789" is "CZ123456789". Greek numbers
// written "EL…" and "GR…" are one.
func normalVAT(s string) string {
	v := strings.ToUpper(strings.Map(func(r rune) rune {
		switch r {
		case ' ', '.', '-', '/', '\u00a0':
			return -1
		}
		return r
	}, s))
	if rest, ok := strings.CutPrefix(v, "GR"); ok {
		v = "EL" + rest
	}
	return v
}

// slug returns s as a part of an ID: lower case letters and digits of its
// normal form, joined by "-", with "+" read as "plus" ("ESF+" is
// "esf-plus", apart from "ESF").
func slug(s string) string {
	return strings.ReplaceAll(normalName(strings.ReplaceAll(s, "+", " plus ")), " ", "-")
}
