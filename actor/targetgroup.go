package actor

import "strings"

// Well-known target groups. The vocabulary of target groups is open: any
// non-empty string is allowed, but analyses (gap findings, service coverage)
// recognise these names, so datasets should use them where they fit.
const (
	Youth                = "youth"                   // young people, including school leavers without experience
	LongTermUnemployed   = "long-term-unemployed"    // unemployed for a year or more
	Over50               = "over-50"                 // people over 50
	Over55               = "over-55"                 // people over 55
	Disabled             = "disabled"                // people with disabilities
	LowSkilled           = "low-skilled"             // people with low qualifications
	Parents              = "parents"                 // mothers, fathers and single parents returning to work
	CoalAndEnergyWorkers = "coal-and-energy-workers" // workers of the energy and coal sector in transition
	Unemployed           = "unemployed"              // registered unemployed people in general
	JobSeekers           = "job-seekers"             // employed people looking for a new job
	Graduates            = "graduates"               // graduates of local schools and universities
	RemoteAreas          = "remote-areas"            // people living in remote areas
	Roma                 = "roma"                    // Roma communities
	Migrants             = "migrants"                // migrants and refugees
	Entrepreneurs        = "entrepreneurs"           // (would-be) entrepreneurs and start-ups
	Employers            = "employers"               // employers as a served group
)

// WellKnownTargetGroups returns the documented target-group names, sorted.
func WellKnownTargetGroups() []string {
	return []string{
		CoalAndEnergyWorkers, Disabled, Employers, Entrepreneurs, Graduates,
		JobSeekers, LongTermUnemployed, LowSkilled, Migrants, Over50, Over55,
		Parents, RemoteAreas, Roma, Unemployed, Youth,
	}
}

var targetGroupLabels = map[string]string{
	Youth: "young people", LongTermUnemployed: "long-term unemployed people", Over50: "people over 50",
	Over55: "people over 55", Disabled: "people with disabilities", LowSkilled: "people with low qualifications",
	Parents: "parents returning to work", CoalAndEnergyWorkers: "coal and energy workers", Unemployed: "unemployed people",
	JobSeekers: "job seekers", Graduates: "graduates", RemoteAreas: "people in remote areas", Roma: "Roma communities",
	Migrants: "migrants and refugees", Entrepreneurs: "entrepreneurs", Employers: "employers",
}

// TargetGroupLabel returns the readable name of a target group for a
// report: "long-term unemployed people" for "long-term-unemployed". A name
// outside the well-known vocabulary reads with its hyphens as spaces.
func TargetGroupLabel(name string) string {
	if l, ok := targetGroupLabels[name]; ok {
		return l
	}
	return strings.ReplaceAll(name, "-", " ")
}
