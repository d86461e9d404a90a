package report

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/analysis/gap"
	"github.com/labournet/labournet/internal/testnet"
)

// TestLargeNetworksAnswerFewerGaps checks that above ExactUpTo actors the
// recommendations answer only the first MaxAnswered gaps they can, that
// those are the recommendations of the unbounded report for those gaps,
// and that the report says how many are left, in Markdown and JSON; and
// that up to ExactUpTo actors, or with a negative MaxAnswered, nothing is
// left out.
func TestLargeNetworksAnswerFewerGaps(t *testing.T) {
	n := reportNet(t)
	all := newReport(t, n, Options{Optimize: -1})
	require.Zero(t, all.Answered)
	require.Zero(t, all.Unanswered)
	var answerable []gap.Key
	for _, f := range all.Gaps {
		if gap.Answers(f.Rule) {
			answerable = append(answerable, f.Key())
		}
	}
	require.Greater(t, len(answerable), 2, "gaps to leave out")
	require.NotContains(t, markdown(t, all), "recommendations answer only")

	r := newReport(t, n, Options{Optimize: -1, ExactUpTo: 4, MaxAnswered: 2})
	require.Equal(t, 2, r.Answered)
	require.Equal(t, len(answerable)-2, r.Unanswered)
	var want []gap.Recommendation
	for _, rec := range all.Recommendations {
		if slices.ContainsFunc(rec.Addresses, func(k gap.Key) bool { i := slices.Index(answerable, k); return i >= 0 && i < 2 }) {
			want = append(want, rec)
		}
	}
	require.NotEmpty(t, want)
	require.Greater(t, len(all.Recommendations), len(want), "the bound leaves some out")
	if diff := cmp.Diff(want, r.Recommendations, testnet.Approx(0)); diff != "" {
		t.Fatalf("bounded recommendations (-unbounded, first 2 gaps +bounded):\n%s", diff)
	}
	require.Contains(t, markdown(t, r), "With 8 actors, recommendations answer only the first 2 gaps they could")
	var js bytes.Buffer
	require.NoError(t, r.WriteJSON(&js))
	var out map[string]any
	require.NoError(t, json.Unmarshal(js.Bytes(), &out))
	require.EqualValues(t, 2, out["answered"])
	require.EqualValues(t, len(answerable)-2, out["unanswered"])

	unbounded := newReport(t, n, Options{Optimize: -1, ExactUpTo: 4, MaxAnswered: -1})
	require.Zero(t, unbounded.Unanswered)
	if diff := cmp.Diff(all.Recommendations, unbounded.Recommendations, testnet.Approx(0)); diff != "" {
		t.Fatalf("MaxAnswered -1 (-exact +sampled):\n%s", diff)
	}
}
