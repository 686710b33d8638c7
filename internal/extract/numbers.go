package extract

import "github.com/xuncha/xuncha/internal/bulletin"

func extractNumbers(b *bulletin.Bulletin) {}
