// autocannon 9 ships no type declarations; this covers the part of its API the benchmark uses.
declare module 'autocannon' {
  export interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p99: number;
  }

  export interface Options {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Seconds to wait for a response. */
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    /** Called with each connection's client before it connects. */
    setupClient?: (client: Client) => void;
  }

  /** A connection (lib/httpClient.js): the queue its response bodies are appended to. */
  export interface Client {
    pipelinedRequests: { addBody(data: Buffer): void };
  }

  export interface Result {
    /** Requests per one-second sample: `average` is the mean req/s, `total` every completed request. */
    requests: Histogram;
    /** Response time in milliseconds (whole-millisecond resolution). */
    latency: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    mismatches: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
  }

  export interface Instance extends PromiseLike<Result> {
    on(
      event: 'response',
      listener: (
        client: unknown,
        statusCode: number,
        resBytes: number,
        responseTime: number,
      ) => void,
    ): this;
    stop(): void;
  }

  export default function autocannon(options: Options): Instance;
}
