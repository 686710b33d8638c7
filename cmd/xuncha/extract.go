package main

import "io"

func runExtract(args []string, stdin io.Reader, stdout, stderr io.Writer) int { return 2 }
