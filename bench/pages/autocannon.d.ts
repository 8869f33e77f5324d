// The few parts of autocannon's programmatic API the benchmark uses (the package ships no types).
declare module 'autocannon' {
  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    workers?: number;
    headers?: Record<string, string>;
  };
  type Percentiles = { average: number; mean: number; p50: number; p99: number; max: number };
  export type Result = {
    requests: Percentiles & { total: number };
    latency: Percentiles;
    non2xx: number;
    errors: number;
    timeouts: number;
  };
  export default function autocannon(opts: Options): Promise<Result>;
}
