import { Writable } from 'node:stream';
import Fastify from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, problem, registerErrorHandling } from './problem.ts';

async function appWithLogs() {
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _e, cb) {
      logs.push(chunk.toString());
      cb();
    },
  });
  const app = Fastify({ logger: { level: 'info', stream } });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/things',
    { schema: { body: z.strictObject({ name: z.string().min(2), count: z.number().int() }) } },
    (req) => req.body,
  );
  r.get('/app-error', () => {
    throw new AppError(
      409,
      'taken',
      'Already there.',
      [{ pointer: '/email', location: 'body', code: 'taken', detail: 'Taken.' }],
      { 'Retry-After': '5' },
    );
  });
  r.get('/crash', () => {
    // What a PostgreSQL unique violation looks like: the row values ride along in `detail`.
    throw Object.assign(
      new Error('duplicate key value violates unique constraint "users_email_key"'),
      {
        code: '23505',
        detail: 'Key (email)=(geheim@example.org) already exists.',
      },
    );
  });
  r.get(
    '/bad-response',
    { schema: { response: { 200: z.object({ id: z.string() }) } } },
    () => ({ id: 1 }) as never,
  );
  await app.ready();
  return { app, logs };
}

describe('problem+json error model', () => {
  it('lists every validation error of the body, with pointers, and never coerces types', async () => {
    const { app } = await appWithLogs();
    const res = await app.inject({
      method: 'POST',
      url: '/things',
      payload: { name: 'x', count: '3', extra: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body).toMatchObject({
      status: 400,
      title: 'Bad Request',
      code: 'validation_failed',
      instance: '/things',
    });
    expect(body.type).toBe('urn:wijkdragers:problem:validation_failed');
    const pointers = body.errors.map((e: { pointer: string }) => e.pointer).sort();
    expect(pointers).toEqual(['/', '/count', '/name']); // unknown key, string "3" not coerced, too short
    for (const e of body.errors) expect(e.location).toBe('body');
    await app.close();
  });

  it('answers malformed JSON, empty bodies and unknown routes as problems', async () => {
    const { app } = await appWithLogs();
    const bad = await app.inject({
      method: 'POST',
      url: '/things',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('malformed_json');
    const empty = await app.inject({
      method: 'POST',
      url: '/things',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(empty.statusCode).toBe(400);
    const lying = await app.inject({
      method: 'POST',
      url: '/things',
      headers: { 'content-type': 'application/json', 'content-length': '99' },
      payload: '{"name":"x"}',
    });
    expect(lying.statusCode).toBe(400);
    expect(lying.json().code).toBe('invalid_content_length');
    const none = await app.inject({ method: 'GET', url: '/nothing?x=1' });
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ code: 'not_found', instance: '/nothing' });
    await app.close();
  });

  it('keeps the status, code, field errors and headers of an AppError', async () => {
    const { app } = await appWithLogs();
    const res = await app.inject({ method: 'GET', url: '/app-error' });
    expect(res.statusCode).toBe(409);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json()).toMatchObject({
      title: 'Conflict',
      code: 'taken',
      detail: 'Already there.',
      errors: [{ pointer: '/email' }],
    });
    await app.close();
  });

  it('turns unknown errors into a generic 500 and logs them without the row values they carry', async () => {
    const { app, logs } = await appWithLogs();
    const res = await app.inject({ method: 'GET', url: '/crash' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual(
      problem(500, 'internal_error', 'Something went wrong on our side.', '/crash'),
    );
    expect(res.body).not.toContain('duplicate');
    const line = logs.find((l) => l.includes('unhandled error'));
    expect(line).toBeDefined();
    expect(line).toContain('23505');
    expect(line).not.toContain('geheim@example.org');
    await app.close();
  });

  it('never sends a response that does not match its schema', async () => {
    const { app, logs } = await appWithLogs();
    const res = await app.inject({ method: 'GET', url: '/bad-response' });
    expect(res.statusCode).toBe(500);
    expect(res.json().code).toBe('internal_error');
    expect(logs.some((l) => l.includes('response did not match its schema'))).toBe(true);
    await app.close();
  });
});
