// Package gap is labournet's labour-market layer: it compares a network with
// a reference model of what a working regional labour market needs and says
// what is missing, how to mend it, and what each mend would change.
//
// A Model lists the kinds of actor expected, the relations expected between
// kinds, the target groups that must be served and the kinds a body working
// on a theme needs; DefaultModel is built from the four reference cases,
// each rule with its reason, and ReadModel reads a user's own. Gaps applies
// the model's rules and the structural ones (isolated actors, actors linked
// only by planned links, single funders, single brokers between
// communities) and returns Findings, each with a typed Rule. FundingFlows
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
