package cordisgen

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// call is a family of calls of a framework programme: how its calls,
// topics and funding schemes are named, and whether its projects have
// one beneficiary.
type call struct {
	weight   float64
	single   bool
	types    string // the activity types of a single beneficiary ("" any)
	master   string // %d the year
	topic    string // %d the year, %02d a number
	schemes  []string
	basis    string
	months   []int // possible durations
	ecMedian float64
}

// The call families of H2020 (projects starting 2014–2020) and Horizon
// Europe (2021 on), named as CORDIS names them: "H2020-MSCA-IF-2014",
// topic "MSCA-IF-2014-EF", scheme "MSCA-IF-EF-ST".
var h2020Calls = []call{
	{weight: 30, single: true, types: "HES REC", master: "H2020-MSCA-IF-%d", topic: "MSCA-IF-%d-EF", schemes: []string{"MSCA-IF-EF-ST", "MSCA-IF-GF", "MSCA-IF-EF-CAR"}, basis: "H2020-EU.1.3.2.", months: []int{12, 24, 24, 36}, ecMedian: 190000},
	{weight: 14, single: true, types: "HES REC", master: "ERC-%d-STG", topic: "ERC-%d-STG", schemes: []string{"ERC-STG", "ERC-COG", "ERC-ADG", "ERC-POC"}, basis: "H2020-EU.1.1.", months: []int{60, 60, 48, 18}, ecMedian: 1500000},
	{weight: 12, single: true, types: "PRC", master: "H2020-SMEINST-1-%d", topic: "SMEInst-%02[2]d-%[1]d", schemes: []string{"SME-1", "SME-2"}, basis: "H2020-EU.2.3.", months: []int{6, 12, 24}, ecMedian: 50000},
	{weight: 6, single: true, types: "PUB OTH", master: "H2020-CSA-%d", topic: "CSA-%02[2]d-%[1]d", schemes: []string{"CSA"}, basis: "H2020-EU.5.", months: []int{12, 24}, ecMedian: 150000},
	{weight: 10, master: "H2020-SC1-%d", topic: "SC1-BHC-%02[2]d-%[1]d", schemes: []string{"RIA", "RIA", "IA"}, basis: "H2020-EU.3.1.", months: []int{36, 48, 60}, ecMedian: 450000},
	{weight: 8, master: "H2020-LC-SC3-%d", topic: "LC-SC3-EE-%[2]d-%[1]d", schemes: []string{"IA", "CSA", "RIA"}, basis: "H2020-EU.3.3.", months: []int{24, 36, 36, 48}, ecMedian: 300000},
	{weight: 5, master: "H2020-SC6-TRANSFORMATIONS-%d", topic: "TRANSFORMATIONS-%02[2]d-%[1]d", schemes: []string{"RIA", "CSA"}, basis: "H2020-EU.3.6.", months: []int{36, 36, 48}, ecMedian: 250000},
	{weight: 10, master: "H2020-ICT-%d", topic: "ICT-%02[2]d-%[1]d", schemes: []string{"RIA", "IA", "CSA"}, basis: "H2020-EU.2.1.1.", months: []int{24, 36, 36, 42}, ecMedian: 420000},
	{weight: 6, master: "H2020-MSCA-ITN-%d", topic: "MSCA-ITN-%d", schemes: []string{"MSCA-ITN-ETN", "MSCA-ITN-EID", "MSCA-ITN-EJD"}, basis: "H2020-EU.1.3.1.", months: []int{48}, ecMedian: 500000},
	{weight: 4, master: "H2020-MSCA-RISE-%d", topic: "MSCA-RISE-%d", schemes: []string{"MSCA-RISE"}, basis: "H2020-EU.1.3.3.", months: []int{36, 48}, ecMedian: 90000},
	{weight: 5, master: "H2020-NMBP-%d", topic: "NMBP-%02[2]d-%[1]d", schemes: []string{"RIA", "IA"}, basis: "H2020-EU.2.1.3.", months: []int{36, 48}, ecMedian: 400000},
	{weight: 5, master: "H2020-SFS-%d", topic: "SFS-%02[2]d-%[1]d", schemes: []string{"RIA", "IA", "CSA"}, basis: "H2020-EU.3.2.", months: []int{36, 48, 60}, ecMedian: 300000},
	{weight: 4, master: "H2020-SC5-%d", topic: "SC5-%02[2]d-%[1]d", schemes: []string{"RIA", "IA"}, basis: "H2020-EU.3.5.", months: []int{36, 48}, ecMedian: 320000},
}

var horizonCalls = []call{
	{weight: 28, single: true, types: "HES REC", master: "HORIZON-MSCA-%d-PF-01", topic: "HORIZON-MSCA-%d-PF-01-01", schemes: []string{"HORIZON-TMA-MSCA-PF-EF", "HORIZON-TMA-MSCA-PF-GF"}, basis: "HORIZON.1.2", months: []int{24, 24, 36}, ecMedian: 200000},
	{weight: 15, single: true, types: "HES REC", master: "ERC-%d-STG", topic: "ERC-%d-STG", schemes: []string{"HORIZON-ERC", "HORIZON-ERC-POC"}, basis: "HORIZON.1.1", months: []int{60, 60, 18}, ecMedian: 1500000},
	{weight: 10, single: true, types: "PRC", master: "HORIZON-EIC-%d-ACCELERATOR-01", topic: "HORIZON-EIC-%d-ACCELERATOR-01", schemes: []string{"HORIZON-EIC-ACC", "HORIZON-EIC-ACC-BF"}, basis: "HORIZON.3.1", months: []int{12, 24, 36}, ecMedian: 1800000},
	{weight: 7, master: "HORIZON-CL2-%d-TRANSFORMATIONS-01", topic: "HORIZON-CL2-%d-TRANSFORMATIONS-01-%02d", schemes: []string{"HORIZON-RIA", "HORIZON-CSA"}, basis: "HORIZON.2.2", months: []int{36, 48}, ecMedian: 280000},
	{weight: 10, master: "HORIZON-CL4-%d-DIGITAL-EMERGING-01", topic: "HORIZON-CL4-%d-DIGITAL-EMERGING-01-%02d", schemes: []string{"HORIZON-RIA", "HORIZON-IA"}, basis: "HORIZON.2.4", months: []int{36, 42, 48}, ecMedian: 420000},
	{weight: 9, master: "HORIZON-CL5-%d-D3-01", topic: "HORIZON-CL5-%d-D3-01-%02d", schemes: []string{"HORIZON-IA", "HORIZON-RIA", "HORIZON-CSA"}, basis: "HORIZON.2.5", months: []int{36, 48}, ecMedian: 380000},
	{weight: 7, master: "HORIZON-CL6-%d-FARM2FORK-01", topic: "HORIZON-CL6-%d-FARM2FORK-01-%02d", schemes: []string{"HORIZON-RIA", "HORIZON-IA"}, basis: "HORIZON.2.6", months: []int{48, 60}, ecMedian: 300000},
	{weight: 8, master: "HORIZON-HLTH-%d-DISEASE-04", topic: "HORIZON-HLTH-%d-DISEASE-04-%02d", schemes: []string{"HORIZON-RIA"}, basis: "HORIZON.2.1", months: []int{48, 60}, ecMedian: 500000},
	{weight: 4, master: "HORIZON-MSCA-%d-DN-01", topic: "HORIZON-MSCA-%d-DN-01-01", schemes: []string{"HORIZON-TMA-MSCA-DN", "HORIZON-TMA-MSCA-DN-ID"}, basis: "HORIZON.1.2", months: []int{48}, ecMedian: 450000},
	{weight: 4, master: "HORIZON-WIDERA-%d-ACCESS-03", topic: "HORIZON-WIDERA-%d-ACCESS-03-%02d", schemes: []string{"HORIZON-CSA"}, basis: "HORIZON.4.1", months: []int{36}, ecMedian: 250000},
}

// pickCall returns a call family of the programme: a single-beneficiary
// one when single is true (fitting the beneficiary's activity type t),
// else a collaborative one.
func pickCall(r *rand.Rand, calls []call, single bool, t string) *call {
	total := 0.0
	ok := func(c *call) bool {
		if c.single != single {
			return false
		}
		return !single || c.types == "" || slices.Contains(strings.Fields(c.types), t)
	}
	for i := range calls {
		if ok(&calls[i]) {
			total += calls[i].weight
		}
	}
	if total == 0 { // no family for this type: any single-beneficiary one
		for i := range calls {
			if calls[i].single == single {
				return &calls[i]
			}
		}
	}
	x := r.Float64() * total
	for i := range calls {
		if !ok(&calls[i]) {
			continue
		}
		if x -= calls[i].weight; x < 0 {
			return &calls[i]
		}
	}
	for i := len(calls) - 1; i >= 0; i-- {
		if ok(&calls[i]) {
			return &calls[i]
		}
	}
	return &calls[0]
}

// names returns the master call, sub-call and topic of a call of year y.
func (c *call) names(r *rand.Rand, y int) (master, sub, topic string) {
	master = fmt.Sprintf(c.master, y)
	sub = master
	if strings.Count(c.topic, "%") > 1 {
		topic = fmt.Sprintf(c.topic, y, 1+r.IntN(12))
	} else {
		topic = fmt.Sprintf(c.topic, y)
	}
	return master, sub, topic
}
