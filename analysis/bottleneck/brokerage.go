package bottleneck

import (
	"cmp"
	"math"
	"slices"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/network"
)

// BrokerageOptions configures Brokerage. The zero value groups actors by
// kind.
type BrokerageOptions struct {
	// Attr is the actor attribute (see actor.Actor.Attr) whose values are
	// the groups; empty means "kind". Actors without a value form the group
	// "".
	Attr string
}

// BrokerageRoles holds one figure for each of Gould and Fernandez's five
// brokerage roles and their total. For a broker v on a two-path u → v → w
// with no arc u → w, and groups written as letters:
type BrokerageRoles struct {
	Coordinator    analysis.Float `json:"coordinator"`    // w_I, A → A → A: within one's own group
	Itinerant      analysis.Float `json:"itinerant"`      // w_O, A → B → A: within another group (consultant)
	Representative analysis.Float `json:"representative"` // b_IO, A → A → B: from one's group outwards
	Gatekeeper     analysis.Float `json:"gatekeeper"`     // b_OI, A → B → B: from outside into one's group
	Liaison        analysis.Float `json:"liaison"`        // b_O, A → B → C: between two other groups
	Total          analysis.Float `json:"total"`          // t: all of the above
}

func (r *BrokerageRoles) brokSlot(k int) *analysis.Float {
	return [...]*analysis.Float{&r.Coordinator, &r.Itinerant, &r.Representative, &r.Gatekeeper, &r.Liaison, &r.Total}[k]
}

// BrokerageActor is one actor's brokerage.
type BrokerageActor struct {
	ID    string `json:"id"`
	Group string `json:"group"`
	// Raw counts the ordered pairs the actor brokers in each role.
	Raw BrokerageRoles `json:"raw"`
	// Expected and SD are the mean and standard deviation of the counts
	// for an actor of this group when ties are random with the network's
	// density; Z = (Raw − Expected)/SD (NaN for 0/0, ±Inf for x/0, as R).
	Expected BrokerageRoles `json:"expected"`
	SD       BrokerageRoles `json:"sd"`
	Z        BrokerageRoles `json:"z"`
}

// BrokerageResult is a Gould–Fernandez brokerage analysis.
type BrokerageResult struct {
	// Actors are sorted by Raw.Total (descending), then ID.
	Actors []BrokerageActor `json:"actors"`
	// Raw, Expected, SD and Z are the network-level figures: role counts
	// summed over all actors, and their mean, deviation and z-score under
	// random ties.
	Raw      BrokerageRoles `json:"raw"`
	Expected BrokerageRoles `json:"expected"`
	SD       BrokerageRoles `json:"sd"`
	Z        BrokerageRoles `json:"z"`
	// Density is d = arcs / (N(N−1)) of the directed view.
	Density analysis.Float `json:"density"`
}

// Brokerage performs Gould and Fernandez's brokerage analysis on the
// directed view of s with groups given by BrokerageOptions.Attr, matching R's
// sna::brokerage(g, cl) (sna 2.7): actor v brokers the ordered pair (u, w)
// when u → v → w, u ≠ w and there is no arc u → w; each such pair counts
// once in the role its groups define (see BrokerageRoles).
//
// An undirected link is an arc each way (as sna reads a symmetric matrix or
// an undirected network object), so in undirected data every brokered
// unordered pair counts twice: once each way, e.g. as representative one way
// and gatekeeper the other, and the density is the undirected density.
//
// Expectations and variances are sna's, for density d = m/(N(N−1)) with m
// arcs, q = d²(1−d), c₃ = d³(1−d)³, and groups of sizes n_i; for an actor
// of group i (sums over the other groups j):
//
//	E[w_I]  = q (n_i−1)(n_i−2)
//	E[w_O]  = q Σ_j n_j(n_j−1)
//	E[b_IO] = E[b_OI] = q (N−n_i)(n_i−1)
//	E[b_O]  = q ((Σ_j n_j)² − Σ_j n_j²)
//	E[t]    = q (N−1)(N−2)
//	Var[x]  = E[x](1−q) + 2c₃·(n_i−1)(n_i−2)(n_i−3)            for w_I
//	                    + 2c₃·Σ_j n_j(n_j−1)(n_j−2)               for w_O
//	                    + 2c₃·((n_i−1)C(N−n_i,2) + (N−n_i)C(n_i−1,2)) for b_IO, b_OI
//	                    + 4c₃·Σ_j n_j C(N−n_j−n_i, 2)             for b_O
//	                    + 2c₃·(N−1)(N−2)(N−3)                     for t
//
// and the network-level figures follow sna's brokerage source likewise; its
// sum over distinct triples of groups is evaluated in closed form with
// power sums, so it takes O(G) rather than O(G³) time for G groups.
//
// sna enumerates every two-path; here the pairs a broker v could broker are
// counted by group from the group counts of its in- and out-neighbours,
// and only the excluded pairs are enumerated: u = w (arcs both ways) and
// closed pairs (an arc u → w), found by intersecting Out(u) with Out(v) from
// the shorter side. So a hub costs O(in(v) + out(v) + Σ_{u→v}
// min(out(u), out(v))·log) rather than in(v)·out(v).
//
// Source: Gould & Fernandez (1989), "Structures of mediation: a formal
// approach to brokerage in transaction networks", Sociological Methodology
// 19:89–126; Butts, sna::brokerage. It takes O(N + A + G + Σ_{u→v}
// min(out(u), out(v))·log N) time for A arcs and G groups, and O(N + G)
// memory beyond the snapshot.
func Brokerage(s *network.Snapshot, opt BrokerageOptions) BrokerageResult {
	n := s.N()
	cl, names := groupLabels(s, opt.Attr)
	raw := brokCount(s, cl, len(names), nil)
	N := float64(n)
	d := float64(s.NumArcs()) / (N * (N - 1))
	q := d * d * (1 - d)
	c3 := d * d * d * (1 - d) * (1 - d) * (1 - d)
	c4 := d * d * d * d * (1 - d) * (1 - d)
	c5 := d * d * d * d * d * (1 - d)
	size := make([]float64, len(names))
	for _, g := range cl {
		size[g]++
	}
	var p1, p2, p3, s2 float64 // power sums of group sizes; s2 = Σ n(n−1)
	var s3 float64             // Σ n(n−1)(n−2)
	for _, x := range size {
		p1 += x
		p2 += x * x
		p3 += x * x * x
		s2 += x * (x - 1)
		s3 += x * (x - 1) * (x - 2)
	}
	choose2 := func(x float64) float64 { return x * (x - 1) / 2 }
	// Per-group expectations and variances (sna's ebr, vbr).
	type brokEV struct{ e, v [6]float64 }
	ev := make([]brokEV, len(names))
	for g, ni := range size {
		var e, v [6]float64
		// Sums over the other groups.
		o1, o2, o3 := p1-ni, p2-ni*ni, p3-ni*ni*ni
		oS2 := s2 - ni*(ni-1)
		oS3 := s3 - ni*(ni-1)*(ni-2)
		M := N - ni
		e[0] = q * (ni - 1) * (ni - 2)
		v[0] = e[0]*(1-q) + 2*(ni-1)*(ni-2)*(ni-3)*c3
		e[1] = q * oS2
		v[1] = e[1]*(1-q) + 2*oS3*c3
		e[2] = q * (N - ni) * (ni - 1)
		v[2] = e[2]*(1-q) + 2*((ni-1)*choose2(N-ni)+(N-ni)*choose2(ni-1))*c3
		e[3], v[3] = e[2], v[2]
		e[4] = q * (o1*o1 - o2)
		// Σ_j n_j C(M − n_j, 2) = ½ Σ_j [n_j(M²−M) − n_j²(2M−1) + n_j³]
		sumC := (o1*(M*M-M) - o2*(2*M-1) + o3) / 2
		v[4] = e[4]*(1-q) + 4*sumC*c3
		e[5] = q * (N - 1) * (N - 2)
		v[5] = e[5]*(1-q) + 2*(N-1)*(N-2)*(N-3)*c3
		ev[g] = brokEV{e, v}
	}
	res := BrokerageResult{Density: analysis.Float(d), Actors: make([]BrokerageActor, n)}
	var gbr [6]float64
	for v := range n {
		a := BrokerageActor{ID: s.ID(v), Group: names[cl[v]]}
		t := 0.0
		for k := range 5 {
			t += raw[v][k]
		}
		for k := range 6 {
			x := t
			if k < 5 {
				x = raw[v][k]
			}
			gbr[k] += x
			e, sd := ev[cl[v]].e[k], math.Sqrt(ev[cl[v]].v[k])
			*a.Raw.brokSlot(k) = analysis.Float(x)
			*a.Expected.brokSlot(k) = analysis.Float(e)
			*a.SD.brokSlot(k) = analysis.Float(sd)
			*a.Z.brokSlot(k) = analysis.Float((x - e) / sd)
		}
		res.Actors[v] = a
	}
	// Network level (sna's egbr, vgbr).
	var eg, vg [6]float64
	eg[0] = q * s3
	for _, x := range size {
		vg[0] += x * (x - 1) * (x - 2) * ((4*x-10)*c3 - 4*(x-3)*c4 + (x-3)*c5)
	}
	vg[0] += eg[0] * (1 - q)
	var snNn float64 // Σ n(N−n)(n−1)
	for _, x := range size {
		snNn += x * (N - x) * (x - 1)
	}
	eg[1] = q * snNn
	// Σ_{i≠j} x y (x−1)((2x+2y−6)c₃ + (N−x−1)c₅), with x = n_i, y = n_j:
	// for each x the y-sum runs over the other groups.
	for _, x := range size {
		oy1 := p1 - x
		vg[1] += x * (x - 1) * ((2*x-6)*c3*oy1 + 2*c3*(p2-x*x) + (N-x-1)*c5*oy1)
	}
	vg[1] += eg[1] * (1 - q)
	eg[2] = q * snNn
	for _, x := range size {
		vg[2] += x * (N - x) * (x - 1) * ((N-3)*c3 + (x-2)*c5)
	}
	vg[2] += eg[2] * (1 - q)
	eg[3], vg[3] = eg[2], vg[2]
	// Σ_{i≠j} n_i n_j (N − n_i − n_j) = N(p1² − p2) − 2(p1·p2 − p3)
	eg[4] = q * (N*(p1*p1-p2) - 2*(p1*p2-p3))
	// Σ over distinct ordered triples (i, j, k) of n_i n_j n_k f, with f
	// linear: A + Bi·n_i + Bj·n_j + Bk·n_k.
	A := (4*N-2)*c3 - (4*N-2)*c4 + (N-1)*c5
	B := (-2*c3 + 2*c4 - c5) + (-4*c3 + 2*c4) + (-2*c3 + 4*c4 - c5)
	T3 := p1*p1*p1 - 3*p1*p2 + 2*p3 // Σ_distinct n_i n_j n_k
	var U float64                   // Σ_distinct n_i² n_j n_k
	for _, x := range size {
		U += x * x * ((p1-x)*(p1-x) - (p2 - x*x))
	}
	vg[4] = eg[4]*(1-q) + A*T3 + B*U
	eg[5] = q * N * (N - 1) * (N - 2)
	vg[5] = eg[5]*(1-q) + N*(N-1)*(N-2)*((4*N-10)*c3-4*(N-3)*c4+(N-3)*c5)
	for k := range 6 {
		*res.Raw.brokSlot(k) = analysis.Float(gbr[k])
		*res.Expected.brokSlot(k) = analysis.Float(eg[k])
		*res.SD.brokSlot(k) = analysis.Float(math.Sqrt(vg[k]))
		*res.Z.brokSlot(k) = analysis.Float((gbr[k] - eg[k]) / math.Sqrt(vg[k]))
	}
	slices.SortFunc(res.Actors, func(a, b BrokerageActor) int {
		if a.Raw.Total != b.Raw.Total {
			return cmp.Compare(b.Raw.Total, a.Raw.Total)
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return res
}

// BrokeredTotal returns the total brokerage (Raw.Total of Brokerage) of
// the actors at the given positions of s, in their order: the same values,
// counted over those actors' ego networks only, so that a few actors of a
// large network cost O(N) plus their neighbourhoods. A position out of
// range gives 0.
func BrokeredTotal(s *network.Snapshot, actors []int, opt BrokerageOptions) []float64 {
	cl, names := groupLabels(s, opt.Attr)
	only := make([]int, 0, len(actors))
	for _, v := range actors {
		if v >= 0 && v < s.N() {
			only = append(only, v)
		}
	}
	raw := brokCount(s, cl, len(names), only)
	out := make([]float64, len(actors))
	for i, v := range actors {
		if v < 0 || v >= s.N() {
			continue
		}
		t := 0.0
		for k := range 5 {
			t += raw[v][k]
		}
		out[i] = t
	}
	return out
}

// brokCount returns each actor's raw role counts (coordinator, itinerant,
// representative, gatekeeper, liaison) for groups cl[v] in [0, groups): of
// every actor, or only of the actors at the positions only when it is not
// nil (the others' counts are then 0).
func brokCount(s *network.Snapshot, cl []int32, groups int, only []int) [][5]float64 {
	n := s.N()
	raw := make([][5]float64, n)
	cin, cout := make([]int64, groups), make([]int64, groups)
	var touched []int32
	mark := make([]bool, n)
	all := func(yield func(int) bool) {
		for j := range n {
			if !yield(j) {
				return
			}
		}
	}
	if only != nil {
		all = slices.Values(only)
	}
	for j := range all {
		in, out := s.In(j), s.Out(j)
		if len(in) == 0 || len(out) == 0 {
			continue
		}
		c := cl[j]
		touched = touched[:0]
		for _, i := range in {
			if cin[cl[i]] == 0 && cout[cl[i]] == 0 {
				touched = append(touched, cl[i])
			}
			cin[cl[i]]++
		}
		for _, k := range out {
			if cin[cl[k]] == 0 && cout[cl[k]] == 0 {
				touched = append(touched, cl[k])
			}
			cout[cl[k]]++
			mark[k] = true
		}
		inAll, outAll := int64(len(in)), int64(len(out))
		var r [5]int64 // coordinator, itinerant, representative, gatekeeper, liaison
		r[0] = cin[c] * cout[c]
		r[2] = cin[c] * (outAll - cout[c])
		r[3] = (inAll - cin[c]) * cout[c]
		for _, g := range touched {
			if g != c {
				r[1] += cin[g] * cout[g]
			}
		}
		r[4] = (inAll-cin[c])*(outAll-cout[c]) - r[1]
		// Excluded pairs (i, k): i = k, or an arc i → k.
		exclude := func(i, k int32) {
			gi, gk := cl[i], cl[k]
			switch {
			case gi == c && gk == c:
				r[0]--
			case gi == c:
				r[2]--
			case gk == c:
				r[3]--
			case gi == gk:
				r[1]--
			default:
				r[4]--
			}
		}
		for _, i := range in {
			if mark[i] {
				exclude(i, i)
			}
			oi := s.Out(int(i))
			if len(oi) <= len(out) {
				for _, k := range oi {
					if mark[k] {
						exclude(i, k)
					}
				}
			} else {
				for _, k := range out {
					if _, ok := slices.BinarySearch(oi, k); ok {
						exclude(i, k)
					}
				}
			}
		}
		for k := range 5 {
			raw[j][k] = float64(r[k])
		}
		for _, g := range touched {
			cin[g], cout[g] = 0, 0
		}
		for _, k := range out {
			mark[k] = false
		}
	}
	return raw
}

// groupLabels numbers the values of the actor attribute key ("kind" when
// empty) in order of first appearance: label[v] is actor v's group, names
// the values (an actor without the attribute is in the group "").
func groupLabels(s undirected, key string) (label []int32, names []string) {
	if key == "" {
		key = "kind"
	}
	label = make([]int32, s.N())
	index := map[string]int32{}
	for v := range s.N() {
		val, _ := s.Actor(v).Attr(key)
		g, ok := index[val]
		if !ok {
			g = int32(len(names))
			index[val] = g
			names = append(names, val)
		}
		label[v] = g
	}
	return label, names
}
