package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"
)

// docsDir is the reference of the commands, generated from the command tree
// by TestCLIReference; json.md beside the generated pages is written by hand.
const docsDir = "../../docs/cli"

var update = flag.Bool("update", false, "rewrite docs/cli from the command tree")

// docTree returns the command tree as a user sees it, with cobra's help and
// completion commands added as Execute adds them.
func docTree() *cobra.Command {
	root := newApp(nil, nil, nil).rootCmd()
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	root.DisableAutoGenTag = true
	return root
}

// docName is the file of a command's page: "labournet_metrics.md".
func docName(c *cobra.Command) string {
	return strings.ReplaceAll(c.CommandPath(), " ", "_") + ".md"
}

// writeDocs writes one Markdown page per command of the tree into dir, as
// cobra/doc's GenMarkdownTree does (same sections), without its
// dependencies.
func writeDocs(root *cobra.Command, dir string) error {
	var walk func(c *cobra.Command) error
	walk = func(c *cobra.Command) error {
		for _, sub := range c.Commands() {
			if !sub.IsAvailableCommand() || sub.IsAdditionalHelpTopicCommand() {
				continue
			}
			if err := walk(sub); err != nil {
				return err
			}
		}
		return os.WriteFile(filepath.Join(dir, docName(c)), docPage(c), 0o644)
	}
	return walk(root)
}

// docPage is the Markdown page of one command.
func docPage(c *cobra.Command) []byte {
	c.InitDefaultHelpFlag()
	c.InitDefaultVersionFlag()
	var b bytes.Buffer
	fmt.Fprintf(&b, "## %s\n\n%s\n\n", c.CommandPath(), c.Short)
	if c.Long != "" {
		fmt.Fprintf(&b, "### Synopsis\n\n%s\n\n", c.Long)
	}
	if c.Runnable() {
		fmt.Fprintf(&b, "```\n%s\n```\n\n", c.UseLine())
	}
	if c.Example != "" {
		fmt.Fprintf(&b, "### Examples\n\n```\n%s\n```\n\n", c.Example)
	}
	if fs := c.NonInheritedFlags(); fs.HasAvailableFlags() {
		fmt.Fprintf(&b, "### Options\n\n```\n%s```\n\n", fs.FlagUsages())
	}
	if fs := c.InheritedFlags(); fs.HasAvailableFlags() {
		fmt.Fprintf(&b, "### Options inherited from parent commands\n\n```\n%s```\n\n", fs.FlagUsages())
	}
	var see []string
	if p := c.Parent(); p != nil {
		see = append(see, fmt.Sprintf("* [%s](%s)\t - %s", p.CommandPath(), docName(p), p.Short))
	}
	for _, sub := range c.Commands() {
		if sub.IsAvailableCommand() && !sub.IsAdditionalHelpTopicCommand() {
			see = append(see, fmt.Sprintf("* [%s](%s)\t - %s", sub.CommandPath(), docName(sub), sub.Short))
		}
	}
	if c.Parent() == nil {
		see = append(see, "* [The JSON of the commands](json.md)\t - every key of --format json")
	}
	if len(see) > 0 {
		fmt.Fprintf(&b, "### See also\n\n%s\n", strings.Join(see, "\n"))
	}
	return b.Bytes()
}

// TestCLIReference checks that docs/cli holds the reference generated from
// the command tree; "go test ./cmd/labournet -run TestCLIReference -update"
// rewrites it.
func TestCLIReference(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, writeDocs(docTree(), dir))
	if *update {
		old, _ := filepath.Glob(filepath.Join(docsDir, "labournet*.md"))
		for _, f := range old {
			require.NoError(t, os.Remove(f))
		}
		require.NoError(t, writeDocs(docTree(), docsDir))
	}
	gen, err := os.ReadDir(dir)
	require.NoError(t, err)
	var want []string
	for _, e := range gen {
		want = append(want, e.Name())
		got, err := os.ReadFile(filepath.Join(docsDir, e.Name()))
		require.NoError(t, err, "docs/cli/%s is missing: run go test ./cmd/labournet -run TestCLIReference -update", e.Name())
		exp, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		require.Equal(t, string(exp), string(got), "docs/cli/%s is out of date: run go test ./cmd/labournet -run TestCLIReference -update", e.Name())
	}
	have, err := filepath.Glob(filepath.Join(docsDir, "labournet*.md"))
	require.NoError(t, err)
	for i := range have {
		have[i] = filepath.Base(have[i])
	}
	slices.Sort(want)
	require.Equal(t, want, have, "docs/cli has pages of commands that no longer exist")
	for _, name := range commandNames {
		if name != "help" {
			require.Contains(t, want, "labournet_"+name+".md")
		}
	}
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		require.Contains(t, want, "labournet_completion_"+shell+".md")
	}
}
