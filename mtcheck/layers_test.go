package mtcheck

import "testing"

// skipWithoutLayers skips tests of the prose layers in builds that leave
// them out (tag mtcheck_noprose).
func skipWithoutLayers(t *testing.T) {
	t.Helper()
	if !LayersAvailable {
		t.Skip("analysis layers left out of this build (tag mtcheck_noprose)")
	}
}
