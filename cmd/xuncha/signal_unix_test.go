//go:build unix

package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain lets a test run this test binary as the command itself: with XUNCHA_AS_MAIN=1 the
// binary is xuncha, so a test can send real signals to a child process.
func TestMain(m *testing.M) {
	if os.Getenv("XUNCHA_AS_MAIN") == "1" {
		if ready := os.Getenv("XUNCHA_READY_FILE"); ready != "" {
			signalsCaught = func() { os.WriteFile(ready, nil, 0o644) }
		}
		main()
		return
	}
	os.Exit(m.Run())
}

// child starts xuncha with args in a child process and returns it with its stderr.
func child(t *testing.T, stdin io.Reader, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "XUNCHA_AS_MAIN=1", "XUNCHA_READY_FILE="+readyFile(t))
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Stdout = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &stderr
}

// waitCaught waits until the child started by child has caught its signals (it writes the
// file XUNCHA_READY_FILE names then), so that a signal sent next is handled by xuncha and does
// not kill a process still starting (slow under -race on a loaded machine).
func waitCaught(t *testing.T, ready string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if _, err := os.Stat(ready); err == nil {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the child did not catch its signals within 30 s")
}

// readyOf is the ready file of a child.
func readyOf(cmd *exec.Cmd) string {
	for _, e := range cmd.Env {
		if v, ok := strings.CutPrefix(e, "XUNCHA_READY_FILE="); ok {
			return v
		}
	}
	return ""
}

// readyFile is the file a child of test t writes once it catches signals.
func readyFile(t *testing.T) string { return filepath.Join(t.TempDir(), "ready") }

// waitExit waits at most limit for cmd and returns its exit code.
func waitExit(t *testing.T, cmd *exec.Cmd, limit time.Duration) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
		return cmd.ProcessState.ExitCode()
	case <-time.After(limit):
		cmd.Process.Kill()
		<-done
		t.Fatalf("xuncha did not stop within %v", limit)
		return -1
	}
}

// Ctrl-C (and SIGTERM, SIGHUP) while standard input is read stop the run within a second or
// so, with exit 130, the previous workbook untouched and no temporary file left (issue 17,
// cases 2 and 7).
func TestSignalsWhileReadingStdin(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "x.xlsx")
			if err := os.WriteFile(out, []byte("previous workbook"), 0o644); err != nil {
				t.Fatal(err)
			}
			pr, pw, err := os.Pipe() // standard input that never ends (a file: no copying goroutine)
			if err != nil {
				t.Fatal(err)
			}
			defer pr.Close()
			defer pw.Close()
			cmd, stderr := child(t, pr, "extract", "-", "-q", "-o", out)
			waitCaught(t, readyOf(cmd))
			start := time.Now()
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			code := waitExit(t, cmd, 10*time.Second)
			if code != 130 {
				t.Errorf("exit %d after %v, want 130; stderr %q", code, sig, stderr.String())
			}
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("stopping took %v", d)
			}
			if data, _ := os.ReadFile(out); string(data) != "previous workbook" {
				t.Errorf("the previous workbook was changed")
			}
			left, _ := filepath.Glob(filepath.Join(dir, ".*"))
			if len(left) != 0 {
				t.Errorf("files left behind: %v", left)
			}
		})
	}
}

// A reader of --json that goes away (| head -c 100) ends the run cleanly: no temporary file
// left beside the workbook, and the process is not killed by SIGPIPE (issue 17, case 7).
func TestBrokenPipeOnJSON(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "x.xlsx")
	cmd := exec.Command(os.Args[0], "extract", "--json", "-q", "-j", "1", "-o", out, corpusDir)
	cmd.Env = append(os.Environ(), "XUNCHA_AS_MAIN=1")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 100)
	if _, err := io.ReadFull(stdout, buf); err != nil {
		t.Fatalf("no JSON: %v; stderr %q", err, stderr.String())
	}
	stdout.Close() // the reader goes away
	code := waitExit(t, cmd, 60*time.Second)
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		t.Fatalf("killed by %v; stderr %q", ws.Signal(), stderr.String())
	}
	if code == 0 {
		t.Errorf("exit 0 although the output was cut; stderr %q", stderr.String())
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".*"))
	if len(left) != 0 {
		t.Errorf("files left behind: %v", left)
	}
	if strings.Count(strings.TrimSpace(stderr.String()), "\n") > 2 {
		t.Errorf("stderr is more than a line or two:\n%s", stderr.String())
	}
}

// Ctrl-C while one very large input is being processed ends the run within a couple of
// seconds, exit 130, the previous workbook untouched (issue 17, case 3: a 50 MB one-line file
// took 40 s to stop). The input is large enough that processing it takes far longer than the
// limit, so a run that waits for it fails the test.
func TestInterruptWhileProcessing(t *testing.T) {
	dir := t.TempDir()
	sample, err := os.ReadFile(filepath.Join(corpusDir, "variant-audit.txt"))
	if err != nil {
		t.Fatal(err)
	}
	line := bytes.ReplaceAll(sample, []byte("\n"), []byte("。"))
	in := filepath.Join(dir, "big.txt")
	big := bytes.Repeat(line, 24<<20/len(line)+1)
	if err := os.WriteFile(in, big, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "x.xlsx")
	if err := os.WriteFile(out, []byte("previous workbook"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd, stderr := child(t, nil, "extract", in, "-q", "-o", out)
	waitCaught(t, readyOf(cmd))
	time.Sleep(1500 * time.Millisecond) // read, and well into processing
	start := time.Now()
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	code := waitExit(t, cmd, 30*time.Second)
	if code != 130 {
		t.Errorf("exit %d after SIGINT, want 130; stderr %q", code, stderr.String())
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("stopping took %v", d)
	}
	if data, _ := os.ReadFile(out); string(data) != "previous workbook" {
		t.Errorf("the previous workbook was changed")
	}
}
