#!/usr/bin/env Rscript
# Reference values for analysis/brokerage*.go, computed with R's sna::brokerage.
#
# Run from the repository root (needs R with the sna, network and jsonlite
# packages; on Debian/Ubuntu: apt-get install r-cran-sna r-cran-jsonlite):
#
#     Rscript analysis/testdata/holes/make_brokerage.R
#
# It writes, for each network NAME below,
#   analysis/testdata/holes/graphs/NAME.json     the network: nodes (id, group),
#                                                edges (from, to, weight), directed flag
#   analysis/testdata/holes/brokerage_NAME.json  sna::brokerage(g, cl): per actor
#       raw.nli, exp.nli, sd.nli, z.nli; network level raw.gli, exp.gli, sd.gli,
#       z.gli. Non-finite numbers are written as the strings "NaN", "Inf", "-Inf".
#
# Directed networks are given to sna as a network object with directed=TRUE;
# the undirected one as a network object with directed=FALSE, which sna reads
# as an arc each way (each brokered unordered pair counts twice).
suppressMessages({
  library(sna)
  library(network)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))

write_json_atomic <- function(obj, path) {
  dir.create(dirname(path), showWarnings = FALSE, recursive = TRUE)
  tmp <- tempfile(tmpdir = dirname(path), fileext = ".tmp")
  writeLines(toJSON(obj, auto_unbox = TRUE, digits = NA, pretty = TRUE), tmp)
  Sys.chmod(tmp, "0644")
  file.rename(tmp, path)
}

num <- function(x) {
  # Finite numbers as numbers, the rest as strings.
  lapply(x, function(v) if (is.finite(v)) v else if (is.nan(v)) "NaN" else if (v > 0) "Inf" else "-Inf")
}

roles <- c("w_I", "w_O", "b_IO", "b_OI", "b_O", "t")

run <- function(name, source, ids, groups, from, to, directed) {
  n <- length(ids)
  net <- network.initialize(n, directed = directed)
  network.vertex.names(net) <- ids
  add.edges(net, match(from, ids), match(to, ids))
  b <- brokerage(net, groups)
  actors <- lapply(seq_len(n), function(i) {
    list(id = ids[i], group = groups[i],
         raw = setNames(num(b$raw.nli[i, ]), roles),
         exp = setNames(num(b$exp.nli[i, ]), roles),
         sd = setNames(num(b$sd.nli[i, ]), roles),
         z = setNames(num(b$z.nli[i, ]), roles))
  })
  write_json_atomic(list(name = name, directed = directed, source = source,
                         nodes = lapply(seq_len(n), function(i) list(id = ids[i], group = groups[i])),
                         edges = lapply(seq_along(from), function(k) list(from = from[k], to = to[k], weight = 1))),
                    file.path(here, "graphs", paste0(name, ".json")))
  write_json_atomic(list(network = name, sna = as.character(packageVersion("sna")),
                         actors = actors,
                         graph = list(raw = setNames(num(b$raw.gli), roles), exp = setNames(num(b$exp.gli), roles),
                                      sd = setNames(num(b$sd.gli), roles), z = setNames(num(b$z.gli), roles))),
                    file.path(here, paste0("brokerage_", name, ".json")))
  cat("wrote", name, "\n")
}

# 1. A small directed network with three groups, written by hand.
ids <- c("a1", "a2", "a3", "b1", "b2", "b3", "c1", "c2", "c3", "c4")
groups <- c("a", "a", "a", "b", "b", "b", "c", "c", "c", "c")
el <- matrix(c("a1", "a2", "a2", "a3", "a3", "a1", "a2", "b1", "b1", "b2", "b2", "b1",
               "b2", "c1", "c1", "c2", "c2", "c3", "c3", "c1", "c1", "a1", "b3", "a2",
               "a3", "b3", "c4", "b3", "b3", "c4", "c2", "b2", "a1", "c4"), ncol = 2, byrow = TRUE)
run("brok_small", "hand-made, 10 actors in 3 groups", ids, groups, el[, 1], el[, 2], TRUE)

# 2. A seeded random directed network with four groups.
set.seed(20261122)
n <- 30
m <- rgraph(n, tprob = 0.12)
ids <- sprintf("v%02d", seq_len(n))
groups <- sample(c("p", "q", "r", "s"), n, replace = TRUE)
w <- which(m == 1, arr.ind = TRUE)
run("brok_random", "sna::rgraph(30, tprob = 0.12), set.seed(20261122), groups sampled from p, q, r, s",
    ids, groups, ids[w[, 1]], ids[w[, 2]], TRUE)

# 3. A seeded random undirected network with three groups (sna's convention:
# an arc each way).
n <- 20
m <- rgraph(n, tprob = 0.2, mode = "graph")
ids <- sprintf("u%02d", seq_len(n))
groups <- sample(c("x", "y", "z"), n, replace = TRUE)
w <- which(m == 1 & upper.tri(m), arr.ind = TRUE)
run("brok_undirected", "sna::rgraph(20, tprob = 0.2, mode = 'graph') after the above, groups sampled from x, y, z",
    ids, groups, ids[w[, 1]], ids[w[, 2]], FALSE)
