package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/encoding"
)

// runCLI runs the command line in this process, with an empty standard
// input, and returns the status and both outputs.
func runCLI(args ...string) (int, string, string) {
	return runCLIWith(strings.NewReader(""), args...)
}

// runCLIWith is runCLI with the given standard input.
func runCLIWith(stdin io.Reader, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := newApp(stdin, &out, &errOut).run(context.Background(), args)
	return code, out.String(), errOut.String()
}

const liberec = "../../examples/liberec/liberec.json"

// commandNames are the commands, in the order help lists them.
var commandNames = []string{"validate", "convert", "import", "generate", "metrics", "bottlenecks", "whatif", "diff", "analyze", "render", "completion", "version", "help"}

func TestHelpListsCommands(t *testing.T) {
	code, out, _ := runCLI("help")
	require.Equal(t, 0, code)
	for _, name := range commandNames {
		require.Contains(t, out, "\n  "+name+" ", "help must list %s", name)
		code, usage, _ := runCLI("help", name)
		require.Equal(t, 0, code)
		require.Contains(t, usage, "Usage:\n  labournet "+name)
	}
	code, _, errOut := runCLI()
	require.Equal(t, 2, code)
	require.Contains(t, errOut, "Usage:")
	code, _, errOut = runCLI("frobnicate")
	require.Equal(t, 2, code)
	require.Contains(t, errOut, `unknown command "frobnicate"`)
}

func TestValidate(t *testing.T) {
	code, out, errOut := runCLI("validate", liberec)
	require.Equal(t, 0, code, errOut)
	require.Contains(t, out, "Liberec Region Employment Pact (PZLK): valid")
	require.Contains(t, out, "23 actors, 40 links")
	require.Regexp(t, `\n  body +8\n`, out)
	require.Regexp(t, `\n  membership +20\n`, out)
	require.Contains(t, out, "4 actors stand for groups (4 of unknown size)")

	// --json, of earlier versions, is --format json, whose summary is now
	// under "summary".
	for _, flag := range []string{"--json", "--format=json"} {
		code, out, _ = runCLI("validate", flag, liberec)
		require.Equal(t, 0, code)
		var v struct {
			Valid   bool `json:"valid"`
			Summary struct {
				Actors int            `json:"actors"`
				ByKind map[string]int `json:"actorsByKind"`
			} `json:"summary"`
		}
		require.NoError(t, json.Unmarshal([]byte(out), &v))
		require.True(t, v.Valid)
		require.Equal(t, 23, v.Summary.Actors)
		require.Equal(t, 1, v.Summary.ByKind["university"])
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	code, out, errOut := runCLI("validate", "testdata/three-problems.json")
	require.Equal(t, 1, code)
	require.Empty(t, out)
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	require.Len(t, lines, 4, errOut)
	require.Contains(t, lines[0], "testdata/three-problems.json:5: actors[0]")
	require.Contains(t, lines[0], "country")
	require.Contains(t, lines[1], "testdata/three-problems.json:9: links[0].kind")
	require.Contains(t, lines[2], "testdata/three-problems.json:10: links[1]")
	require.Contains(t, lines[2], `"school": unknown actor`)
	require.Equal(t, "3 problems found", lines[3])
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"validate"}, "want one FILE, DIR or -"},
		{[]string{"validate", "--bogus", liberec}, "unknown flag: --bogus"},
		{[]string{"convert", liberec}, "want IN and OUT"},
		{[]string{"convert", liberec, liberec}, "same path"},
		{[]string{"bottlenecks", "--at", "2012-13", liberec}, "--at"},
		{[]string{"whatif", liberec}, "nothing to change"},
		{[]string{"whatif", "--add", "a:b", liberec}, "FROM:TO:KIND"},
		{[]string{"whatif", "--add", "a:b:fundng", liberec}, "unknown kind"},
	}
	for _, tt := range tests {
		code, _, errOut := runCLI(tt.args...)
		require.Equal(t, 2, code, "%v", tt.args)
		require.Contains(t, errOut, tt.want, "%v", tt.args)
		require.Contains(t, errOut, "usage: labournet", "%v: the usage follows the problem", tt.args)
	}
}

func TestConvertRoundTrip(t *testing.T) {
	dir := t.TempDir()
	tables := filepath.Join(dir, "tables")
	code, out, errOut := runCLI("convert", liberec, tables)
	require.Equal(t, 0, code, errOut)
	require.Contains(t, out, "23 actors, 40 links")
	back := filepath.Join(dir, "back.json")
	code, _, errOut = runCLI("convert", tables, back)
	require.Equal(t, 0, code, errOut)
	orig, err := encoding.Load(liberec)
	require.NoError(t, err)
	got, err := encoding.Load(back)
	require.NoError(t, err)
	require.Equal(t, orig.Actors(), got.Actors())
	require.Equal(t, orig.Links(), got.Links())

	code, _, errOut = runCLI("convert", "testdata/three-problems.json", filepath.Join(dir, "x.json"))
	require.Equal(t, 1, code)
	require.Contains(t, errOut, "3 problems found")
	_, err = os.Stat(filepath.Join(dir, "x.json"))
	require.True(t, os.IsNotExist(err), "nothing is written for invalid input")
}

func TestBottlenecksAndWhatif(t *testing.T) {
	code, out, errOut := runCLI("bottlenecks", "--top", "3", liberec)
	require.Equal(t, 0, code, errOut)
	require.Contains(t, out, "as of ", "the day the list describes")
	require.Contains(t, out, "2 actors hold parts of the network together")
	require.Contains(t, out, "1. Extended level: working-group sessions open to other actors: 78 pairs")
	require.Contains(t, out, "6 ties are the only way between two parts")

	code, out, errOut = runCLI("whatif", "--remove", "pzlk", liberec)
	require.Equal(t, 0, code, errOut)
	require.Regexp(t, `articulation points +2 +3`, out)
	require.Contains(t, out, "New bottlenecks:        Executive Board of the pact")

	code, _, errOut = runCLI("whatif", "--remove", "nobody", liberec)
	require.Equal(t, 1, code)
	require.Contains(t, errOut, `"nobody"`)
}

// sigterm is SIGTERM, as main receives it.
var sigterm = syscall.SIGTERM
