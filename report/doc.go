// Package report runs labournet's analyses on a network and writes what they
// find for a reader who is not a network analyst: the summary, how closely
// knit the network is, its central actors, bottlenecks, brokers and
// communities, funding, target-group coverage, gaps against a reference
// model and recommendations with their measured effects, as Markdown or as
// JSON with stable keys.
//
// Beside the report it holds the two other before/after views of a network:
// WhatIf (a network and a changed copy of it) and Diff (two editions, or one
// network at two dates). Both, and the effects of the report's
// recommendations, are one comparison: gap.Compare of two gap.States.
//
//	r, err := report.New(ctx, n, report.Options{})
//	if err != nil {
//		return err
//	}
//	return r.WriteMarkdown(os.Stdout)
package report
