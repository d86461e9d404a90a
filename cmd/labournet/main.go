// Command labournet checks, converts, analyses and draws labour-market actor
// networks stored in the labournet/1 JSON format, in GraphML or as a pair of
// CSV tables.
//
// Usage:
//
//	labournet COMMAND ARGS [flags]
//
// The commands:
//
//	validate     check a network and summarise it
//	convert      convert between JSON, GraphML and the CSV pair
//	metrics      one row of measures per actor (CSV or JSON)
//	bottlenecks  where cooperation hangs on one actor or one link
//	whatif       compare the findings before and after a change
//	diff         what changed between two networks or two dates
//	analyze      the full report (Markdown or JSON)
//	render       draw the network (DOT, SVG, Mermaid) or export it (GraphML, GEXF)
//	completion   the shell completion script for bash, zsh, fish or PowerShell
//
// Flags may come before or after the arguments. "labournet help COMMAND" or
// "labournet COMMAND --help" describes a command, its flags and examples;
// docs/cli holds the same reference as Markdown. Exit status: 0 when all
// went well, 1 when the data has problems, 2 for a usage error, 130 when
// interrupted by Ctrl-C (SIGINT) and 143 when stopped by SIGTERM.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/internal/atomicfile"
)

// Exit statuses.
const (
	exitOK      = 0
	exitData    = 1 // the data has problems, or the work failed
	exitUsage   = 2 // the command line is wrong
	exitSIGINT  = 130
	exitSIGTERM = 143
)

// grace is how long main waits, after a signal, for the command to stop by
// itself before it removes the temporary files and exits anyway.
const grace = 2 * time.Second

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	a := newApp(os.Stdin, os.Stdout, os.Stderr)
	a.progressTTY = term.IsTerminal(int(os.Stderr.Fd()))
	a.stdinTTY = term.IsTerminal(int(os.Stdin.Fd()))
	done := make(chan int, 1)
	go func() { done <- a.run(ctx, os.Args[1:]) }()
	select {
	case code := <-done:
		os.Exit(code)
	case sig := <-sigs:
		cancel(interrupted{sig})
		select {
		case code := <-done:
			os.Exit(code)
		case <-time.After(grace):
		case <-sigs:
		}
		// The command did not stop in time (a part of the work that does not
		// watch for cancellation) or a second signal came: stop now.
		os.Exit(a.forceStop(interrupted{sig}))
	}
}

// interrupted is the cause of a cancellation by a signal.
type interrupted struct{ sig os.Signal }

func (i interrupted) Error() string { return "interrupted by " + signalName(i.sig) }

func (i interrupted) code() int {
	if i.sig == syscall.SIGTERM {
		return exitSIGTERM
	}
	return exitSIGINT
}

func signalName(s os.Signal) string {
	switch s {
	case os.Interrupt:
		return "Ctrl-C (SIGINT)"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return s.String()
}

// app is one run of the command: its standard streams, what it is doing
// and how it shows progress.
type app struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	// progressTTY is true when stderr is a terminal: long work then shows
	// a progress bar there, unless --quiet.
	progressTTY bool
	// stdinTTY is true when standard input is a terminal: reading a
	// network from it then says how to end it.
	stdinTTY    bool
	quiet       bool
	maxProblems int // --max-problems
	act         *activity
	// limits bound what the readers hold (--max-bytes, --max-value,
	// --max-elements); mapping is the --mapping file for workbooks.
	limits  encoding.Limits
	mapping string
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *app {
	return &app{stdin: stdin, stdout: stdout, stderr: stderr, act: &activity{}}
}

// run executes the command line args and returns the exit status. A
// cancellation of ctx whose cause is an interrupted stops the command; run
// then says what it was doing and returns 130 or 143 (or 0 when the command
// had finished all the same).
func (a *app) run(ctx context.Context, args []string) int {
	root := a.rootCmd()
	root.SetArgs(args)
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	if len(args) == 0 {
		// No command: the help, on standard error, and a usage error.
		root.SetOut(a.stderr)
		root.InitDefaultHelpCmd()
		root.InitDefaultHelpFlag()
		root.InitDefaultVersionFlag()
		root.Help()
		return exitUsage
	}
	cmd, err := root.ExecuteContextC(ctx)
	a.act.stop()
	if err == nil {
		return exitOK // done, even if a signal came at the very end
	}
	if cause, ok := context.Cause(ctx).(interrupted); ok && ctx.Err() != nil {
		a.reportInterrupted(cmd, cause)
		return cause.code()
	}
	return a.printError(cmd, err)
}

// forceStop is main's last resort after a signal: it removes the temporary
// files, says what the command was doing and returns the exit status.
func (a *app) forceStop(cause interrupted) int {
	atomicfile.RemoveTemporary()
	a.act.stop()
	a.reportInterrupted(nil, cause)
	return cause.code()
}

// reportInterrupted says which command was interrupted and what it was
// doing.
func (a *app) reportInterrupted(cmd *cobra.Command, cause interrupted) {
	path, what := a.act.state()
	if path == "" {
		path = commandPath(cmd)
	}
	if what == "" {
		what = "starting"
	}
	fmt.Fprintf(a.stderr, "%s: %s while %s; stopped, nothing written\n", path, cause, what)
}

func commandPath(cmd *cobra.Command) string {
	if cmd == nil {
		return "labournet"
	}
	return cmd.CommandPath()
}

// Errors that choose the exit status. RunE functions return them; an error
// of any other type comes from cobra's parsing, so it is a usage error.
type (
	// usageError is a wrong command line: exit 2, with the command's usage.
	usageError struct{ msg string }
	// problemsError is a network with problems: every problem is printed,
	// exit 1.
	problemsError struct{ err error }
	// failure is work that failed: exit 1.
	failure struct{ err error }
)

func (e *usageError) Error() string    { return e.msg }
func (e *problemsError) Error() string { return e.err.Error() }
func (e *problemsError) Unwrap() error { return e.err }
func (e *failure) Error() string       { return e.err.Error() }
func (e *failure) Unwrap() error       { return e.err }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// printError prints err the way its type asks and returns the exit status.
func (a *app) printError(cmd *cobra.Command, err error) int {
	path := commandPath(cmd)
	var pe *problemsError
	var f *failure
	var code exitCode
	switch {
	case errors.As(err, &pe):
		a.printProblems(pe.err)
		return exitData
	case errors.As(err, &f):
		fmt.Fprintf(a.stderr, "%s: %s\n", path, clean(describe(f.err)))
		return exitData
	case errors.As(err, &code):
		return int(code)
	}
	// A usage error, ours or cobra's.
	msg := err.Error()
	if strings.HasPrefix(msg, "unknown command") && cmd != nil && cmd.HasSubCommands() {
		// cobra's own message lists suggestions on further lines.
		fmt.Fprintf(a.stderr, "%s: %s\n", path, strings.TrimRight(clean(msg), "\n"))
		fmt.Fprintf(a.stderr, "Run '%s --help' for the commands.\n", path)
		return exitUsage
	}
	fmt.Fprintf(a.stderr, "%s: %s\n", path, clean(msg))
	if cmd != nil {
		fmt.Fprintf(a.stderr, "usage: %s\n", cmd.UseLine())
		fmt.Fprintf(a.stderr, "Run '%s --help' for the flags and examples.\n", path)
	}
	return exitUsage
}

// command wraps a RunE so that its plain errors are failures (exit 1), and
// records the command being run for messages printed on a signal.
func (a *app) command(run func(cmd *cobra.Command, args []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		a.act.begin(cmd.CommandPath())
		err := run(cmd, args)
		if err == nil {
			return nil
		}
		var ue *usageError
		var pe *problemsError
		var f *failure
		var code exitCode
		if errors.As(err, &ue) || errors.As(err, &pe) || errors.As(err, &f) || errors.As(err, &code) {
			return err
		}
		return &failure{err}
	}
}

// version returns the module version the binary was built from, or the VCS
// revision of a build from a clone.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(devel)"
	}
	if bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	var rev, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if rev != "" {
		return "(devel) " + rev[:min(12, len(rev))] + dirty
	}
	return "(devel)"
}
