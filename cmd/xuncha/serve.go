package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/xuncha/xuncha/internal/archive"
	"github.com/xuncha/xuncha/internal/pipeline"
	"github.com/xuncha/xuncha/internal/server"
)

const serveUsage = `usage: xuncha serve [--db FILE] [--addr HOST:PORT]

Serves the archive as a web page: 总览, 问题库, 公报, 共性问题 and 添加 (upload files or URLs).

      --db FILE         the archive (default xuncha.db; created when missing)
      --addr HOST:PORT  where to listen (default 127.0.0.1:8080: this computer only;
                        0.0.0.0:8080 opens it to the network — there is no login)
`

// runServe is "xuncha serve": it runs until Ctrl-C or SIGTERM, then shuts down gracefully.
func runServe(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	return serveContext(ctx, args, stdout, stderr, nil)
}

// serveContext serves until ctx ends. When ready is not nil it receives the address listened
// on (tests listen on port 0).
func serveContext(ctx context.Context, args []string, stdout, stderr io.Writer, ready chan<- string) int {
	var db, addr string
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&db, "db", "xuncha.db", "")
	fs.StringVar(&addr, "addr", "127.0.0.1:8080", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, serveUsage)
			return 0
		}
		return commandUsageError(stderr, "serve", "%v", err)
	}
	if fs.NArg() > 0 {
		return commandUsageError(stderr, "serve", "多余的参数 %q", fs.Args())
	}
	a, err := archive.Open(db)
	if err != nil {
		fmt.Fprintln(stderr, "xuncha: "+oneLine(err.Error()))
		return 1
	}
	defer a.Close()
	seg := pipeline.SharedSegmenter()
	h, err := server.New(a, func(ctx context.Context, name string, data []byte) (string, error) {
		return addOne(ctx, a, seg, name, data)
	})
	if err != nil {
		fmt.Fprintln(stderr, "xuncha serve: "+err.Error())
		return 1
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(stderr, "xuncha serve: 无法监听 %s：%v\n", addr, err)
		return 1
	}
	where := "只在本机可访问"
	if host, _, _ := net.SplitHostPort(ln.Addr().String()); !net.ParseIP(host).IsLoopback() {
		where = "对网络开放，没有登录保护"
	}
	fmt.Fprintf(stderr, "xuncha serve: http://%s/ （%s；档案库 %s；Ctrl-C 停止）\n", ln.Addr(), where, db)
	srv := server.NewServer(addr, h, log.New(io.Discard, "", 0))
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	if ready != nil {
		ready <- ln.Addr().String()
	}
	select {
	case err := <-done:
		fmt.Fprintln(stderr, "xuncha serve: "+err.Error())
		return 1
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(shut)
	fmt.Fprintln(stderr, "xuncha serve: 已停止")
	return 0
}

// addOne reads one input through the pipeline and stores it: uploaded bytes, or (data nil)
// the URL in name.
func addOne(ctx context.Context, a *archive.Archive, seg pipeline.SegmentFunc, name string, data []byte) (string, error) {
	var inputs []pipeline.Input
	if data == nil {
		ins, errs := pipeline.Expand([]string{name}, nil)
		if len(errs) > 0 {
			return "", errs[0]
		}
		inputs = ins
	} else {
		inputs = []pipeline.Input{{Name: name, Data: data}}
	}
	var msg string
	var failure error
	pipeline.Run(ctx, inputs, pipeline.Options{Jobs: 1, Segment: seg, KeepSource: true, Timeout: time.Minute}, func(r pipeline.Result) {
		if r.Err != nil {
			var ie *pipeline.InputError
			if errors.As(r.Err, &ie) {
				failure = errors.New(ie.Reason())
			} else {
				failure = r.Err
			}
			return
		}
		if r.Bulletin == nil {
			return
		}
		st, err := a.Add(ctx, r.Bulletin, name, r.Source, version)
		if err != nil {
			failure = fmt.Errorf("写入档案库失败：%w", err)
			return
		}
		switch st.Outcome {
		case archive.Added:
			msg = fmt.Sprintf("已存入：%s，%d 个问题（公报 %d）", r.Bulletin.Unit, len(r.Bulletin.Problems), st.ID)
		case archive.Unchanged:
			msg = fmt.Sprintf("档案库中已有（公报 %d）", st.ID)
		case archive.Copy:
			msg = fmt.Sprintf("与公报 %d 相同（转载），记为副本", st.CopyOf)
		}
	})
	if failure != nil {
		return "", failure
	}
	if msg == "" && ctx.Err() != nil {
		return "", errors.New("已中断")
	}
	return msg, nil
}
