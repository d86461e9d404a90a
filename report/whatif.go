package report

import (
	"github.com/labournet/labournet/analysis/gap"
	"github.com/labournet/labournet/network"
)

// WhatIf compares a network with a changed version of it, such as the
// result of network.Network.Apply, on the day at (the zero Date: before's
// Day): which actors stop being, or become, bottlenecks, how reachability
// changes and, when m is not nil, which gaps against m close or open. It is
// gap.Compare of the two networks' states (gap.Measure), the comparison that
// recommendations are measured by too. It takes O(N + L) time plus the gap
// rules.
func WhatIf(before, after *network.Network, m *gap.Model, at network.Date) gap.Effect {
	day := before.Day(at)
	return gap.Compare(gap.Measure(before, m, day), gap.Measure(after, m, day))
}
