// MTCheckClient: a promise-based handle on the mtcheck worker, for pages and
// CMS plugins. Plain script, no modules, no dependencies:
//
//   <script src="client.js"></script>
//   const mt = new MTCheckClient({workerURL: '/mtcheck/worker.js',
//                                 wasmURL: '/mtcheck/mtcheck.wasm'});
//   const info = await mt.ready;            // {variant, rules, layers, loadMs, readyMs}
//   const report = await mt.check(text, {disable: ['duplicate-line']});
//   report.diagnostics.forEach(d => console.log(text.slice(d.start, d.end), d.message));
//   const fixed = MTCheckClient.applyFix(text, report.diagnostics[0].fixes[0]);
//
// All offsets are UTF-16 code unit offsets, the way JavaScript strings index.
(function (global) {
  'use strict';

  class MTCheckClient {
    constructor(opts = {}) {
      const base = global.document ? global.document.baseURI : global.location.href;
      const workerURL = new URL(opts.workerURL || 'worker.js', base);
      workerURL.searchParams.set('wasm', new URL(opts.wasmURL || 'mtcheck.wasm', base).href);
      if (opts.execURL) {
        workerURL.searchParams.set('exec', new URL(opts.execURL, base).href);
      }
      this.createdAt = performance.now();
      this.worker = new Worker(workerURL.href);
      this.pending = new Map();
      this.nextId = 1;
      let warmed;
      // warm resolves to {ms} once the build's language data is loaded
      // (the full build's prose model); checks sent earlier just wait.
      this.warm = new Promise((resolve) => { warmed = resolve; });
      this.ready = new Promise((resolve, reject) => {
        this.worker.onmessage = (e) => {
          const m = e.data;
          if (m.type === 'warm') {
            warmed({ms: m.ms, sinceCreatedMs: performance.now() - this.createdAt});
            return;
          }
          if (m.type === 'ready') {
            this.info = {variant: m.variant, rules: m.rules, layers: m.layers, loadMs: m.loadMs,
                         readyMs: performance.now() - this.createdAt};
            resolve(this.info);
            return;
          }
          if (m.type === 'failed') {
            reject(new Error(m.error));
            return;
          }
          const p = this.pending.get(m.id);
          if (!p) {
            return;
          }
          this.pending.delete(m.id);
          if (m.error !== undefined) {
            p.reject(new Error(m.error));
          } else {
            if (m.result && typeof m.result === 'object') {
              Object.defineProperty(m.result, 'ms', {value: m.ms, enumerable: false});
            }
            p.resolve(m.result);
          }
        };
        this.worker.onerror = (e) => {
          const err = new Error('mtcheck worker: ' + (e.message || 'failed to start'));
          reject(err);
          this.pending.forEach((p) => p.reject(err));
          this.pending.clear();
        };
      });
    }

    request(msg) {
      return new Promise((resolve, reject) => {
        msg.id = this.nextId++;
        this.pending.set(msg.id, {resolve, reject});
        this.worker.postMessage(msg);
      });
    }

    // check resolves to {score, words, penalty, categories, diagnostics};
    // options: {rules: [names], disable: [names], minConfidence: 0..1}.
    check(text, options) {
      return this.request({type: 'check', text, options: options || null});
    }

    // applyFixes applies the first fix of each diagnostic (only safe ones
    // with {safeOnly: true}), skipping fixes that overlap; resolves to
    // {text, applied, skipped: [{rule, message, reason}]}.
    applyFixes(text, diagnostics, options) {
      return this.request({type: 'applyFixes', text, diagnostics, options: options || {}});
    }

    terminate() {
      this.worker.terminate();
    }

    // applyFix returns text with one fix's edits applied (edits of one fix
    // never overlap). Offsets must refer to text as it was checked.
    static applyFix(text, fix) {
      const edits = fix.edits.slice().sort((a, b) => b.start - a.start);
      for (const e of edits) {
        text = text.slice(0, e.start) + e.text + text.slice(e.end);
      }
      return text;
    }
  }

  global.MTCheckClient = MTCheckClient;
})(typeof window !== 'undefined' ? window : self);
