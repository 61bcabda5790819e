import autocannon from 'autocannon';
import type { Result } from 'autocannon';

export interface Target {
  name: string;
  url: string;
  headers?: Record<string, string>;
}

export interface LoadOptions {
  connections: number;
  /** Seconds measured. */
  duration: number;
  /** Seconds of load before measuring (discarded, but its responses must be 2xx too). */
  warmup: number;
}

export interface Measurement {
  name: string;
  reqPerSec: number;
  /** Milliseconds, from each response's own high-resolution time (autocannon rounds to 1 ms). */
  p50: number;
  p99: number;
  requests: number;
  /** CPU time the serving process used per measured request, in µs (Linux only). */
  cpuPerRequestUs: number | undefined;
  /** Responses that were not 2xx, plus connection errors and timeouts (warm-up included). */
  failures: number;
  statusCodes: Record<string, number>;
}

/** Response times in ms, kept in a growing typed array (a 10 s run can hold 400k of them). */
class Recorder {
  private values = new Float64Array(1 << 16);
  private count = 0;

  add(ms: number): void {
    if (this.count === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.count++] = ms;
  }

  percentiles(...ps: number[]): number[] {
    const sorted = this.values.subarray(0, this.count).sort();
    return ps.map((p) => sorted[Math.min(this.count - 1, Math.floor((p / 100) * this.count))] ?? 0);
  }
}

function run(target: Target, connections: number, duration: number, recorder?: Recorder) {
  const instance = autocannon({
    url: target.url,
    connections,
    duration,
    timeout: 10,
    headers: target.headers ?? {},
    // autocannon keeps each response body by appending the Buffer to a string (`req.body +=
    // data`: UTF-8 decoding of gzip bytes and string concatenation), which it only needs to
    // compare bodies (expectBody/verifyBody, unused here). For a 40 KB answer that cost the client
    // ≈ 1 ms of CPU per response, more than the server spent, so on two cores the load generator
    // rather than the server set the latency. Bodies are dropped, as wrk does; each target's body
    // is checked once before it is measured, and the time is taken when the response completes.
    setupClient: (client) => {
      client.pipelinedRequests.addBody = () => {};
    },
  });
  if (recorder) instance.on('response', (_c, _s, _b, ms) => recorder.add(ms));
  return Promise.resolve(instance);
}

function failuresOf(result: Result): number {
  return result.non2xx + result.errors + result.timeouts;
}

function statusCodesOf(result: Result): Record<string, number> {
  return Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, s]) => [code, Number(s.count)]),
  );
}

/** Warm-up, then the measured run. Never throws on non-2xx: the caller fails the whole run. */
export async function measure(
  target: Target,
  load: LoadOptions,
  cpuMs: () => number | undefined,
): Promise<Measurement> {
  const warm = load.warmup > 0 ? await run(target, load.connections, load.warmup) : undefined;
  const recorder = new Recorder();
  const cpuBefore = cpuMs();
  const result = await run(target, load.connections, load.duration, recorder);
  const cpuAfter = cpuMs();
  const [p50 = 0, p99 = 0] = recorder.percentiles(50, 99);
  const statusCodes = statusCodesOf(result);
  if (warm) {
    for (const [code, n] of Object.entries(statusCodesOf(warm))) {
      statusCodes[code] = (statusCodes[code] ?? 0) + n;
    }
  }
  return {
    name: target.name,
    reqPerSec: result.requests.average,
    p50,
    p99,
    requests: result.requests.total,
    cpuPerRequestUs:
      cpuBefore === undefined || cpuAfter === undefined
        ? undefined
        : ((cpuAfter - cpuBefore) * 1000) / Math.max(1, result.requests.total),
    failures: failuresOf(result) + (warm ? failuresOf(warm) : 0),
    statusCodes,
  };
}

/** Logs in once and returns the `Cookie` header value for the session. */
export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) {
    throw new Error(`login failed: ${response.status} ${await response.text()}`);
  }
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.includes('session='));
  if (!cookie) throw new Error('login answered 200 but set no session cookie');
  return cookie;
}

/** One plain request per target before loading it: a wrong answer fails fast with its body. */
export async function check(
  target: Target,
  expect: (body: unknown) => string | undefined,
): Promise<void> {
  const response = await fetch(target.url, { headers: target.headers ?? {} });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(`${target.name}: expected 200, got ${response.status}: ${text.slice(0, 500)}`);
  }
  const problem = expect(JSON.parse(text) as unknown);
  if (problem) throw new Error(`${target.name}: ${problem}`);
}
