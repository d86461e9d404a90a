package xmltext

import "testing"

func TestEscape(t *testing.T) {
	tests := []struct {
		in         string
		keepBreaks bool
		want       string
	}{
		{`a & <b> "c"`, false, "a &amp; &lt;b&gt; &quot;c&quot;"},
		{"line\nbreak\ttab", false, "line break tab"},
		{"line\nbreak\ttab", true, "line&#10;break&#9;tab"},
		{"nul\x00bell\x07", true, "nulbell"},
		{"Дирекция „Бюро по труда“", false, "Дирекция „Бюро по труда“"},
	}
	for _, tt := range tests {
		if got := Escape(tt.in, tt.keepBreaks); got != tt.want {
			t.Errorf("Escape(%q, %v) = %q, want %q", tt.in, tt.keepBreaks, got, tt.want)
		}
	}
}
