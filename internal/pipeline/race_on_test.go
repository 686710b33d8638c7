//go:build race

package pipeline

// raceEnabled: the PDF engine (WebAssembly compiled by wazero) takes about a minute to start
// under the race detector, so the PDF tests skip there; they run in the normal test run.
const raceEnabled = true
