package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestCleanAndQuote(t *testing.T) {
	require.Equal(t, `"abc"`, quote("abc"))
	long := strings.Repeat("x", 5000)
	require.Equal(t, `"`+strings.Repeat("x", cutQuoted)+`"… (5,000 characters)`, quote(long))
	require.Equal(t, `"a\x1b[31m"`, quote("a\x1b[31m"))
	// clean escapes what is outside quotes and re-quotes what is inside.
	for in, want := range map[string]string{
		"plain text":                     "plain text",
		"bad \x1b[2J screen":             `bad \x1b[2J screen`,
		"bidi \u202eevil":                `bidi \u202eevil`,
		"invalid \xff byte":              `invalid \xff byte`,
		`kind "` + long + `" is unknown`: `kind "` + strings.Repeat("x", cutQuoted) + `"… (5,000 characters) is unknown`,
		"two\nlines\tand a tab":          "two\nlines\tand a tab",
		`unterminated "quote`:            `unterminated "quote`,
	} {
		require.Equal(t, want, clean(in), "%q", in)
	}
	require.Contains(t, clean(strings.Repeat("y", 3000)), "… (message cut, 3,000 characters)")
	require.Equal(t, `a\ab`, text("a\ab"))
	require.Equal(t, "Liberecký kraj", text("Liberecký kraj"))
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -20000: "-20,000"} {
		require.Equal(t, want, thousands(n))
	}
}

// TestHostileInput: identifiers from the input are quoted, control and
// formatting characters escaped and long values cut in every message, so
// that no escape sequence reaches the terminal.
func TestHostileInput(t *testing.T) {
	long := strings.Repeat("z", 3000)
	path := filepath.Join(t.TempDir(), "hostile.json")
	require.NoError(t, os.WriteFile(path, []byte(`{"format": "labournet/1", "actors": [
  {"id": "red\u001b[31m", "kind": "employer"},
  {"id": "ok", "kind": "emp\u202eloyer"},
  {"id": "ok2", "kind": "employer", "level": "`+long+`"}],
 "links": [{"from": "ok", "to": "\u001b]0;title\u0007", "kind": "cooperation"}]}`), 0o644))
	code, out, errOut := runCLI("validate", path)
	require.Equal(t, 1, code)
	require.Empty(t, out)
	require.NotContains(t, errOut, "\x1b")
	require.NotContains(t, errOut, "\a")
	require.NotContains(t, errOut, "\u202e")
	require.Contains(t, errOut, `"red\x1b[31m"`)
	require.Contains(t, errOut, `"emp\u202eloyer"`)
	require.Contains(t, errOut, `… (3,000 characters)`)
	require.Contains(t, errOut, `("ok" -> "\x1b]0;title\a")`)
	require.NotContains(t, errOut, long)
	// The JSON of validate has the values whole, escaped as JSON escapes them.
	code, out, _ = runCLI("validate", path, "--format", "json")
	require.Equal(t, 1, code)
	require.Contains(t, out, long)
	require.NotContains(t, out, "\x1b")
}

// TestProblemLimit: after --max-problems problems (100) the rest are
// counted, not printed.
func TestProblemLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"format": "labournet/1", "actors": [`)
	for i := range 250 {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"id": "a%d", "kind": "employer", "country": "UK"}`, i)
	}
	b.WriteString("]}")
	path := filepath.Join(t.TempDir(), "many.json")
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	code, _, errOut := runCLI("validate", path)
	require.Equal(t, 1, code)
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	require.Len(t, lines, 102)
	require.Equal(t, "... and 150 more, not shown", lines[100])
	require.Equal(t, "250 problems found", lines[101])
	_, _, errOut = runCLI("validate", path, "--max-problems", "0")
	require.Len(t, strings.Split(strings.TrimSpace(errOut), "\n"), 251)
	_, _, errOut = runCLI("--max-problems=3", "validate", path)
	require.Len(t, strings.Split(strings.TrimSpace(errOut), "\n"), 5)
	code, out, _ := runCLI("validate", path, "--format", "json")
	require.Equal(t, 1, code)
	require.Equal(t, 250, strings.Count(out, `"suggestion": "GB"`), "the JSON lists every problem")
}

// TestPlainErrors: problems with files are told in plain words.
func TestPlainErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"validate", "case.json"}, 1, "labournet validate: no such file: case.json\n"},
		{[]string{"validate", dir}, 1, "is a folder without actors.csv"},
		{[]string{"validate", "main.go"}, 1, "labournet validate: not a network file: want a .json or .graphml file, a folder with actors.csv and links.csv, or - for standard input\n"},
		{[]string{"render", liberec, "-o", filepath.Join(dir, "missing", "x.svg")}, 1, "cannot write " + filepath.Join(dir, "missing", "x.svg") + ": no such folder: " + filepath.Join(dir, "missing")},
		{[]string{"render", liberec, "-o", dir, "--format", "svg"}, 1, "it is a folder"},
		{[]string{"render", liberec, "--format", "svgg"}, 2, `--format "svgg": want dot, svg, html, mermaid, graphml, gexf; did you mean "svg"?`},
		{[]string{"validate", "-", "--input-format", "yaml"}, 2, `--input-format "yaml": want json, csv, graphml`},
		{[]string{"metrics", liberec, "--kinds", "fundng"}, 2, `did you mean "funding"?`},
		{[]string{"analyze", liberec, "--model", "nomodel.json"}, 1, "no such file: nomodel.json"},
	} {
		code, _, errOut := runCLI(tc.args...)
		require.Equal(t, tc.code, code, "%v: %s", tc.args, errOut)
		require.Contains(t, errOut, tc.want, "%v", tc.args)
	}
	require.NoDirExists(t, filepath.Join(dir, "missing"))
}

// TestInterruptedInProcess: a command whose context is cancelled by a
// signal stops, says so, writes nothing and returns 130 or 143.
func TestInterruptedInProcess(t *testing.T) {
	for _, tc := range []struct {
		sig  os.Signal
		code int
	}{{os.Interrupt, 130}, {sigterm, 143}} {
		ctx, cancel := context.WithCancelCause(context.Background())
		cancel(interrupted{tc.sig})
		dir := t.TempDir()
		var out, errOut strings.Builder
		code := newApp(strings.NewReader(""), &out, &errOut).run(ctx, []string{"analyze", liberec, "-o", filepath.Join(dir, "r.md")})
		require.Equal(t, tc.code, code, errOut.String())
		require.Contains(t, errOut.String(), "labournet analyze: interrupted by ")
		require.Contains(t, errOut.String(), "; stopped, nothing written")
		entries, _ := os.ReadDir(dir)
		require.Empty(t, entries)
	}
}
