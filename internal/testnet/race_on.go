//go:build race

package testnet

// raceSlowdown is how much slower code runs under the race detector, which
// CheckCancel's latency bound allows for.
const raceSlowdown = 10
