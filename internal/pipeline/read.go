package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"sync"
)

// TooLargeError refuses an input over the size limit.
type TooLargeError struct {
	Size  int64 // bytes the input has (or at least has, when it is a stream)
	Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("文件 %s，超过 %s 上限（可用 --max-size 调高）", FormatSize(e.Size), FormatSize(e.Limit))
}

// readFile reads a file of at most max bytes, with errors that say what is wrong in a few
// words (the caller adds the path).
func readFile(path string, max int64) ([]byte, error) {
	// Refuse what is not a regular file before opening it: opening a FIFO blocks until a
	// writer comes, and a device or socket never ends.
	if fi, err := os.Stat(path); err == nil {
		if err := notRegular(fi); err != nil {
			return nil, err
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, describeOpen(path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, describeOpen(path, err)
	}
	if fi.IsDir() {
		return nil, errors.New("是文件夹")
	}
	if fi.Mode().IsRegular() && fi.Size() > max {
		return nil, &TooLargeError{Size: fi.Size(), Limit: max}
	}
	var buf bytes.Buffer
	if fi.Mode().IsRegular() {
		buf.Grow(int(fi.Size()) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(io.LimitReader(f, max+1)); err != nil {
		return nil, describeOpen(path, err)
	}
	if int64(buf.Len()) > max {
		return nil, &TooLargeError{Size: int64(buf.Len()), Limit: max}
	}
	return buf.Bytes(), nil
}

// notRegular refuses, by type, a file that is neither regular nor a folder: a named pipe, a
// socket or a device, whose reading may never end.
func notRegular(fi fs.FileInfo) error {
	m := fi.Mode()
	var kind string
	switch {
	case m.IsRegular(), m.IsDir():
		return nil
	case m&fs.ModeNamedPipe != 0:
		kind = "命名管道（FIFO）"
	case m&fs.ModeSocket != 0:
		kind = "套接字"
	case m&fs.ModeCharDevice != 0:
		kind = "字符设备"
	case m&fs.ModeDevice != 0:
		kind = "块设备"
	default:
		kind = "特殊文件"
	}
	return fmt.Errorf("不是普通文件（%s），未读取", kind)
}

// describeOpen turns an error from opening or reading path into a short reason without the
// path (which the caller puts first).
func describeOpen(path string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		if target, lerr := os.Readlink(path); lerr == nil {
			return fmt.Errorf("符号链接已断开（指向的 %s 不存在）", target)
		}
		return errors.New("文件或文件夹不存在")
	}
	if errors.Is(err, fs.ErrPermission) {
		return errors.New("没有读取权限")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// stdinSource is standard input, read once however many inputs name it.
type stdinSource struct {
	r    io.Reader
	once sync.Once
	done chan struct{} // closed when the read has ended; data and err are set then
	data []byte
	err  error
}

func (s *stdinSource) read(ctx context.Context, max int64) ([]byte, error) {
	s.once.Do(func() {
		s.done = make(chan struct{})
		go func() {
			defer close(s.done)
			var buf bytes.Buffer
			_, err := buf.ReadFrom(io.LimitReader(s.r, max+1))
			switch {
			case err != nil:
				s.err = fmt.Errorf("读取标准输入出错：%w", err)
			case int64(buf.Len()) > max:
				s.err = fmt.Errorf("标准输入超过 %s 上限（可用 --max-size 调高）", FormatSize(max))
			default:
				s.data = buf.Bytes()
			}
		}()
	})
	// A read from a terminal or a pipe does not return on a signal: wait for it or for the
	// context, so that Ctrl-C while standard input is read stops the run at once.
	select {
	case <-s.done:
		return s.data, s.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// FormatSize writes a byte count for people: "200 MB", "1.5 GB", "512 KB", "17 字节".
// Units are binary (1 MB = 1,048,576 bytes), as the --max-size flag reads them.
func FormatSize(n int64) string {
	units := []struct {
		name string
		size int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}}
	for _, u := range units {
		if n >= u.size {
			v := float64(n) / float64(u.size)
			if n%u.size == 0 || v >= 100 {
				return fmt.Sprintf("%.0f %s", v, u.name)
			}
			return strings.TrimSuffix(fmt.Sprintf("%.1f", v), ".0") + " " + u.name
		}
	}
	return fmt.Sprintf("%d 字节", n)
}

// ParseSize reads a size as the --max-size flag takes it: a number of bytes, or a number with
// a unit K/KB/KiB, M/MB/MiB, G/GB/GiB (binary, case-insensitive): "64MB", "1.5g", "1048576".
func ParseSize(s string) (int64, error) {
	t := strings.TrimSpace(strings.ToUpper(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{
		{"GIB", 1 << 30}, {"MIB", 1 << 20}, {"KIB", 1 << 10},
		{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10},
		{"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10},
		{"B", 1},
	} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || !(v > 0) || v*float64(mult) > 1<<62 { // !(v > 0) also refuses NaN
		return 0, fmt.Errorf("大小 %q 无效（应如 64MB、1GB 或字节数）", s)
	}
	n := int64(v * float64(mult))
	if n < 1 {
		return 0, fmt.Errorf("大小 %q 无效：不足 1 字节", s)
	}
	return n, nil
}
