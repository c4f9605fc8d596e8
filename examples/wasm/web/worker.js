// mtcheck Web Worker: loads the WebAssembly checker off the page's main
// thread and answers requests posted to it, so a long text never freezes the
// page. Create it with
//
//   new Worker('worker.js?wasm=' + encodeURIComponent(wasmURL))
//
// (client.js does this). Query parameters, resolved against this script's URL:
//   wasm  the checker, default "mtcheck.wasm" (rules-only build)
//   exec  Go's wasm_exec.js, default "wasm_exec.js"
//
// Messages in:  {id, type: 'check', text, options}
//               {id, type: 'applyFixes', text, diagnostics, options}
// Messages out: {type: 'ready', variant, rules, layers, loadMs}
//               {type: 'warm', ms}   (language data loaded; follows ready)
//               {type: 'failed', error}            (loading failed)
//               {id, result, ms} or {id, error}    (one per request)
'use strict';

const params = new URL(self.location.href).searchParams;
const wasmURL = new URL(params.get('wasm') || 'mtcheck.wasm', self.location.href).href;
importScripts(new URL(params.get('exec') || 'wasm_exec.js', self.location.href).href);

let api = null;
let failure = null;
const queue = [];

function handle(msg) {
  if (failure) {
    self.postMessage({id: msg.id, error: failure});
    return;
  }
  if (!api) {
    queue.push(msg);
    return;
  }
  const t0 = performance.now();
  let result;
  try {
    switch (msg.type) {
      case 'check':
        result = api.check(msg.text, msg.options || null);
        break;
      case 'applyFixes':
        result = api.applyFixes(msg.text, msg.diagnostics, msg.options || {});
        break;
      default:
        result = {error: 'unknown request type ' + JSON.stringify(msg.type)};
    }
  } catch (e) {
    // The Go program has exited (after a crash): nothing more will work.
    failure = 'mtcheck stopped: ' + e.message;
    result = {error: failure};
  }
  const ms = performance.now() - t0;
  if (result && result.error) {
    self.postMessage({id: msg.id, error: result.error});
  } else {
    self.postMessage({id: msg.id, result, ms});
  }
}

self.onmessage = (e) => handle(e.data);

// The Go program calls this when it has loaded the data of the analysis
// layers its rules need (at once for the rules-only build); checks asked for
// before then wait.
self.mtcheckWarm = (ms) => {
  self.postMessage({type: 'warm', ms});
};

// The Go program calls this once it has installed self.mtcheck.
self.mtcheckReady = (a) => {
  api = a;
  self.postMessage({
    type: 'ready',
    variant: a.variant,
    rules: a.rules,
    layers: a.layers,
    loadMs: performance.now(), // since the worker started
  });
  queue.splice(0).forEach(handle);
};

async function load() {
  const go = new Go();
  let source;
  try {
    source = await WebAssembly.instantiateStreaming(fetch(wasmURL), go.importObject);
  } catch (e) {
    // Servers that do not send application/wasm defeat streaming
    // compilation; fall back to compiling the downloaded bytes.
    const resp = await fetch(wasmURL);
    if (!resp.ok) {
      throw new Error(`${wasmURL}: HTTP ${resp.status}`);
    }
    source = await WebAssembly.instantiate(await resp.arrayBuffer(), go.importObject);
  }
  go.run(source.instance).then(() => {
    api = null;
    failure = failure || 'mtcheck stopped';
  });
}

load().catch((e) => {
  failure = 'loading mtcheck failed: ' + e.message;
  self.postMessage({type: 'failed', error: failure});
  queue.splice(0).forEach(handle);
});
