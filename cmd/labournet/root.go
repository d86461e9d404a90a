package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

// The groups of commands, in the order help lists them.
var commandGroups = []*cobra.Group{
	{ID: "check", Title: "Check and convert:"},
	{ID: "analyse", Title: "Analyse:"},
	{ID: "draw", Title: "Draw and export:"},
	{ID: "more", Title: "More:"},
}

const rootLong = `labournet checks, converts, analyses and draws labour-market actor networks:
the municipalities, labour offices, employers, schools, funds, programmes
and bodies of a region, and the partnerships, money, membership and
services that link them.

A network is a labournet/1 .json file, a .graphml file, a folder holding
actors.csv and links.csv, or - for standard input (its format given by
--input-format or sniffed from its first bytes). Flags may come before or
after the arguments, as --flag value or --flag=value.

Exit status: 0 when all went well, 1 when the data has problems or the work
failed, 2 for a usage error, 130 when interrupted by Ctrl-C (SIGINT), 143
when stopped by SIGTERM.

The JSON that --format json prints is described, key by key, in
docs/cli/json.md.`

// rootCmd builds the command tree of one run.
func (a *app) rootCmd() *cobra.Command {
	cobra.EnableCommandSorting = false
	root := &cobra.Command{
		Use:   "labournet",
		Short: "Analyse labour-market actor networks",
		Long:  rootLong,
		Example: `  labournet validate examples/liberec/liberec.json
  labournet analyze examples/liberec/liberec.json --format json
  labournet render examples/liberec/liberec.json -o liberec.svg
  labournet help metrics`,
		Version:       version(),
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if f := cmd.Flags().Lookup("input-format"); f != nil && f.Value.String() != "" && !slices.Contains(inputFormats, f.Value.String()) {
				return usagef("--input-format %s: want %s", quote(f.Value.String()), strings.Join(inputFormats, ", "))
			}
			if a.progressTTY && !a.quiet {
				a.act.showBars(a.stderr)
			}
			return nil
		},
	}
	root.SetVersionTemplate("labournet {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usagef("%v", err) })
	root.PersistentFlags().BoolVarP(&a.quiet, "quiet", "q", false, "print no progress bar and no notes on standard error, only errors")
	root.PersistentFlags().IntVar(&a.maxProblems, "max-problems", defaultMaxProblems, "print at most `N` problems of a network, then count the rest (0 prints all)")
	root.PersistentFlags().Int64Var(&a.limits.MaxBytes, "max-bytes", 0, "read at most `N` bytes of a network (0: the default, 512 MiB; negative: no limit)")
	root.PersistentFlags().IntVar(&a.limits.MaxValue, "max-value", 0, "accept values of at most `N` bytes (0: the default, 1 MiB; negative: no limit)")
	root.PersistentFlags().IntVar(&a.limits.MaxElements, "max-elements", 0, "accept at most `N` actors and links (0: the default, 750,000; negative: no limit)")
	root.PersistentFlags().StringVar(&a.mapping, "mapping", "", "read an .xlsx workbook through a labournet-mapping/1 `FILE` that names its sheets and maps its columns and values to ours")

	root.AddGroup(commandGroups...)
	add := func(group string, cmds ...*cobra.Command) {
		for _, c := range cmds {
			c.GroupID = group
			c.Flags().SortFlags = false
			root.AddCommand(c)
		}
	}
	add("check", a.validateCmd(), a.convertCmd(), a.importCmd(), a.generateCmd())
	add("analyse", a.metricsCmd(), a.bottlenecksCmd(), a.whatifCmd(), a.diffCmd(), a.analyzeCmd())
	add("draw", a.renderCmd())
	root.SetHelpCommand(helpCmd())
	root.SetHelpCommandGroupID("more")
	root.SetCompletionCommandGroupID("more")
	root.InitDefaultCompletionCmd()
	add("more", versionCmd())
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Example = "  labournet completion bash > labournet.bash\n  source <(labournet completion bash)"
			c.Use = "completion bash|zsh|fish|powershell"
			c.Args = cobra.ArbitraryArgs
			c.RunE = completionRun
		}
	}
	return root
}

// completionRun runs "labournet completion" without a shell, or with one
// cobra does not know: the help, or a usage error naming the shells.
func completionRun(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return cmd.Help()
	}
	var shells []string
	for _, c := range cmd.Commands() {
		shells = append(shells, c.Name())
	}
	return usagef("unknown shell %s: want %s%s", quote(args[0]), strings.Join(shells, ", "), didYouMean(args[0], shells))
}

// exitCode ends a command with a status and nothing more to print.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

func versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Long:  "Prints the version of labournet: the module version, or the revision a build from a clone was made from.",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, args []string) {
			fmt.Fprintln(cmd.OutOrStdout(), "labournet", version())
		},
		ValidArgsFunction: cobra.NoFileCompletions,
	}
}

// helpCmd is cobra's help command, except that an unknown topic is a usage
// error (exit 2) rather than a help text.
func helpCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND]",
		Short: "Help about any command",
		Long: `Prints the help of a command: what it does, its flags and examples.
"labournet help COMMAND" is the same as "labournet COMMAND --help".`,
		Example: "  labournet help render\n  labournet help completion bash",
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			cmd, _, err := c.Root().Find(args)
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var out []cobra.Completion
			for _, sub := range cmd.Commands() {
				if sub.IsAvailableCommand() && strings.HasPrefix(sub.Name(), toComplete) {
					out = append(out, cobra.CompletionWithDesc(sub.Name(), sub.Short))
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 {
				return usagef("no help for %s: not a command (run 'labournet help' for the list)", quote(strings.Join(args, " ")))
			}
			cmd.InitDefaultHelpFlag()
			cmd.InitDefaultVersionFlag()
			return cmd.Help()
		},
	}
}
