import { parentPort, workerData } from 'node:worker_threads';
import { analyzeConsultation } from '../domain/consultation/analysis/analyze.js';

// Runs one analysis and answers once; the thread then ends.
try {
  parentPort!.postMessage({ result: analyzeConsultation(workerData.input, workerData.options) });
} catch (e) {
  parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) });
}
