package extract

import "github.com/xuncha/xuncha/internal/bulletin"

func extractHeader(b *bulletin.Bulletin) {}

func checkDeclared(b *bulletin.Bulletin) {}
