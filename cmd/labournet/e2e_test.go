package main

// End-to-end tests: the command built as a binary and run as a user runs it,
// with flags in every position, standard input and output, help, completion,
// the JSON of every command read back, signals, and every command line the
// README and the help show.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"
)

var (
	binOnce    sync.Once
	binDir     string
	binErr     error
	chainMu    sync.Mutex
	chainPaths = map[int]string{}
)

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// binary builds the command once per test run and returns its path.
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	binOnce.Do(func() {
		if binDir, binErr = os.MkdirTemp("", "labournet-e2e"); binErr != nil {
			return
		}
		out, err := exec.Command("go", "build", "-o", filepath.Join(binDir, "labournet"), ".").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	require.NoError(t, binErr)
	return filepath.Join(binDir, "labournet")
}

type result struct {
	code           int
	stdout, stderr string
}

// runBinary runs the binary in dir ("" for this package's folder) with the
// given standard input.
func runBinary(t *testing.T, dir, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else {
		require.NoError(t, err)
	}
	return result{code, out.String(), errOut.String()}
}

// runShell runs a command line with bash in dir, with the binary first on
// the PATH, as a user types it.
func runShell(t *testing.T, dir, line string) result {
	t.Helper()
	cmd := exec.Command("bash", "-o", "pipefail", "-c", line)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(binary(t))+string(os.PathListSeparator)+os.Getenv("PATH"))
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else {
		require.NoError(t, err)
	}
	return result{code, out.String(), errOut.String()}
}

// clone returns a temporary folder that looks like the root of a clone for
// commands that name examples/...: it links the examples folder.
func clone(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range []string{"examples", "encoding"} { // the datasets, and the importer's sample files
		abs, err := filepath.Abs("../../" + sub)
		require.NoError(t, err)
		require.NoError(t, os.Symlink(abs, filepath.Join(dir, sub)))
	}
	return dir
}

// bigNetwork writes, once per test run, a network of 20,000 actors: groups
// of ten (a body and nine members), the bodies in a chain of cooperation.
// Exact betweenness on it takes about a second.
func bigNetwork(t *testing.T) string { return chainNetwork(t, 20000) }

// hugeNetwork is bigNetwork with 100,000 actors, for work that must last
// long enough to be interrupted: exact betweenness on it takes some 10
// seconds on two cores.
func hugeNetwork(t *testing.T) string { return chainNetwork(t, 100000) }

// chainNetwork writes, once per test run, the chain of groups of n actors.
func chainNetwork(t *testing.T, n int) string {
	t.Helper()
	tmp := binDirOrTemp(t) // skips with -short
	chainMu.Lock()
	defer chainMu.Unlock()
	if p, ok := chainPaths[n]; ok {
		return p
	}
	dir, err := os.MkdirTemp(tmp, "big")
	require.NoError(t, err)
	path := filepath.Join(dir, "chain.json")
	f, err := os.Create(path)
	require.NoError(t, err)
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, `{"format": "labournet/1", "name": "chain of groups", "actors": [`)
	for i := range n {
		kind, sep := "employer", ","
		if i%10 == 0 {
			kind = "body"
		}
		if i == n-1 {
			sep = ""
		}
		fmt.Fprintf(w, "{\"id\": \"a%d\", \"kind\": %q}%s\n", i, kind, sep)
	}
	fmt.Fprintln(w, `], "links": [`)
	sep := ""
	for i := 1; i < n; i++ {
		if i%10 != 0 {
			fmt.Fprintf(w, "%s{\"from\": \"a%d\", \"to\": \"a%d\", \"kind\": \"membership\"}", sep, i, i-i%10)
		} else {
			fmt.Fprintf(w, "%s{\"from\": \"a%d\", \"to\": \"a%d\", \"kind\": \"cooperation\"}", sep, i-10, i)
		}
		sep = ",\n"
	}
	fmt.Fprintln(w, "\n]}")
	require.NoError(t, w.Flush())
	require.NoError(t, f.Close())
	chainPaths[n] = path
	return path
}

func binDirOrTemp(t *testing.T) string {
	binary(t)
	return binDir
}

const (
	jobtown1 = "../../examples/jobtown2/jobtown1.json"
	jobtown2 = "../../examples/jobtown2/jobtown2.json"
)

// TestBinaryFlagPositions runs the same command with its flags before and
// after the arguments, long and short, with = and without: the outputs are
// the same.
func TestBinaryFlagPositions(t *testing.T) {
	for _, tc := range []struct {
		name     string
		variants [][]string
	}{
		{"analyze", [][]string{
			{"analyze", liberec, "--format", "json"},
			{"analyze", "--format", "json", liberec},
			{"analyze", liberec, "--format=json"},
			{"analyze", "-f", "json", liberec},
			{"analyze", liberec, "-fjson"},
		}},
		{"metrics", [][]string{
			{"metrics", liberec, "--format", "csv"},
			{"metrics", "--format", "csv", liberec},
			{"metrics", liberec},
			{"-q", "metrics", liberec},
		}},
		{"metrics options", [][]string{
			{"metrics", liberec, "--only", "id,degree,betweenness", "--directed"},
			{"metrics", "--directed", liberec, "--only=id,degree,betweenness"},
			{"metrics", "--only", "id,degree,betweenness", "--directed", "--", liberec},
		}},
		{"validate", [][]string{
			{"validate", liberec},
			{"validate", liberec, "--quiet"},
			{"--quiet", "validate", liberec},
		}},
		{"bottlenecks", [][]string{
			{"bottlenecks", liberec, "--top", "3"},
			{"bottlenecks", "--top=3", liberec},
		}},
		{"whatif", [][]string{
			{"whatif", liberec, "--remove", "pzlk"},
			{"whatif", "--remove=pzlk", liberec},
		}},
		{"diff", [][]string{
			{"diff", jobtown1, jobtown2, "--top", "3"},
			{"diff", "--top", "3", jobtown1, jobtown2},
			{"diff", jobtown1, "--top=3", jobtown2},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			first := runBinary(t, "", "", tc.variants[0]...)
			require.Equal(t, 0, first.code, first.stderr)
			require.NotEmpty(t, first.stdout)
			for _, v := range tc.variants[1:] {
				r := runBinary(t, "", "", v...)
				require.Equal(t, 0, r.code, "%v: %s", v, r.stderr)
				require.Equal(t, first.stdout, r.stdout, "%v", v)
			}
		})
	}
	// -o before and after the file.
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.dot"), filepath.Join(dir, "b.dot")
	r := runBinary(t, "", "", "render", liberec, "--format", "dot", "-o", a)
	require.Equal(t, 0, r.code, r.stderr)
	r = runBinary(t, "", "", "render", "-o", b, "--format=dot", liberec)
	require.Equal(t, 0, r.code, r.stderr)
	da, err := os.ReadFile(a)
	require.NoError(t, err)
	db, err := os.ReadFile(b)
	require.NoError(t, err)
	require.Equal(t, string(da), string(db))
	require.Contains(t, string(da), "graph")
}

// TestBinaryHelp: help goes to standard output with exit status 0, however
// it is asked for; the commands are listed in their order, with summaries.
func TestBinaryHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		r := runBinary(t, "", "", args...)
		require.Equal(t, 0, r.code, "%v", args)
		require.Empty(t, r.stderr, "%v", args)
		last := -1
		for _, name := range commandNames {
			i := strings.Index(r.stdout, "\n  "+name+" ")
			require.Greater(t, i, last, "%v: %s listed in its place", args, name)
			last = i
		}
		require.Contains(t, r.stdout, "Check and convert:")
		require.Contains(t, r.stdout, "  metrics     One row of measures per actor (CSV or JSON)")
	}
	for _, name := range commandNames {
		var outs []string
		for _, args := range [][]string{{"help", name}, {name, "--help"}, {name, "-h"}} {
			r := runBinary(t, "", "", args...)
			require.Equal(t, 0, r.code, "%v", args)
			require.Empty(t, r.stderr, "%v: nothing on standard error", args)
			require.Contains(t, r.stdout, "Usage:\n  labournet "+name, "%v", args)
			outs = append(outs, r.stdout)
		}
		require.Equal(t, outs[0], outs[1], "help %s is %s --help", name, name)
		if !slices.Contains([]string{"help", "version", "completion"}, name) {
			require.Contains(t, outs[0], "Examples:\n  labournet "+name, "%s has examples", name)
		}
	}
	for _, args := range [][]string{{"--version"}, {"-v"}, {"version"}} {
		r := runBinary(t, "", "", args...)
		require.Equal(t, 0, r.code)
		require.Regexp(t, `^labournet \S`, r.stdout, "%v", args)
	}
	r := runBinary(t, "", "")
	require.Equal(t, 2, r.code, "no command is a usage error")
	require.Contains(t, r.stderr, "Usage:")
	require.Contains(t, r.stderr, "validate    Check a network and summarise it")
	r = runBinary(t, "", "", "help", "frobnicate")
	require.Equal(t, 2, r.code)
	require.Contains(t, r.stderr, `no help for "frobnicate"`)
	r = runBinary(t, "", "", "rendr", liberec)
	require.Equal(t, 2, r.code)
	require.Contains(t, r.stderr, "Did you mean this?\n\trender")
}

// TestBinaryCompletion: a completion script for each shell, and the
// completions it asks the binary for.
func TestBinaryCompletion(t *testing.T) {
	for shell, marker := range map[string]string{
		"bash":       "complete -o default -F __start_labournet labournet",
		"zsh":        "#compdef labournet",
		"fish":       "complete -c labournet",
		"powershell": "Register-ArgumentCompleter",
	} {
		r := runBinary(t, "", "", "completion", shell)
		require.Equal(t, 0, r.code, shell)
		require.Contains(t, r.stdout, marker, shell)
	}
	r := runBinary(t, "", "", "completion", "fsh")
	require.Equal(t, 2, r.code)
	require.Contains(t, r.stderr, `unknown shell "fsh": want bash, zsh, fish, powershell; did you mean "fish"?`)
	r = runBinary(t, "", "", "completion")
	require.Equal(t, 0, r.code)
	require.Contains(t, r.stdout, "Usage:\n  labournet completion")
	r = runBinary(t, "", "", "__complete", "render", liberec, "--format", "")
	require.Equal(t, 0, r.code)
	require.Equal(t, "dot\nsvg\nhtml\nmermaid\ngraphml\ngexf\n:4\n", r.stdout)
	r = runBinary(t, "", "", "__complete", "metrics", liberec, "--only", "id,")
	require.Contains(t, r.stdout, "id,betweenness\n")
	require.NotContains(t, r.stdout, "id,id\n", "a chosen column is not offered again")
	r = runBinary(t, "", "", "__complete", "")
	for _, name := range []string{"validate", "metrics", "render", "completion"} {
		require.Contains(t, r.stdout, name+"\t")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	// The bash script, sourced, completes a command name and a format. It
	// uses _get_comp_words_by_ref of the bash-completion package, stubbed
	// here when that is not installed.
	complete := func(line string) string {
		words := strings.Fields(line)
		if strings.HasSuffix(line, " ") {
			words = append(words, "")
		}
		script := fmt.Sprintf(`[ -f /usr/share/bash-completion/bash_completion ] && source /usr/share/bash-completion/bash_completion
declare -F _get_comp_words_by_ref >/dev/null || _get_comp_words_by_ref() {
  cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}; words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD
}
source <(labournet completion bash)
COMP_LINE=%q; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(%s); COMP_CWORD=%d
__start_labournet; printf '%%s\n' "${COMPREPLY[@]}"`, line, quoteWords(words), len(words)-1)
		r := runShell(t, "", script)
		require.Equal(t, 0, r.code, r.stderr)
		return r.stdout
	}
	require.Equal(t, "render\n", complete("labournet ren"))
	require.Contains(t, complete("labournet render x.json --format "), "svg\n")
	require.Contains(t, complete("labournet completion "), "powershell\n")
}

func quoteWords(ws []string) string {
	q := make([]string, len(ws))
	for i, w := range ws {
		q[i] = fmt.Sprintf("%q", w)
	}
	return strings.Join(q, " ")
}

// TestBinaryStdinStdout: - reads the network from standard input, in any
// format, and -o - writes to standard output.
func TestBinaryStdinStdout(t *testing.T) {
	data, err := os.ReadFile(liberec)
	require.NoError(t, err)
	fromFile := runBinary(t, "", "", "metrics", liberec)
	require.Equal(t, 0, fromFile.code)
	for _, args := range [][]string{
		{"metrics", "-"},
		{"metrics", "-", "--input-format", "json"},
		{"metrics", "--input-format=json", "-"},
	} {
		r := runBinary(t, "", string(data), args...)
		require.Equal(t, 0, r.code, "%v: %s", args, r.stderr)
		require.Equal(t, fromFile.stdout, r.stdout, "%v", args)
	}
	// GraphML and the CSV pair through a pipe, sniffed or named.
	for _, format := range []string{"graphml", "csv", "json"} {
		conv := runBinary(t, "", "", "convert", liberec, "-", "--format", format)
		require.Equal(t, 0, conv.code, conv.stderr)
		for _, args := range [][]string{{"metrics", "-"}, {"metrics", "-", "--input-format", format}} {
			r := runBinary(t, "", conv.stdout, args...)
			require.Equal(t, 0, r.code, "%s %v: %s", format, args, r.stderr)
			require.Equal(t, fromFile.stdout, r.stdout, "%s %v", format, args)
		}
	}
	// The CSV pair as two files, concatenated.
	dir := t.TempDir()
	r := runBinary(t, "", "", "convert", liberec, filepath.Join(dir, "tables"))
	require.Equal(t, 0, r.code, r.stderr)
	r = runShell(t, dir, "cat tables/actors.csv tables/links.csv | labournet validate - --format json")
	require.Equal(t, 0, r.code, r.stderr)
	var v struct {
		File    string `json:"file"`
		Valid   bool   `json:"valid"`
		Summary struct{ Actors, Links int }
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &v))
	require.Equal(t, "<stdin>", v.File)
	require.True(t, v.Valid)
	require.Equal(t, 23, v.Summary.Actors)
	require.Equal(t, 40, v.Summary.Links)
	// The same pair as a spreadsheet writes it: ';' and a BOM on each file.
	r = runBinary(t, "", "", "convert", liberec, filepath.Join(dir, "excel"), "--excel")
	require.Equal(t, 0, r.code, r.stderr)
	r = runShell(t, dir, "cat excel/actors.csv excel/links.csv | labournet validate - --format json")
	require.Equal(t, 0, r.code, r.stderr)
	v.Summary.Actors, v.Summary.Links = 0, 0
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &v))
	require.True(t, v.Valid)
	require.Equal(t, 23, v.Summary.Actors)
	require.Equal(t, 40, v.Summary.Links)
	// A problem on standard input is reported as <stdin>, with its line.
	r = runBinary(t, "", `{"format": "labournet/1", "actors": [
  {"id": "a", "kind": "employer", "country": "UK"}]}`, "validate", "-")
	require.Equal(t, 1, r.code)
	require.Contains(t, r.stderr, `<stdin>:2: actors[0]: actor "a": country "UK"`)
	r = runShell(t, dir, `printf 'id,kind\na,employer\nid,from,to,kind\n,a,b,cooperation\n' | labournet validate -`)
	require.Equal(t, 1, r.code)
	require.Contains(t, r.stderr, `<stdin>:4: link #1 ("a" -> "b"): to "b": unknown actor`, "the line counts from the start of the stream")

	// -o - is standard output; no file named "-" appears.
	r = runBinary(t, dir, "", "render", mustAbs(t, liberec), "--format", "svg", "-o", "-")
	require.Equal(t, 0, r.code, r.stderr)
	require.True(t, strings.HasPrefix(r.stdout, "<svg"))
	_, err = os.Stat(filepath.Join(dir, "-"))
	require.True(t, os.IsNotExist(err), "-o - writes no file named -")
	r = runBinary(t, "", string(data), "analyze", "-", "-o", "-", "--format", "json")
	require.Equal(t, 0, r.code, r.stderr)
	require.True(t, json.Valid([]byte(r.stdout)))

	// The format follows the extension of -o when --format is absent.
	for file, prefix := range map[string]string{
		"x.svg": "<svg", "x.dot": "digraph", "x.gv": "digraph", "x.mmd": "---", "x.graphml": "<?xml", "x.gexf": "<?xml",
	} {
		path := filepath.Join(dir, file)
		r := runBinary(t, "", "", "render", liberec, "-o", path)
		require.Equal(t, 0, r.code, "%s: %s", file, r.stderr)
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		require.True(t, strings.HasPrefix(string(b), prefix), "%s starts %q: %.40s", file, prefix, b)
	}
	for _, args := range [][]string{
		{"analyze", liberec, "-o", filepath.Join(dir, "r.json")},
		{"metrics", liberec, "-o", filepath.Join(dir, "m.json")},
		{"validate", liberec, "-o", filepath.Join(dir, "v.json")},
		{"bottlenecks", liberec, "-o", filepath.Join(dir, "b.json")},
	} {
		r := runBinary(t, "", "", args...)
		require.Equal(t, 0, r.code, "%v: %s", args, r.stderr)
		b, err := os.ReadFile(args[len(args)-1])
		require.NoError(t, err)
		require.True(t, json.Valid(b), "%v writes JSON", args)
	}
	r = runBinary(t, "", "", "analyze", liberec, "-o", filepath.Join(dir, "r.md"))
	require.Equal(t, 0, r.code)
	b, err := os.ReadFile(filepath.Join(dir, "r.md"))
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(string(b), "# "), "a .md report is Markdown")
	r = runBinary(t, "", "", "render", liberec, "-o", filepath.Join(dir, "x.png"))
	require.Equal(t, 2, r.code)
	require.Contains(t, r.stderr, `the extension ".png" names no format`)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		require.False(t, strings.HasSuffix(e.Name(), ".tmp"), "temporary file %s left", e.Name())
	}
}

func mustAbs(t *testing.T, p string) string {
	a, err := filepath.Abs(p)
	require.NoError(t, err)
	return a
}

// documentedKeys returns the keys the table rows of a section of
// docs/cli/json.md name in their first cell, in order.
func documentedKeys(t *testing.T, section string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(docsDir, "json.md"))
	require.NoError(t, err)
	doc := string(b)
	i := strings.Index(doc, "\n## "+section+"\n")
	require.GreaterOrEqual(t, i, 0, "json.md has a section %s", section)
	doc = doc[i+len(section)+5:]
	if j := strings.Index(doc, "\n## "); j >= 0 {
		doc = doc[:j]
	}
	var keys []string
	cell := regexp.MustCompile("^\\| ((?:`[A-Za-z_]+`(?:, )?)+) \\|")
	name := regexp.MustCompile("`([A-Za-z_]+)`")
	for _, line := range strings.Split(doc, "\n") {
		if m := cell.FindStringSubmatch(line); m != nil {
			for _, k := range name.FindAllStringSubmatch(m[1], -1) {
				keys = append(keys, k[1])
			}
		}
	}
	return keys
}

// topKeys returns the keys of a JSON object, in order.
func topKeys(t *testing.T, data string) []string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(data))
	tok, err := dec.Token()
	require.NoError(t, err)
	require.Equal(t, json.Delim('{'), tok, "an object: %.80s", data)
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		require.NoError(t, err)
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		require.NoError(t, dec.Decode(&skip))
	}
	return keys
}

// TestBinaryJSON runs every command that reports with --format json, reads
// the JSON back and checks its keys against docs/cli/json.md.
func TestBinaryJSON(t *testing.T) {
	// Keys a command leaves out when they have no value.
	optional := []string{"description", "suggest", "constraint", "answered", "unanswered"}
	for _, tc := range []struct {
		section string
		args    []string
		code    int
	}{
		{"validate", []string{"validate", liberec, "--format", "json"}, 0},
		{"validate", []string{"validate", "testdata/three-problems.json", "--format", "json"}, 1},
		{"bottlenecks", []string{"bottlenecks", liberec, "--format", "json"}, 0},
		{"whatif", []string{"whatif", liberec, "--remove", "pzlk", "--format", "json"}, 0},
		{"diff", []string{"diff", jobtown1, jobtown2, "--format", "json"}, 0},
		{"analyze", []string{"analyze", liberec, "--format", "json"}, 0},
	} {
		r := runBinary(t, "", "", tc.args...)
		require.Equal(t, tc.code, r.code, "%v: %s", tc.args, r.stderr)
		require.True(t, json.Valid([]byte(r.stdout)), "%v", tc.args)
		got := topKeys(t, r.stdout)
		doc := documentedKeys(t, tc.section)
		for _, k := range got {
			require.Contains(t, doc, k, "%v prints %q, which docs/cli/json.md does not describe", tc.args, k)
		}
		for _, k := range doc {
			if tc.section == "validate" && !slices.Contains([]string{"file", "valid", "problemCount", "problems", "summary"}, k) {
				continue // the keys of the problems and the summary
			}
			if !slices.Contains(optional, k) {
				require.Contains(t, got, k, "%v: docs/cli/json.md describes %q, which it does not print", tc.args, k)
			}
		}
	}

	// validate: every problem with its place, field and reason.
	r := runBinary(t, "", "", "validate", "testdata/three-problems.json", "--format", "json")
	require.Equal(t, 1, r.code)
	require.Empty(t, r.stderr)
	var v struct {
		Valid        bool              `json:"valid"`
		ProblemCount int               `json:"problemCount"`
		Problems     []json.RawMessage `json:"problems"`
		Summary      *json.RawMessage  `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &v))
	require.False(t, v.Valid)
	require.Nil(t, v.Summary)
	require.Equal(t, 3, v.ProblemCount)
	want := []string{
		`{"file": "testdata/three-problems.json", "line": 5, "column": null, "path": "actors[0].country", "field": "country",
		  "actor": "lo", "link": null, "value": "UK", "reason": "not an ISO 3166-1 alpha-2 country code", "suggestion": "GB",
		  "message": "testdata/three-problems.json:5: actors[0]: actor \"lo\": country \"UK\": not an ISO 3166-1 alpha-2 country code; did you mean \"GB\"?"}`,
		`{"file": "testdata/three-problems.json", "line": 9, "column": null, "path": "links[0].kind", "field": "kind",
		  "actor": null, "link": null, "value": null,
		  "reason": "unknown kind \"fundng\" (valid: cooperation, partnership, funding, membership, service, governance, reporting, information)",
		  "suggestion": "funding",
		  "message": "testdata/three-problems.json:9: links[0].kind: unknown kind \"fundng\" (valid: cooperation, partnership, funding, membership, service, governance, reporting, information); did you mean \"funding\"?"}`,
		`{"file": "testdata/three-problems.json", "line": 10, "column": null, "path": "links[1].to", "field": "to",
		  "actor": null, "link": {"index": 1, "id": null, "from": "e", "to": "school"}, "value": "school", "reason": "unknown actor",
		  "suggestion": null, "message": "testdata/three-problems.json:10: links[1]: link #2 (\"e\" -> \"school\"): to \"school\": unknown actor"}`,
	}
	for i, w := range want {
		require.JSONEq(t, w, string(v.Problems[i]), "problem %d", i)
	}

	// metrics: an array of objects, keys in column order.
	r = runBinary(t, "", "", "metrics", liberec, "--format", "json")
	require.Equal(t, 0, r.code, r.stderr)
	var rows []map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rows))
	require.Len(t, rows, 23)
	first := strings.TrimSpace(r.stdout[strings.Index(r.stdout, "{"):])
	keys := topKeys(t, first[:strings.Index(first, "}")+1])
	var cols []string
	for _, c := range metricColumns() {
		if !slices.Contains(brokerageColumns, c.name) {
			cols = append(cols, c.name)
		}
	}
	require.Equal(t, cols, keys)
	b, err := os.ReadFile(filepath.Join(docsDir, "json.md"))
	require.NoError(t, err)
	for _, c := range metricColumns() {
		require.Contains(t, string(b), "`"+c.name+"`", "json.md names the metrics column %s", c.name)
	}
}

// TestBinaryInterrupt: SIGINT and SIGTERM stop a long command through its
// context: it says what it was doing, leaves no temporary file and exits
// 130 or 143, before main's grace period would force it.
func TestBinaryInterrupt(t *testing.T) {
	big := hugeNetwork(t)
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
		name string
		args []string
	}{
		{syscall.SIGINT, 130, "Ctrl-C (SIGINT)", []string{"metrics", big, "--exact", "-o"}},
		{syscall.SIGTERM, 143, "SIGTERM", []string{"metrics", big, "--exact", "-o"}},
		{syscall.SIGINT, 130, "Ctrl-C (SIGINT)", []string{"analyze", big, "--exact", "-o"}},
	} {
		t.Run(tc.name+" "+tc.args[0], func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "result.out")
			cmd := exec.Command(binary(t), append(tc.args, out)...)
			var errOut bytes.Buffer
			cmd.Stderr = &errOut
			require.NoError(t, cmd.Start())
			// The output's temporary file is opened before the work: once it
			// is there, and the network read, the work is under way.
			require.Eventually(t, func() bool {
				m, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
				return len(m) == 1
			}, 10*time.Second, 10*time.Millisecond, "the temporary file appears")
			time.Sleep(700 * time.Millisecond)
			sent := time.Now()
			require.NoError(t, cmd.Process.Signal(tc.sig))
			err := cmd.Wait()
			took := time.Since(sent)
			var ee *exec.ExitError
			require.ErrorAs(t, err, &ee)
			require.Equal(t, tc.code, ee.ExitCode(), errOut.String())
			require.Less(t, took, grace, "stopped through the context, before the grace period")
			require.Regexp(t, `(?m)^labournet `+tc.args[0]+`: interrupted by `+regexp.QuoteMeta(tc.name)+` while \S.*; stopped, nothing written\n\z`, errOut.String())
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			require.Empty(t, entries, "no temporary file and no output left")
		})
	}
}

// TestBinaryProgress: on a terminal, a long step draws a progress bar with
// the time left on standard error; --quiet and a standard error that is not
// a terminal draw nothing.
func TestBinaryProgress(t *testing.T) {
	big := bigNetwork(t)
	r := runBinary(t, "", "", "metrics", big, "--only", "id,betweenness", "--approx", "300")
	require.Equal(t, 0, r.code, r.stderr)
	require.Regexp(t, `^labournet metrics: as of \d{4}-\d\d-\d\d: the 19,?999 links in force that day\n$`, r.stderr, "only the day the run is as of: no bar when standard error is not a terminal")

	if _, err := exec.LookPath("script"); err != nil {
		t.Skip("no script(1) to run the command on a terminal")
	}
	onTerminal := func(args ...string) string {
		line := binary(t) + " " + strings.Join(args, " ") + " -o " + filepath.Join(t.TempDir(), "m.csv")
		cmd := exec.Command("script", "-qfec", line, "/dev/null")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, string(out))
		return string(out)
	}
	out := onTerminal("metrics", big, "--only", "id,betweenness", "--approx", "3000")
	require.Contains(t, out, "estimating betweenness")
	require.Regexp(t, `\d+% \|.*\| \(\d+/3000, \d+ searches/s\) \[\d+s:\d+s\]`, out, "a bar with the count, the rate, and the time spent and left")
	require.NotContains(t, onTerminal("metrics", big, "--only", "id,betweenness", "--approx", "3000", "--quiet"), "estimating")
}

// TestBinaryApprox: above 10,000 actors metrics samples betweenness by
// itself and says so with the error bound; --approx and --seed choose the
// sample, which is the same from run to run.
func TestBinaryApprox(t *testing.T) {
	big := bigNetwork(t)
	r := runBinary(t, "", "", "metrics", big, "--only", "id,betweenness")
	require.Equal(t, 0, r.code, r.stderr)
	require.Contains(t, r.stderr, "labournet metrics: 20,000 actors, more than 10,000: betweenness is estimated from 1,000 sampled source actors (seed 1),\n")
	require.Contains(t, r.stderr, "each value within ±0.043 of the exact one with 95% confidence; --exact computes it exactly")
	q := runBinary(t, "", "", "metrics", big, "--only", "id,betweenness", "-q")
	require.Empty(t, q.stderr)
	require.Equal(t, r.stdout, q.stdout, "the same seed gives the same estimate")
	a := runBinary(t, "", "", "metrics", big, "--only", "id,betweenness", "--approx", "50", "--seed", "3")
	b := runBinary(t, "", "", "metrics", "--seed=3", "--approx=50", big, "--only", "id,betweenness")
	require.Equal(t, 0, a.code, a.stderr)
	require.NotContains(t, a.stderr, "estimated", "no note of sampling when --approx is asked for")
	require.Equal(t, a.stdout, b.stdout)
	require.NotEqual(t, a.stdout, r.stdout)
	for _, args := range [][]string{
		{"metrics", liberec, "--approx", "5", "--exact"},
		{"metrics", liberec, "--approx", "-1"},
		{"metrics", liberec, "--seed", "2", "--exact"},
	} {
		r := runBinary(t, "", "", args...)
		require.Equal(t, 2, r.code, "%v", args)
	}
	// On the small case, sampling every actor is the exact value.
	exact := runBinary(t, "", "", "metrics", liberec, "--only", "id,betweenness")
	all := runBinary(t, "", "", "metrics", liberec, "--only", "id,betweenness", "--approx", "23")
	require.Equal(t, exact.stdout, all.stdout)
}

// TestBinaryAnalyzeLarge: above 5,000 actors analyze estimates
// betweenness and distances and says so, in the report and its JSON;
// --approx and --seed choose the sample, which is the same from run to
// run; --exact turns sampling off.
func TestBinaryAnalyzeLarge(t *testing.T) {
	big := bigNetwork(t)
	cohesion := func(args ...string) (map[string]any, string) {
		t.Helper()
		r := runBinary(t, "", "", append([]string{"analyze", big, "--format", "json", "--optimize", "0", "-q"}, args...)...)
		require.Equal(t, 0, r.code, r.stderr)
		var out struct {
			Cohesion map[string]any  `json:"cohesion"`
			Central  json.RawMessage `json:"central"`
		}
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &out))
		return out.Cohesion, string(out.Central)
	}
	def, _ := cohesion()
	require.EqualValues(t, 1000, def["sampled"])
	require.NotContains(t, def, "seed", "seed 0 is left out")
	a, ca := cohesion("--approx", "50", "--seed", "3")
	b, cb := cohesion("--seed=3", "--approx=50")
	require.EqualValues(t, 50, a["sampled"])
	require.EqualValues(t, 3, a["seed"])
	require.InDelta(t, 0.192, a["bound"], 0.001, "the bound of 50 sources among 20,000 actors")
	require.Equal(t, a, b)
	require.Equal(t, ca, cb, "the same seed gives the same estimate")
	x, _ := cohesion("--exact")
	require.NotContains(t, x, "sampled", "exact whatever the size")
	require.NotContains(t, x, "bound")
	md := runBinary(t, "", "", "analyze", big, "--approx", "50", "--seed", "3", "--optimize", "0", "-q")
	require.Equal(t, 0, md.code, md.stderr)
	require.Contains(t, md.stdout, "With 20000 actors, betweenness is estimated from the shortest paths of 50 actors drawn at random (Brandes and Pich; seed 3)")
	for _, args := range [][]string{
		{"analyze", liberec, "--approx", "5", "--exact"},
		{"analyze", liberec, "--approx", "-1"},
	} {
		r := runBinary(t, "", "", args...)
		require.Equal(t, 2, r.code, "%v", args)
	}
	exact := runBinary(t, "", "", "analyze", liberec, "--format", "json")
	forced := runBinary(t, "", "", "analyze", liberec, "--format", "json", "--exact")
	require.Equal(t, exact.stdout, forced.stdout, "a small network is exact already")
	require.NotContains(t, exact.stdout, `"sampled"`)
}

// commandLines returns the lines of the first ```sh block after the heading
// of a Markdown file that run labournet (not those that build it).
func commandLines(t *testing.T, path, heading string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	s := string(b)
	i := strings.Index(s, heading)
	require.GreaterOrEqual(t, i, 0, "%s has %q", path, heading)
	s = s[i:]
	i = strings.Index(s, "```sh\n")
	require.GreaterOrEqual(t, i, 0)
	s = s[i+6:]
	s = s[:strings.Index(s, "```")]
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); strings.Contains(l, "labournet ") && !strings.HasPrefix(l, "go ") {
			lines = append(lines, l)
		}
	}
	return lines
}

// TestReadmeCommands runs every command line of the README's section on the
// command-line tool as written, from the root of a clone.
func TestReadmeCommands(t *testing.T) {
	dir := clone(t)
	lines := commandLines(t, "../../README.md", "## The command-line tool")
	require.GreaterOrEqual(t, len(lines), 8)
	seen := map[string]bool{}
	for _, line := range lines {
		r := runShell(t, dir, line)
		require.Equal(t, 0, r.code, "%s\n%s", line, r.stderr)
		seen[strings.Fields(line[strings.Index(line, "labournet "):])[1]] = true
	}
	for _, name := range commandNames {
		if name != "help" && name != "version" {
			require.True(t, seen[name], "the README shows %s", name)
		}
	}
}

// TestHelpExamples runs every example of every command's help as written,
// from the root of a clone; an example piping into a tool that is not
// installed is left out.
func TestHelpExamples(t *testing.T) {
	dir := clone(t)
	var walk func(c *cobra.Command)
	n := 0
	walk = func(c *cobra.Command) {
		for _, line := range strings.Split(c.Example, "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			if tool := pipedTool(line); tool != "" {
				if _, err := exec.LookPath(tool); err != nil {
					t.Logf("left out, no %s: %s", tool, line)
					continue
				}
			}
			r := runShell(t, dir, line)
			require.Equal(t, 0, r.code, "%s: %s\n%s", c.CommandPath(), line, r.stderr)
			n++
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(docTree())
	require.GreaterOrEqual(t, n, 25)
}

// pipedTool returns the program an example pipes labournet's output into,
// other than labournet.
func pipedTool(line string) string {
	parts := strings.Split(line, "|")
	for _, p := range parts[1:] {
		if f := strings.Fields(p); len(f) > 0 && f[0] != "labournet" {
			return f[0]
		}
	}
	return ""
}
