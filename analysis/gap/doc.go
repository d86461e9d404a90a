// Package gap is labournet's labour-market layer: it compares a network with
// a reference model of what a working regional labour market needs and says
// what is missing, how to mend it, and what each mend would change.
//
// A Model lists the kinds of actor expected, the relations expected between
// kinds, the target groups that must be served and the kinds a body working
// on a theme needs, and the roles some link must give. DefaultModel, the
// regional labour-market model, is built from the four reference cases, each
// rule with its reason; ConsortiumModel judges a project's partnership
// instead, ChooseModel picks the one that fits a network, and ReadModel
// reads a user's own. Everything is as of a day: a link counts when it is in
// force on it (see network.Link.PhaseOn). Gaps applies the model's rules and
// the structural ones (isolated actors, actors whose links are only planned
// or all ended, single funders, single brokers between communities) and
// returns Findings, each with a typed Rule and a Title in words. FundingFlows
// traces money along funding chains; Coverage says who serves which target
// group where.
//
// Recommend proposes a change for each finding and OptimizeLinks picks the
// links that most reduce the bottlenecks. Every proposal carries its
// measured Effect: the one before/after comparison of the module (Measure a
// State of each network, then Compare), which package report's what-if and
// diff use too.
//
//	m := gap.DefaultModel()
//	for _, f := range gap.Gaps(n, m, gap.GapOptions{}) {
//		fmt.Println(f.Severity, f.Key(), f.Explanation)
//	}
//	recs, err := gap.Recommend(ctx, n, m, gap.RecommendOptions{})
package gap
