#!/usr/bin/env bash
# bench/compare.sh: labournet side by side with python-igraph, graph-tool and
# NetworkX on the same generated networks. See docs/PERFORMANCE.md.
#
#   bash bench/compare.sh [flags]
#
# Flags (each also an environment variable; flags win):
#   --sizes "A:K A:K"  networks of A actors with K links per actor
#                      (BENCH_SIZES, default "4000:5 20000:10": 4,000 actors and
#                      20,000 links, 20,000 actors and 200,000 links)
#   --seed S           generator seed (BENCH_SEED, default 1)
#   --measures "M M"   (BENCH_MEASURES, default all: betweenness closeness
#                      harmonic pagerank core components articulation degree)
#   --tools "T T"      (BENCH_TOOLS, default "labournet igraph graph-tool networkx")
#   --threads N        threads where a tool can use them (BENCH_THREADS, default 2)
#   --timeout S        bound on each single process, seconds (BENCH_TIMEOUT, default 600)
#   --nx-limit S       skip a NetworkX run whose time, estimated from the
#                      smallest size, exceeds S seconds (BENCH_NX_LIMIT, default 300)
#   --out DIR          where RESULTS.md and results.csv go (BENCH_OUT,
#                      default bench/results)
#   --keep DIR         keep the generated networks in DIR (default: a
#                      temporary folder, removed at the end)
#
# Every tool computes on the same graph: the undirected simple graph of the
# links in force on the file's as-of day, as network.Snapshot builds it
# (several links between two actors are one edge; isolated actors count).
# bench/labournet-time writes that graph as an edge list (NAME.edges) and the
# list of actors (NAME.nodes) for the peers, which read it with their own
# readers. A peer that is not installed is skipped with a note; the script
# exits non-zero only when labournet itself cannot be built or run.
set -uo pipefail

cd "$(dirname "$0")/.." || exit 1
ROOT=$(pwd)
COMMAND="bash bench/compare.sh${*:+ $*}"

SIZES=${BENCH_SIZES:-"4000:5 20000:10"}
SEED=${BENCH_SEED:-1}
MEASURES=${BENCH_MEASURES:-"betweenness closeness harmonic pagerank core components articulation degree"}
TOOLS=${BENCH_TOOLS:-"labournet igraph graph-tool networkx"}
THREADS=${BENCH_THREADS:-2}
TIMEOUT=${BENCH_TIMEOUT:-600}
NX_LIMIT=${BENCH_NX_LIMIT:-300}
OUT=${BENCH_OUT:-bench/results}
KEEP=""
PY=${BENCH_PYTHON:-/usr/bin/python3}

while [ $# -gt 0 ]; do
	case "$1" in
	--sizes) SIZES=$2; shift 2 ;;
	--seed) SEED=$2; shift 2 ;;
	--measures) MEASURES=$2; shift 2 ;;
	--tools) TOOLS=$2; shift 2 ;;
	--threads) THREADS=$2; shift 2 ;;
	--timeout) TIMEOUT=$2; shift 2 ;;
	--nx-limit) NX_LIMIT=$2; shift 2 ;;
	--out) OUT=$2; shift 2 ;;
	--keep) KEEP=$2; shift 2 ;;
	-h | --help) sed -n '2,/^set /p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) echo "compare.sh: unknown flag $1 (see --help)" >&2; exit 2 ;;
	esac
done

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
NETS=${KEEP:-$TMP/nets}
mkdir -p "$NETS" "$OUT"
RAW=$TMP/raw.tsv   # size actors links n m measure tool lc_s compute_s rss_mib check note
LOADS=$TMP/loads.tsv # size actors links what tool wall_s internal_s rss_mib
: >"$RAW"
: >"$LOADS"

log() { printf '%s\n' "$*" >&2; }
UPTIME_START=$(uptime)
log "uptime at start: $UPTIME_START"

# --- build labournet -------------------------------------------------------
log "building labournet and bench/labournet-time into $TMP"
go build -o "$TMP/labournet" ./cmd/labournet || { log "compare.sh: cannot build labournet"; exit 1; }
go build -o "$TMP/labournet-time" ./bench/labournet-time || { log "compare.sh: cannot build bench/labournet-time"; exit 1; }
LN=$TMP/labournet
LT=$TMP/labournet-time

# --- which peers are here ---------------------------------------------------
declare -A HAVE
NOTES=()
for t in $TOOLS; do
	case $t in
	labournet) HAVE[$t]=1 ;;
	igraph | graph-tool | networkx)
		mod=${t/graph-tool/graph_tool}
		if [ -x "$PY" ] && "$PY" -c "import $mod" 2>/dev/null; then
			HAVE[$t]=1
		else
			HAVE[$t]=0
			NOTES+=("$t is not installed ($PY -c 'import $mod' failed): skipped")
			log "note: $t is not installed: skipped"
		fi ;;
	*) log "compare.sh: unknown tool $t"; exit 2 ;;
	esac
done
VERSIONS="go: $(go version | sed 's/^go version //'); labournet: $("$LN" version 2>/dev/null | head -1) (commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- 2>/dev/null || echo ', working tree modified'))"
if [ -x "$PY" ]; then
	VERSIONS="$VERSIONS; $("$PY" --version 2>&1)"
	for t in igraph graph-tool networkx; do
		[ "${HAVE[$t]:-0}" = 1 ] || continue
		mod=${t/graph-tool/graph_tool}
		v=$("$PY" -W ignore -c "import $mod; print($mod.__version__.split()[0])" 2>/dev/null)
		VERSIONS="$VERSIONS; $t: $v"
	done
fi

# timed OUTFILE CMD...: runs CMD under timeout with its standard output in
# OUTFILE; sets WALL (seconds), RSS (MiB, peak resident set) and RC.
timed() {
	local out=$1; shift
	local tf=$TMP/time.txt
	/usr/bin/time -f '%e %M' -o "$tf" timeout "$TIMEOUT" "$@" >"$out" 2>"$TMP/stderr.txt"
	RC=$?
	read -r WALL RSS < <(tail -1 "$tf")
	RSS=$(awk -v k="$RSS" 'BEGIN{printf "%.0f", k/1024}')
	if [ "$RC" -ne 0 ]; then
		if [ "$RC" -eq 124 ]; then log "  timed out after ${TIMEOUT}s: $*"; else log "  failed ($RC): $*"; sed 's/^/    /' "$TMP/stderr.txt" | tail -5 >&2; fi
	fi
}

# field JSON KEY: a field of bench's one-line JSON (no nesting, no escapes).
field() {
	local v
	v=$(sed -n "s/.*\"$2\": *\"\([^\"]*\)\".*/\1/p" "$1" | head -1)
	[ -n "$v" ] || v=$(sed -n "s/.*\"$2\": *\([^,}]*\).*/\1/p" "$1" | head -1)
	printf '%s' "$v"
}

col_of() { # the metrics column of a measure, empty when there is none
	case $1 in components) echo "" ;; *) echo "$1" ;; esac
}

allpairs() { case $1 in betweenness | closeness | harmonic) return 0 ;; esac; return 1; }

declare -A NX0   # NetworkX compute seconds at the first size, by measure
N0=""; M0=""
export GOMAXPROCS=$THREADS OMP_NUM_THREADS=$THREADS BENCH_THREADS=$THREADS

for size in $SIZES; do
	A=${size%%:*}; K=${size##*:}
	L=$((A * K))
	label="$A/$L"
	D=$NETS/n$A-k$K
	mkdir -p "$D"
	log "== $A actors, $K links per actor, seed $SEED"
	"$LN" generate -q --actors "$A" --links-per-actor "$K" --seed "$SEED" -o "$D/net.json" || exit 1
	rm -rf "$D/csv"
	"$LN" convert -q "$D/net.json" "$D/csv" || exit 1
	"$LT" -in "$D/net.json" -measures "" -edges "$D/net.edges" -nodes "$D/net.nodes" || exit 1
	N=$(wc -l <"$D/net.nodes"); M=$(wc -l <"$D/net.edges")
	log "   $N actors, $L links in the file, $M edges in the undirected simple graph in force"
	[ -z "$N0" ] && { N0=$N; M0=$M; }

	# Load times: labournet validate (whole process) of the JSON and the
	# CSV pair, and the library's load of the JSON (labournet-time).
	timed /dev/null "$LN" validate -q "$D/net.json"
	printf '%s\t%s\t%s\tvalidate JSON (whole process)\tlabournet\t%s\t\t%s\n' "$label" "$A" "$L" "$WALL" "$RSS" >>"$LOADS"
	timed /dev/null "$LN" validate -q "$D/csv"
	printf '%s\t%s\t%s\tvalidate CSV pair (whole process)\tlabournet\t%s\t\t%s\n' "$label" "$A" "$L" "$WALL" "$RSS" >>"$LOADS"
	timed "$TMP/out.json" "$LT" -in "$D/net.json" -measures degree
	printf '%s\t%s\t%s\tload JSON + in force + snapshot (library)\tlabournet\t%s\t%s\t%s\n' "$label" "$A" "$L" "$WALL" "$(field "$TMP/out.json" load_s)" "$RSS" >>"$LOADS"
	timed "$TMP/out.json" "$LT" -in "$D/csv" -measures degree
	printf '%s\t%s\t%s\tload CSV pair + in force + snapshot (library)\tlabournet\t%s\t%s\t%s\n' "$label" "$A" "$L" "$WALL" "$(field "$TMP/out.json" load_s)" "$RSS" >>"$LOADS"

	for m in $MEASURES; do
		lncheck=""
		for t in $TOOLS; do
			[ "${HAVE[$t]}" = 1 ] || continue
			note=""; lc=""; cs=""; rss=""; check=""
			case $t in
			labournet)
				timed "$TMP/out.json" "$LT" -in "$D/net.json" -measures "$m" -workers "$THREADS"
				if [ "$RC" = 0 ]; then
					cs=$(field "$TMP/out.json" compute_s); check=$(field "$TMP/out.json" check); lncheck=$check
				else note="labournet-time failed ($RC)"; fi
				c=$(col_of "$m")
				if [ -n "$c" ]; then
					ex=(); [ "$m" = betweenness ] && ex=(--exact)
					timed /dev/null "$LN" metrics -q "$D/net.json" --only "id,$c" "${ex[@]}"
					if [ "$RC" = 0 ]; then lc=$WALL; rss=$RSS; else note="${note:+$note; }metrics failed ($RC)"; fi
				else
					lc=$WALL; rss=$RSS
					note="load+compute: bench/labournet-time (metrics has no components column)"
				fi ;;
			*)
				if [ "$t" = networkx ] && [ "$N" != "$N0" ]; then
					base=${NX0[$m]:-}
					if [ "$base" = timeout ]; then
						printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t\t\t\t\tskipped: timed out at %s actors\n' "$label" "$A" "$L" "$N" "$M" "$m" "$t" "$N0" >>"$RAW"
						log "   $m $t: skipped (timed out at the smallest size)"
						continue
					fi
					if [ -n "$base" ]; then
						if allpairs "$m"; then f=$(awk -v a="$N" -v b="$M" -v c="$N0" -v d="$M0" 'BEGIN{print (a*b)/(c*d)}')
						else f=$(awk -v a="$N" -v b="$M" -v c="$N0" -v d="$M0" 'BEGIN{print (a+b)/(c+d)}'); fi
						est=$(awk -v x="$base" -v f="$f" 'BEGIN{printf "%.0f", x*f}')
						if [ "$est" -gt "$NX_LIMIT" ]; then
							printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t\t\t\t\tskipped: estimated %s s (%.4g s at %s actors x %.1f) > %s s\n' "$label" "$A" "$L" "$N" "$M" "$m" "$t" "$est" "$base" "$N0" "$f" "$NX_LIMIT" >>"$RAW"
							log "   $m $t: skipped, estimated ${est}s"
							continue
						fi
					fi
				fi
				timed "$TMP/out.json" "$PY" "$ROOT/bench/peers.py" "$t" "$m" "$D/net.edges" time
				if [ "$RC" = 0 ]; then
					lc=$WALL; rss=$RSS; cs=$(field "$TMP/out.json" compute_s); check=$(field "$TMP/out.json" check)
					if [ "$m" = degree ]; then
						printf '%s\t%s\t%s\tread edge list + actors (library; whole process incl. degree)\t%s\t%s\t%s\t%s\n' "$label" "$A" "$L" "$t" "$WALL" "$(field "$TMP/out.json" load_s)" "$RSS" >>"$LOADS"
					fi
				elif [ "$RC" = 124 ]; then note="timed out after ${TIMEOUT} s"
				else note="failed ($RC)"; fi
				if [ "$t" = networkx ] && [ "$N" = "$N0" ]; then
					if [ "$RC" = 124 ]; then NX0[$m]=timeout; else NX0[$m]=$cs; fi
				fi
				if [ -n "$check" ] && [ -n "$lncheck" ] && [ "$check" != "$lncheck" ]; then
					log "WARNING: $m at $label: $t gives $check, labournet $lncheck"
					note="${note:+$note; }DISAGREES: $check vs labournet $lncheck"
				fi ;;
			esac
			agree=""
			if [ "$t" != labournet ] && [ -n "$check" ] && [ -n "$lncheck" ]; then
				[ "$check" = "$lncheck" ] && agree=yes || agree=NO
			fi
			printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$A" "$L" "$N" "$M" "$m" "$t" "$lc" "$cs" "$rss" "$check" "${note}${agree:+|agree=$agree}" >>"$RAW"
			log "   $m $t: load+compute ${lc:-–} s, compute ${cs:-–} s${note:+ ($note)}"
		done
	done
done
UPTIME_END=$(uptime)
log "uptime at end: $UPTIME_END"

# --- the tables ------------------------------------------------------------
# Ratios are labournet's time over the peer's, for the same measure and size:
# below 1 labournet is faster.
ROWS=$TMP/rows.tsv
awk -F'\t' -v OFS='\t' -v order="$MEASURES" '
function r(a, b) { return (a != "" && b != "" && b + 0 > 0) ? sprintf("%.2f", a / b) : "" }
function f(x) { return x == "" ? "" : (x < 0.01 ? sprintf("%.4f", x) : (x < 10 ? sprintf("%.3f", x) : sprintf("%.1f", x))) }
BEGIN { nm = split(order, mo, " "); for (i = 1; i <= nm; i++) rank[mo[i]] = i }
{
	key = $6 SUBSEP $1
	if ($7 == "labournet") { lnlc[key] = $8; lncs[key] = $9 }
	row[NR] = $0; nr = NR
}
END {
	for (i = 1; i <= nr; i++) {
		split(row[i], c, "\t")
		key = c[6] SUBSEP c[1]
		note = c[12]; agree = ""
		if (match(note, /\|agree=.*/)) { agree = substr(note, RSTART + 7); note = substr(note, 1, RSTART - 1) }
		rlc = c[7] == "labournet" ? "" : r(lnlc[key], c[8])
		rcs = c[7] == "labournet" ? "" : r(lncs[key], c[9])
		print rank[c[6]], c[2] + 0, i, c[6], c[1], c[4], c[5], c[7], f(c[8]), f(c[9]), rlc, rcs, c[10], agree, note
	}
}' "$RAW" | sort -t$'\t' -k1,1n -k2,2n -k3,3n | cut -f4- >"$ROWS"

MACHINE="$(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) memory, $(uname -sr)"
DATE=$(date -u '+%Y-%m-%d %H:%M UTC')

{
	echo "measure,size,actors,edges,tool,load_compute_s,compute_s,ratio_load_compute,ratio_compute,peak_rss_mib,agrees,note"
	awk -F'\t' -v OFS=',' '{ gsub(/"/, "\"\"", $12); print $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "\"" $12 "\"" }' "$ROWS"
} >"$OUT/results.csv"

{
	echo "# labournet, python-igraph, graph-tool and NetworkX side by side"
	echo
	echo "Written by \`$COMMAND\` on $DATE."
	echo
	echo "- Machine: $MACHINE"
	echo "- Versions: $VERSIONS"
	echo "- Threads: $THREADS where a tool can use them (labournet: Workers/GOMAXPROCS; graph-tool: openmp_set_num_threads); igraph and NetworkX run on one"
	echo "- Sizes (actors/links in the file, seed $SEED); all tools compute on the undirected simple graph of the links in force: $(awk -F'\t' '!s[$1]++ { printf "%s%s: %s actors, %s edges", sep, $1, $4, $5; sep="; " }' "$RAW")"
	echo "- uptime at start: \`$UPTIME_START\`"
	echo "- uptime at end: \`$UPTIME_END\`"
	if awk -v a="$UPTIME_START" -v b="$UPTIME_END" -v c="$(nproc)" 'BEGIN { sub(/.*average: */, "", a); sub(/.*average: */, "", b); exit !(a + 0 > c || b + 0 > c) }'; then
		echo "- The load average exceeded the number of CPUs: the machine was shared while this ran, and the times are noisy (compare repeated runs before reading much into a ratio near 1)"
	fi
	for n in "${NOTES[@]}"; do echo "- $n"; done
	echo
	echo "Seconds. *load+compute* is the whole process, wall clock (labournet: \`labournet metrics FILE.json --only id,MEASURE\`, \`--exact\` for betweenness; peers: \`bench/peers.py\` reading the edge list); *compute* is the measure call alone, timed inside the process after loading (labournet: \`bench/labournet-time\`). *ratio* is labournet's time over the peer's: below 1, labournet is faster. *agrees*: the peer's result summary (top 5 actors, or a digest of every actor's value) equals labournet's. Peak RSS is that of the load+compute process, in MiB."
	echo
	echo "| measure | size | tool | load+compute s | compute s | ratio load+compute | ratio compute | peak RSS MiB | agrees | note |"
	echo "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |"
	awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $5, $6, $7, $8, $9, $10, $11, $12 }' "$ROWS"
	echo
	echo "## Loading"
	echo
	echo "Whole process wall clock and peak RSS; *inside* is the load alone timed inside the process."
	echo
	echo "| size | tool | what | wall s | inside s | peak RSS MiB |"
	echo "| --- | --- | --- | ---: | ---: | ---: |"
	awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s |\n", $1, $5, $4, $6, ($7 == "" ? "" : sprintf("%.3f", $7)), $8 }' "$LOADS"
} >"$OUT/RESULTS.md"

# --- print ------------------------------------------------------------------
echo
{
	printf 'measure\tsize\ttool\tload+compute_s\tcompute_s\tratio_lc\tratio_c\trss_MiB\tagrees\n'
	cut -f1,2,5-11 "$ROWS" | sed 's/\t\t/\t-\t/g; s/\t\t/\t-\t/g; s/\t$/\t-/'
} | column -t -s$'\t'
echo
grep -h 'skipped\|DISAGREES\|timed out\|failed' "$ROWS" | cut -f1,2,5,12 | sed 's/\t/ /g; s/^/note: /'
echo
echo "machine: $MACHINE"
echo "versions: $VERSIONS"
echo "wrote $OUT/RESULTS.md and $OUT/results.csv"
