package report

import (
	"github.com/labournet/labournet/analysis/gap"
	"github.com/labournet/labournet/network"
)

// WhatIf compares a network with a changed version of it, such as the
// result of network.Network.Apply: which actors stop being, or become,
// bottlenecks, how reachability changes and, when m is not nil, which gaps
// against m close or open. It is gap.Compare of the two networks' states
// (gap.Measure), the comparison that recommendations are measured by too.
// It takes O(N + L) time plus the gap rules.
func WhatIf(before, after *network.Network, m *gap.Model) gap.Effect {
	return gap.Compare(gap.Measure(before, m), gap.Measure(after, m))
}
