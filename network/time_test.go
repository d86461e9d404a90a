package network

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
)

// TestPhaseOn checks every row of the rule of time in PhaseOn's comment,
// on the day 2018-06-01, plus the edges of partial dates.
func TestPhaseOn(t *testing.T) {
	d := MustParseDate("2018-06-01")
	date := func(s string) Date {
		if s == "" {
			return Date{}
		}
		return MustParseDate(s)
	}
	tests := []struct {
		status     Status
		start, end string
		want       Phase
		reason     string
	}{
		{StatusUnknown, "2019", "", NotYet, "any status: starts after the day"},
		{Active, "2018-06-02", "", NotYet, "starts the next day"},
		{Ended, "2019-01-01", "2020", NotYet, "even an ended link had not begun yet"},
		{Active, "", "2018-05-31", Over, "any status: ended the day before"},
		{Planned, "2010", "2017", Over, "even a planned link is over when its dates are"},
		{Planned, "", "", NotYet, "planned and undated: not yet"},
		{Planned, "", "2020", NotYet, "planned without a start: not yet"},
		{Ended, "", "", Over, "ended without an end date: not on the day"},
		{Ended, "2017", "", Over, "ended, begun before, no end date"},
		{Planned, "2018-01", "", Ongoing, "planned but dated: the dates say it began"},
		{Planned, "2018", "2018", Ongoing, "planned, dated over the day"},
		{Ended, "2017-10-01", "2019-09-30", Ongoing, "the project that ran 2017–2019 was in force in 2018, whatever its status says today"},
		{Ended, "", "2018-06", Ongoing, "ended later in the same month: a partial end covers its month"},
		{Active, "", "", Ongoing, "active and undated"},
		{StatusUnknown, "", "", Ongoing, "no status, no dates"},
		{StatusUnknown, "2018-06-01", "2018-06-01", Ongoing, "a one-day link on its day"},
		{Active, "2018", "", Ongoing, "a partial start covers its whole year"},
	}
	for _, tt := range tests {
		l := Link{From: "a", To: "b", Status: tt.status, Start: date(tt.start), End: date(tt.end)}
		require.Equal(t, tt.want, l.PhaseOn(d), "%s (%s, %q–%q)", tt.reason, tt.status, tt.start, tt.end)
		require.Equal(t, tt.want == Ongoing, l.InForce(d), tt.reason)
	}
}

func TestInForceAndDay(t *testing.T) {
	n, err := Build("project", []actor.Actor{{ID: "a", Kind: actor.Project}, {ID: "b", Kind: actor.NGO}, {ID: "c", Kind: actor.School}},
		[]Link{
			{From: "b", To: "a", Kind: Partnership, Start: MustParseDate("2017-10-01"), End: MustParseDate("2019-09-30"), Status: Ended},
			{From: "c", To: "a", Kind: Partnership, Status: Planned},
		})
	require.NoError(t, err)
	during := n.InForce(MustParseDate("2018-06-01"))
	require.Equal(t, 3, during.NumActors(), "every actor is kept")
	require.Equal(t, 1, during.NumLinks(), "the dated project link is in force, the undated plan is not")
	require.Zero(t, n.InForce(MustParseDate("2020-01-01")).NumLinks())

	require.Equal(t, MustParseDate("2018-06-01"), n.Day(MustParseDate("2018-06-01")), "a given day wins")
	require.Equal(t, MustParseDate("2019-01-01"), n.Day(MustParseDate("2019")), "a partial day stands for its first day")
	require.Equal(t, Today(), n.Day(Date{}), "no day and no AsOf: today")
	n.AsOf = MustParseDate("2018-03")
	require.Equal(t, MustParseDate("2018-03-01"), n.Day(Date{}), "the file's AsOf")
	require.Equal(t, 1, n.InForce(Date{}).NumLinks(), "InForce of the zero Date uses AsOf")
	require.Equal(t, n.AsOf, n.InForce(Date{}).AsOf, "views keep AsOf")
}
