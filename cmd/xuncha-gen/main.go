// Command xuncha-gen writes generated bulletins into a folder, for measuring xuncha on a large
// batch (README.md "Benchmarks"):
//
//	go run ./cmd/xuncha-gen -n 10000 /tmp/bulletins
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/xuncha/xuncha/internal/pipeline/gen"
)

func main() {
	n := flag.Int("n", 10000, "how many bulletins to write")
	seed := flag.Int64("seed", 1, "the generator's seed: the same seed writes the same files")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "用法：xuncha-gen [-n N] [-seed S] 目录")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 || *n <= 0 {
		flag.Usage()
		os.Exit(2)
	}
	bytes, err := gen.WriteDir(flag.Arg(0), *n, *seed)
	if err != nil {
		fmt.Fprintln(os.Stderr, "xuncha-gen:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "写入 %d 份公报，%d 字节，到 %s\n", *n, bytes, flag.Arg(0))
}
