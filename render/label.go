package render

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Label text: the width per line and the number of lines of a wrapped
// actor name.
const (
	labelWrap     = 26 // characters per line, at most
	labelMaxLines = 6  // lines per label; what goes beyond is shortened with "…"
)

// arialWidths are the advance widths of the printable ASCII characters in
// Arial / Helvetica / Liberation Sans, in thousandths of an em, from
// U+0020 to U+007E.
var arialWidths = [95]uint16{
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
	1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
	333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
	556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p to ~
}

// textSafety widens every estimate, so that a fallback font somewhat
// wider than Arial (DejaVu Sans is about 10 % wider) still fits its box.
const textSafety = 1.12

// textWidth estimates the width of s set in a sans-serif font of size
// px: Arial's advance widths for ASCII; for letters beyond (accented
// Latin, Cyrillic, Greek) the width of a wide lower-case letter, or of a
// capital for upper case; full width for East Asian scripts. The estimate
// errs on the wide side (textSafety). O(len(s)).
func textWidth(s string, px float64) float64 {
	em := 0.0
	for _, r := range s {
		switch {
		case r >= 0x20 && r <= 0x7E:
			em += float64(arialWidths[r-0x20]) / 1000
		case r == '…' || r == '—' || r == '„' || r == '“' || r == '”':
			em += 1.0
		case r == '–' || r == '’' || r == '‘':
			em += 0.556
		case unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r):
			em += 1.0
		case unicode.IsUpper(r):
			em += 0.75
		case r == 'ш' || r == 'щ' || r == 'ж' || r == 'ю' || r == 'ы' || r == 'м' || r == 'ф':
			em += 0.8
		default:
			em += 0.6
		}
	}
	return em * px * textSafety
}

// wrapText breaks s into lines of at most width characters at spaces (a
// word longer than width is cut into pieces), at most maxLines of them; the
// text that does not fit is dropped and the last line ends with "…". Line
// breaks in s count as spaces. O(len(s)).
func wrapText(s string, width, maxLines int) []string {
	words := strings.Fields(s)
	var lines []string
	cur := ""
	flush := func() {
		if cur != "" {
			lines = append(lines, cur)
			cur = ""
		}
	}
	for _, w := range words {
		for utf8.RuneCountInString(w) > width {
			// Cut a long word, keeping what fits on the current line.
			room := width
			if cur != "" {
				room = width - utf8.RuneCountInString(cur) - 1
				if room < 4 {
					flush()
					room = width
				}
			}
			r := []rune(w)
			head := string(r[:room])
			if cur != "" {
				cur += " " + head
			} else {
				cur = head
			}
			flush()
			w = string(r[room:])
		}
		switch {
		case cur == "":
			cur = w
		case utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(w) <= width:
			cur += " " + w
		default:
			flush()
			cur = w
		}
	}
	flush()
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		last := []rune(lines[maxLines-1])
		if len(last) >= width {
			last = last[:width-1]
		}
		lines[maxLines-1] = strings.TrimRight(string(last), " ,;:–-") + "…"
	}
	return lines
}
