package segment

import (
	"encoding/json"
	"sync"
	"testing"
)

// TestRaceAnnotate annotates the seed from many goroutines at once with one Segmenter and checks
// every result equals the sequential one. Run it with the race detector:
//
//	go test -race -run Race ./internal/segment/
func TestRaceAnnotate(t *testing.T) {
	s := segmenter(t)
	text := readSeed(t)
	want := seedBulletin(t, text)
	s.Annotate(want)
	wantJSON, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	const workers, rounds = 16, 4
	var wg sync.WaitGroup
	errs := make(chan string, workers*rounds)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < rounds; r++ {
				b := seedBulletin(t, text)
				s.Annotate(b)
				got, err := json.Marshal(b)
				if err != nil {
					errs <- err.Error()
					return
				}
				if string(got) != string(wantJSON) {
					errs <- "concurrent Annotate differs from sequential"
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
