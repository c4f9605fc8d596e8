package mtcheck

import "testing"

func TestUTF16Offset(t *testing.T) {
	text := "a\u00e9\U0001F600b\nc"
	d := NewDocument(text)
	for _, tc := range []struct{ off, want int }{
		{-5, 0}, {0, 0}, {1, 1}, {3, 2}, {7, 4}, {8, 5}, {9, 6}, {10, 7}, {99, 7},
	} {
		if got := d.UTF16Offset(tc.off); got != tc.want {
			t.Errorf("UTF16Offset(%d) = %d, want %d", tc.off, got, tc.want)
		}
	}
}
