package extract

import "github.com/xuncha/xuncha/internal/bulletin"

func extractProblems(b *bulletin.Bulletin) {}
