package cohesion

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/internal/testnet"
	"github.com/labournet/labournet/network"
)

// cohApprox compares reference numbers to 1e-9 (NaN equals NaN).
var cohApprox = testnet.Approx(1e-9)

// cohRefNets are the reference networks of testdata/reference (written by
// make_reference.py from NetworkX 2.8.8).
var cohRefNets = []string{"karate", "florentine", "kite", "random_undirected", "random_directed", "small_directed"}

// cohGraphValue decodes the graph-level reference figure key; null is NaN.
func cohGraphValue(t *testing.T, ref testnet.Values, key string) float64 {
	t.Helper()
	raw, ok := ref.Graph[key]
	if !ok {
		t.Fatalf("reference has no graph figure %q", key)
	}
	var v *float64
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("graph figure %q: %v", key, err)
	}
	if v == nil {
		return math.NaN()
	}
	return *v
}

// cohDecode decodes the graph-level reference figure key into v.
func cohDecode(t *testing.T, ref testnet.Values, key string, v any) {
	t.Helper()
	raw, ok := ref.Graph[key]
	if !ok {
		t.Fatalf("reference has no graph figure %q", key)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatalf("graph figure %q: %v", key, err)
	}
}

// cohMetric returns the reference per-actor metric as a map (null = NaN).
func cohMetric(t *testing.T, ref testnet.Values, name string) map[string]float64 {
	t.Helper()
	m, ok := ref.Metrics[name]
	if !ok {
		t.Fatalf("reference has no metric %q", name)
	}
	out := make(map[string]float64, len(m))
	for id, v := range m {
		if v == nil {
			out[id] = math.NaN()
		} else {
			out[id] = *v
		}
	}
	return out
}

// cohCanon orders components by their smallest ID, as the reference does.
func cohCanon(c [][]string) [][]string {
	c = slices.Clone(c)
	slices.SortFunc(c, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return c
}

// TestCohesionAgainstNetworkX checks every cohesion measure against the
// NetworkX values of each reference network, to 1e-9.
func TestCohesionAgainstNetworkX(t *testing.T) {
	for _, name := range cohRefNets {
		t.Run(name, func(t *testing.T) {
			n, ref := testnet.LoadRef(t, name)
			s := n.Snapshot()
			_, directed := ref.Graph["reciprocity"] // only directed references have it

			check := func(what string, want, got any) {
				t.Helper()
				if diff := cmp.Diff(want, got, cohApprox); diff != "" {
					t.Errorf("%s (-NetworkX +ours):\n%s", what, diff)
				}
			}
			check("core_number", cohMetric(t, ref, "core_number"), CoreNumbers(s, CoreOptions{Directed: directed}).Map())
			check("clustering", cohMetric(t, ref, "clustering"), Clustering(s, ClusteringOptions{Directed: directed}).Map())
			check("clustering_weighted", cohMetric(t, ref, "clustering_weighted"), Clustering(s, ClusteringOptions{Directed: directed, Weighted: true}).Map())
			check("average_clustering", cohGraphValue(t, ref, "average_clustering"), AverageClustering(s, ClusteringOptions{Directed: directed}))
			check("average_clustering_weighted", cohGraphValue(t, ref, "average_clustering_weighted"), AverageClustering(s, ClusteringOptions{Directed: directed, Weighted: true}))
			check("density", cohGraphValue(t, ref, "density"), Density(s, DensityOptions{Directed: directed}))

			var isolates []string
			cohDecode(t, ref, "isolates", &isolates)
			var gotIso []string
			for _, c := range Components(s) {
				if len(c) == 1 && s.Degree(cohMustIndex(t, s, c[0])) == 0 {
					gotIso = append(gotIso, c[0])
				}
			}
			slices.Sort(gotIso)
			check("isolates", append([]string{}, isolates...), append([]string{}, gotIso...))

			var lcc []string
			cohDecode(t, ref, "largest_component", &lcc)
			ps := paths(t, s, ComponentPathsOptions{Directed: directed})
			psw := paths(t, s, ComponentPathsOptions{Directed: directed, Weighted: true})
			check("largest_component size", len(lcc), ps.Actors)
			check("largest_component_diameter", cohGraphValue(t, ref, "largest_component_diameter"), ps.Diameter)
			check("largest_component_average_shortest_path_length", cohGraphValue(t, ref, "largest_component_average_shortest_path_length"), float64(ps.AverageShortestPath))
			check("largest_component_diameter_weighted", cohGraphValue(t, ref, "largest_component_diameter_weighted"), psw.Diameter)
			check("largest_component_average_shortest_path_length_weighted", cohGraphValue(t, ref, "largest_component_average_shortest_path_length_weighted"), float64(psw.AverageShortestPath))

			if directed {
				var weak, strong [][]string
				cohDecode(t, ref, "weakly_connected_components", &weak)
				cohDecode(t, ref, "strongly_connected_components", &strong)
				check("weakly_connected_components", weak, cohCanon(Components(s)))
				check("strongly_connected_components", strong, cohCanon(StrongComponents(s)))
				check("transitivity_undirected", cohGraphValue(t, ref, "transitivity_undirected"), Transitivity(s))
				check("reciprocity", cohGraphValue(t, ref, "reciprocity"), Reciprocity(s))
				check("degree_centralization", cohGraphValue(t, ref, "degree_centralization"), DegreeCentralization(s, CentralizationOptions{Mode: CentralizeTotal}))
				check("in_degree_centralization", cohGraphValue(t, ref, "in_degree_centralization"), DegreeCentralization(s, CentralizationOptions{Mode: CentralizeIn}))
				check("out_degree_centralization", cohGraphValue(t, ref, "out_degree_centralization"), DegreeCentralization(s, CentralizationOptions{Mode: CentralizeOut}))
			} else {
				var cc [][]string
				cohDecode(t, ref, "connected_components", &cc)
				check("connected_components", cc, cohCanon(Components(s)))
				check("strong = weak when undirected", cohCanon(Components(s)), cohCanon(StrongComponents(s)))
				check("transitivity", cohGraphValue(t, ref, "transitivity"), Transitivity(s))
				check("degree_centralization", cohGraphValue(t, ref, "degree_centralization"), DegreeCentralization(s, CentralizationOptions{}))
			}

			groups := PartitionBy(s, "group")
			for _, w := range []bool{false, true} {
				key := "modularity"
				if w {
					key += "_weighted"
				}
				q, err := Modularity(s, groups.Groups, ModularityOptions{Weighted: w, Directed: directed})
				if err != nil {
					t.Fatal(err)
				}
				check(key, cohGraphValue(t, ref, key), q)
			}
			mo := MixingOptions{Attr: "group", Directed: directed}
			check("group_assortativity", cohGraphValue(t, ref, "group_assortativity"), AttributeAssortativity(s, mo))
			var mix struct {
				Counts     [][]float64 `json:"counts"`
				Groups     []string    `json:"groups"`
				Normalized [][]float64 `json:"normalized"`
			}
			cohDecode(t, ref, "group_mixing_matrix", &mix)
			m := MixingMatrix(s, mo)
			check("group_mixing_matrix groups", mix.Groups, m.Groups)
			check("group_mixing_matrix counts", mix.Counts, m.Counts)
			check("group_mixing_matrix normalized", mix.Normalized, m.Normalized())
			for _, w := range []bool{false, true} {
				key := "ei_index"
				if w {
					key += "_weighted"
				}
				var ei struct {
					E, I     float64
					Index    *float64
					PerGroup map[string]struct {
						E, I  float64
						Index *float64
					} `json:"per_group"`
				}
				cohDecode(t, ref, key, &ei)
				want := EI{Attr: "group", External: ei.E, Internal: ei.I, Index: cohDeref(ei.Index)}
				for _, g := range mix.Groups {
					pg := ei.PerGroup[g]
					want.Groups = append(want.Groups, EIGroup{Group: g, External: pg.E, Internal: pg.I, Index: cohDeref(pg.Index)})
				}
				check(key, want, EIIndex(s, MixingOptions{Attr: "group", Directed: directed, Weighted: w}))
			}
		})
	}
}

func cohDeref(p *float64) analysis.Float {
	if p == nil {
		return analysis.NaN()
	}
	return analysis.Float(*p)
}

func cohMustIndex(t *testing.T, s *network.Snapshot, id string) int {
	t.Helper()
	i, ok := s.Index(id)
	if !ok {
		t.Fatalf("no actor %q", id)
	}
	return i
}

// cohExtra is testdata/reference/extra_cohesion.json, written by
// make_cohesion_extra.py.
type cohExtra struct {
	Networks []struct {
		Graph  testnet.Graph `json:"graph"`
		Values struct {
			CoreNumber           map[string]float64 `json:"core_number"`
			Clustering           map[string]float64 `json:"clustering"`
			ClusteringWeighted   map[string]float64 `json:"clustering_weighted"`
			ClusteringUndirected map[string]float64 `json:"clustering_undirected"`
			AverageClustering    float64            `json:"average_clustering"`
			Density              float64            `json:"density"`
			Transitivity         float64            `json:"transitivity_undirected"`
			Reciprocity          *float64           `json:"reciprocity"`
			Weak                 [][]string         `json:"weak_components"`
			Strong               [][]string         `json:"strong_components"`
			Centralization       *float64           `json:"degree_centralization"`
			CentralizationTotal  *float64           `json:"degree_centralization_total"`
			CentralizationIn     *float64           `json:"degree_centralization_in"`
			CentralizationOut    *float64           `json:"degree_centralization_out"`
			LargestSize          int                `json:"largest_component_size"`
			Diameter             float64            `json:"diameter"`
			ASPL                 float64            `json:"average_shortest_path_length"`
			DiameterW            float64            `json:"diameter_weighted"`
			ASPLW                float64            `json:"average_shortest_path_length_weighted"`
			WeakDiameter         *float64           `json:"weak_diameter_undirected"`
			WeakASPL             *float64           `json:"weak_average_shortest_path_length_undirected"`
			Modularity           map[string]float64 `json:"modularity"`
			Assortativity        float64            `json:"group_assortativity"`
			MixingCounts         [][]float64        `json:"group_mixing_counts"`
		} `json:"values"`
	} `json:"networks"`
	KarateLouvain map[string]struct {
		Modularity []float64 `json:"modularity"`
		Min        float64   `json:"min"`
		Max        float64   `json:"max"`
		Mean       float64   `json:"mean"`
	} `json:"karate_louvain"`
}

func loadCohExtra(t testing.TB) cohExtra {
	t.Helper()
	var x cohExtra
	testnet.ReadJSON(t, testnet.Path("reference", "extra_cohesion.json"), &x)
	return x
}

// TestCohesionExtraAgainstNetworkX checks the measures on the two larger
// seeded networks of extra_cohesion.json (a hub, hundreds of triangles,
// reciprocated weighted arcs) and modularity at resolutions 0.5, 1 and 2.
func TestCohesionExtraAgainstNetworkX(t *testing.T) {
	x := loadCohExtra(t)
	for _, nw := range x.Networks {
		t.Run(nw.Graph.Name, func(t *testing.T) {
			s := testnet.Build(t, nw.Graph).Snapshot()
			v := nw.Values
			d := nw.Graph.Directed
			check := func(what string, want, got any) {
				t.Helper()
				if diff := cmp.Diff(want, got, cohApprox); diff != "" {
					t.Errorf("%s (-NetworkX +ours):\n%s", what, diff)
				}
			}
			check("core_number", v.CoreNumber, CoreNumbers(s, CoreOptions{Directed: d}).Map())
			check("clustering", v.Clustering, Clustering(s, ClusteringOptions{Directed: d}).Map())
			check("clustering_weighted", v.ClusteringWeighted, Clustering(s, ClusteringOptions{Directed: d, Weighted: true}).Map())
			check("clustering_undirected", v.ClusteringUndirected, Clustering(s, ClusteringOptions{}).Map())
			check("average_clustering", v.AverageClustering, AverageClustering(s, ClusteringOptions{Directed: d}))
			check("density", v.Density, Density(s, DensityOptions{Directed: d}))
			check("transitivity", v.Transitivity, Transitivity(s))
			check("weak components", v.Weak, cohCanon(Components(s)))
			ps := paths(t, s, ComponentPathsOptions{Directed: d})
			psw := paths(t, s, ComponentPathsOptions{Directed: d, Weighted: true})
			check("largest component", PathStats{Actors: v.LargestSize, Diameter: v.Diameter, AverageShortestPath: analysis.Float(v.ASPL)}, ps)
			check("largest component weighted", PathStats{Actors: v.LargestSize, Diameter: v.DiameterW, AverageShortestPath: analysis.Float(v.ASPLW)}, psw)
			if d {
				check("reciprocity", *v.Reciprocity, Reciprocity(s))
				check("strong components", v.Strong, cohCanon(StrongComponents(s)))
				check("centralization total", *v.CentralizationTotal, DegreeCentralization(s, CentralizationOptions{Mode: CentralizeTotal}))
				check("centralization in", *v.CentralizationIn, DegreeCentralization(s, CentralizationOptions{Mode: CentralizeIn}))
				check("centralization out", *v.CentralizationOut, DegreeCentralization(s, CentralizationOptions{Mode: CentralizeOut}))
				weak := paths(t, s, ComponentPathsOptions{})
				check("weak component diameter", *v.WeakDiameter, weak.Diameter)
				check("weak component average path", *v.WeakASPL, float64(weak.AverageShortestPath))
			} else {
				check("centralization", *v.Centralization, DegreeCentralization(s, CentralizationOptions{}))
			}
			groups := PartitionBy(s, "group").Groups
			for _, res := range []float64{0.5, 1, 2} {
				for _, w := range []bool{false, true} {
					key := fmt.Sprintf("unweighted_%g", res)
					if w {
						key = fmt.Sprintf("weighted_%g", res)
					}
					q, err := Modularity(s, groups, ModularityOptions{Weighted: w, Directed: d, Resolution: res})
					require.NoError(t, err)
					check("modularity "+key, v.Modularity[key], q)
				}
			}
			mo := MixingOptions{Attr: "group", Directed: d}
			check("assortativity", v.Assortativity, AttributeAssortativity(s, mo))
			check("mixing counts", v.MixingCounts, MixingMatrix(s, mo).Counts)
		})
	}
}

// TestClusteringAndTransitivity checks that the two figures from one
// listing of the triangles are exactly AverageClustering and Transitivity,
// on every reference network.
func TestClusteringAndTransitivity(t *testing.T) {
	for _, name := range cohRefNets {
		n, _ := testnet.LoadRef(t, name)
		s := n.Snapshot()
		avg, tr := ClusteringAndTransitivity(s)
		require.Equal(t, AverageClustering(s, ClusteringOptions{}), avg, name)
		require.Equal(t, Transitivity(s), tr, name)
		require.Positive(t, tr, "%s has triangles", name)
	}
}
