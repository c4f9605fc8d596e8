//go:build js && wasm

package main

import (
	"encoding/json"
	"errors"
	"syscall/js"
	"time"

	"github.com/mtcheck/mtcheck/mtcheck"
)

func main() {
	set := buildRules()
	cs := newCheckers(set)
	// Build the default checker before reporting ready, so the first
	// check does not pay for preparing the rules (an error would show on
	// that check).
	_, _ = cs.get(checkOptions{})
	jsonAPI := js.Global().Get("JSON")

	// Results cross into JavaScript as one JSON string parsed there: one
	// call instead of one per field.
	toValue := func(v any) js.Value {
		b, err := json.Marshal(v)
		if err != nil {
			return errorValue(err)
		}
		return jsonAPI.Call("parse", string(b))
	}
	stringify := func(v js.Value) string {
		if v.IsUndefined() || v.IsNull() {
			return ""
		}
		return jsonAPI.Call("stringify", v).String()
	}

	check := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 1 || args[0].Type() != js.TypeString {
			return errorValue(errors.New("mtcheck.check(text, options): text must be a string"))
		}
		opts := ""
		if len(args) > 1 {
			opts = stringify(args[1])
		}
		rep, err := cs.check(args[0].String(), opts)
		if err != nil {
			return errorValue(err)
		}
		return toValue(rep)
	})
	apply := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 2 || args[0].Type() != js.TypeString || args[1].Type() != js.TypeObject {
			return errorValue(errors.New("mtcheck.applyFixes(text, diagnostics, options): text must be a string and diagnostics an array"))
		}
		safeOnly := len(args) > 2 && args[2].Type() == js.TypeObject && args[2].Get("safeOnly").Truthy()
		res, err := applyFixes(args[0].String(), stringify(args[1]), safeOnly)
		if err != nil {
			return errorValue(err)
		}
		return toValue(res)
	})

	api := js.Global().Get("Object").New()
	api.Set("check", check)
	api.Set("applyFixes", apply)
	api.Set("rules", toValue(describeRules(set)))
	api.Set("variant", set.variant)
	api.Set("layers", mtcheck.LayersAvailable)
	js.Global().Set("mtcheck", api)
	if ready := js.Global().Get("mtcheckReady"); ready.Type() == js.TypeFunction {
		ready.Invoke(api)
	}
	// Load the prose layers' data now, while the author is still typing,
	// rather than on the first check (about 1.7 s in Chromium for the full
	// build). Requests that arrive meanwhile wait in the worker's queue.
	go func() {
		start := time.Now()
		warmUp(layerNeeds(set.defaults))
		if warm := js.Global().Get("mtcheckWarm"); warm.Type() == js.TypeFunction {
			warm.Invoke(float64(time.Since(start).Microseconds()) / 1000)
		}
	}()
	select {} // serve calls until the page goes away
}

// errorValue is how the API reports failure: {error: "message"}.
func errorValue(err error) js.Value {
	return js.ValueOf(map[string]any{"error": err.Error()})
}
