import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnalysisInput, AnalysisOptions, AnalysisResult } from '../domain/consultation/analysis/analysis.js';

// The thread's module is TypeScript like the rest of the node. A new thread starts with no loader (under
// tsx or vitest alike), so a two-line bootstrap registers tsx's loader there first, then imports it.
const THREAD = new URL('./analysis-thread.worker.ts', import.meta.url);
const TSX = (() => {
  const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  const api = (JSON.parse(readFileSync(pkg, 'utf8')) as { exports: Record<string, { import: { default: string } | string }> }).exports['./esm/api']!.import;
  return pathToFileURL(path.join(path.dirname(pkg), typeof api === 'string' ? api : api.default));
})();
const BOOT = new URL(`data:text/javascript,${encodeURIComponent(
  `import { register } from ${JSON.stringify(TSX.href)}; register(); await import(${JSON.stringify(THREAD.href)});`,
)}`);

/**
 * The opinion analysis in a worker thread of its own, so the web server keeps answering (votes
 * included) while a large consultation is analysed. One thread per analysis: analyses are seconds
 * long and a few a minute at most, so the ~100 ms to start a thread does not matter. Errors: what
 * the analysis throws, rethrown here with its message.
 */
export function analyzeInThread(input: AnalysisInput, options: Partial<AnalysisOptions> = {}): Promise<AnalysisResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, { workerData: { input, options } });
    worker.once('message', (m: { result?: AnalysisResult; error?: string }) => (m.error === undefined ? resolve(m.result!) : reject(new Error(m.error))));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`analysis thread exited with code ${code}`)));
  });
}
