package runes

import "testing"

func TestHasPrefixAt(t *testing.T) {
	rs := []rune("针对“三会一课”问题")
	tests := []struct {
		i    int
		w    string
		want bool
	}{
		{0, "针对", true},
		{2, "“三会", true},
		{8, "问题", true},
		{9, "问题", false}, // runs past the end
		{-1, "针", false},
		{1, "针", false},
		{3, "", true},
	}
	for _, tt := range tests {
		if got := HasPrefixAt(rs, tt.i, tt.w); got != tt.want {
			t.Errorf("HasPrefixAt(%q, %d, %q) = %v, want %v", string(rs), tt.i, tt.w, got, tt.want)
		}
	}
}

func TestFirstRunes(t *testing.T) {
	m := FirstRunes([]string{"针对", "关于", "针", ""})
	if len(m) != 2 || !m['针'] || !m['关'] {
		t.Errorf("FirstRunes = %v, want 针 and 关", m)
	}
}
