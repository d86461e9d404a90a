//go:build !race

package testnet

// raceSlowdown is 1 without the race detector.
const raceSlowdown = 1
