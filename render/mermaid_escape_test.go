package render

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/network"
)

// hostile are names that would break a Mermaid diagram written as it is.
var hostile = []string{
	`Pact: 2024`, `a: b # c`, `"quoted"`, `'single'`, `[bracket]`, `{brace}`, `(paren)`, `#35; #quot;`,
	"line\nbreak", "cr\r\nlf", "tab\there", "`backtick`", "a|b", "<b>bold</b> & &amp;", "-- dash", `\back\slash`,
	"%% comment", "end", "null", "- item", "? key", "---", "\u2028sep", "Дирекция „Бюро по труда“",
}

var (
	mermaidCode = regexp.MustCompile(`#(\w+);`)
	nodeLine    = regexp.MustCompile(`^  n\d+(\(\[|\[|\{\{|\{|\(\(|\[/)"([^"|` + "`" + `<>&\n]*(?:<br/>[^"|` + "`" + `<>&\n]*)*)"(\]\)|\]|\}\}|\}|\)\)|\\\])$`)
	edgeLine    = regexp.MustCompile(`^  n\d+ (---|-->|-\.-|-\.->)\|"([^"|` + "`" + `<>&\n]*(?:<br/>[^"|` + "`" + `<>&\n]*)*)"\| n\d+$`)
)

// unMermaid reads a label back as Mermaid shows it.
func unMermaid(s string) string {
	s = strings.ReplaceAll(s, "<br/>", "\n")
	return mermaidCode.ReplaceAllStringFunc(s, func(c string) string {
		name := c[1 : len(c)-1]
		switch name {
		case "quot":
			return `"`
		case "lt":
			return "<"
		case "gt":
			return ">"
		case "amp":
			return "&"
		}
		n, err := strconv.Atoi(name)
		if err != nil {
			return "?" + c
		}
		return string(rune(n))
	})
}

// unYAML reads a front-matter scalar as written by yamlString: plain, or
// double-quoted with backslash escapes.
func unYAML(t *testing.T, s string) string {
	t.Helper()
	if !strings.HasPrefix(s, `"`) {
		require.True(t, yamlPlain(s), "plain scalar %q", s)
		return s
	}
	require.True(t, strings.HasSuffix(s, `"`) && len(s) >= 2, "quoted scalar %q", s)
	body := s[1 : len(s)-1]
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		c := body[i]
		require.NotEqual(t, byte('"'), c, "unescaped quote in %q", s)
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		switch body[i] {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case '\\', '"':
			b.WriteByte(body[i])
		case 'u', 'U':
			w := 4
			if body[i] == 'U' {
				w = 8
			}
			r, err := strconv.ParseUint(body[i+1:i+1+w], 16, 32)
			require.NoError(t, err)
			b.WriteRune(rune(r))
			i += w
		default:
			t.Fatalf("unknown escape in %q", s)
		}
	}
	return b.String()
}

func TestMermaidEscapesHostileText(t *testing.T) {
	for _, name := range hostile {
		n, err := network.Build(name, []actor.Actor{
			{ID: "a", Name: name, Kind: actor.Body},
			{ID: "b", Name: "plain", Kind: actor.Fund},
		}, []network.Link{{From: "a", To: "b", Kind: network.Cooperation, Label: name}})
		require.NoError(t, err, "%q", name)
		var buf bytes.Buffer
		require.NoError(t, Mermaid(&buf, n, Options{}))
		lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
		require.Equal(t, "---", lines[0], "%q", name)
		title, ok := strings.CutPrefix(lines[1], "title: ")
		require.True(t, ok, "%q: %q", name, lines[1])
		require.Equal(t, name, unYAML(t, title), "title")
		require.Equal(t, "---", lines[2], "%q", name)
		require.Equal(t, "flowchart LR", lines[3], "%q", name)
		var labels []string
		for _, l := range lines[4:] {
			if m := nodeLine.FindStringSubmatch(l); m != nil {
				labels = append(labels, unMermaid(m[2]))
				continue
			}
			if m := edgeLine.FindStringSubmatch(l); m != nil {
				labels = append(labels, unMermaid(m[2]))
				continue
			}
			require.Regexp(t, `^  (classDef|class|style) [\w,]+ [\w:#,;-]+$`, l, "%q", name)
		}
		want := strings.NewReplacer("\r\n", "\n", "\t", " ", "\u2028", " ").Replace(name)
		require.Equal(t, []string{want, "plain", "cooperation: " + want}, labels, "%q", name)
	}
}

func TestYAMLString(t *testing.T) {
	for in, want := range map[string]string{
		"Liberec Region Employment Pact": "Liberec Region Employment Pact",
		"Пакт за заетост, Враца":         "Пакт за заетост, Враца",
		"Pact: 2024":        `"Pact: 2024"`,
		"a\nb\tc\\d\"e":     `"a\nb\tc\\d\"e"`,
		"null":              `"null"`,
		"2024":              `"2024"`,
		"":                  `""`,
		"x\u2028\U000E0001": `"x\u2028\U000E0001"`,
	} {
		require.Equal(t, want, yamlString(in), "%q", in)
	}
}
