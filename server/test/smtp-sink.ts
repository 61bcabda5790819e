import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on a random 127.0.0.1 port that records what it receives, for tests (module
 * tests and the browser journeys). Plain SMTP without TLS or AUTH, so nodemailer connects with
 * `smtp://127.0.0.1:<port>` (use `sink.url` as SMTP_URL).
 *
 *   const sink = await startSmtpSink();
 *   … the app sends mail through sink.url …
 *   const mail = await sink.waitFor((m) => m.to.includes('ann@example.org'));
 *   const token = /#token=([\w-]+)/.exec(mail.text)?.[1];
 *   sink.rejecting = true;   // SMTP "down": every delivery is refused with 451 (temporary)
 *   await sink.close();
 *
 * Only single-part text messages are decoded (what the app sends): headers are unfolded, RFC 2047
 * encoded words in headers and quoted-printable/base64 bodies are decoded as UTF-8.
 */

export interface SinkMessage {
  /** Envelope sender (MAIL FROM). */
  from: string;
  /** Envelope recipients (RCPT TO), lower-cased. */
  to: string[];
  /** Decoded Subject header. */
  subject: string;
  /** Decoded text body, line ends normalised to \n. */
  text: string;
  /** Header fields by lower-case name (decoded, last occurrence wins). */
  headers: Record<string, string>;
  /** The message as received. */
  raw: string;
}

export interface SmtpSink {
  readonly port: number;
  /** `smtp://127.0.0.1:<port>`: pass as SMTP_URL / config.smtpUrl. */
  readonly url: string;
  /** Every message accepted so far, oldest first. */
  readonly messages: SinkMessage[];
  /** While true, deliveries are refused (451), as if the mail server were unavailable. */
  rejecting: boolean;
  /** Resolves with the first message (already received or arriving) that matches. */
  waitFor(predicate: (m: SinkMessage) => boolean, timeoutMs?: number): Promise<SinkMessage>;
  /** Forgets the recorded messages. */
  clear(): void;
  close(): Promise<void>;
}

export async function startSmtpSink(options: { reject?: boolean } = {}): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const waiters = new Set<(m: SinkMessage) => void>();
  const state = { rejecting: options.reject ?? false };

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    disableReverseLookup: true,
    closeTimeout: 1000,
    onMailFrom(_address, _session, callback) {
      if (!state.rejecting) return callback();
      const err = Object.assign(new Error('Mail service unavailable (test sink rejecting)'), {
        responseCode: 451,
      });
      return callback(err);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const envelope = session.envelope;
        const message = parseMessage(
          raw,
          envelope.mailFrom ? envelope.mailFrom.address : '',
          envelope.rcptTo.map((r) => r.address.toLowerCase()),
        );
        messages.push(message);
        for (const w of [...waiters]) w(message);
        callback();
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    get rejecting() {
      return state.rejecting;
    },
    set rejecting(value: boolean) {
      state.rejecting = value;
    },
    waitFor(predicate, timeoutMs = 5000) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise<SinkMessage>((resolve, reject) => {
        const waiter = (m: SinkMessage) => {
          if (!predicate(m)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(m);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const seen = messages.map((m) => `${m.to.join(',')}: ${m.subject}`).join('; ');
          reject(
            new Error(`No matching email within ${timeoutMs} ms (received: ${seen || 'none'})`),
          );
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    clear() {
      messages.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function parseMessage(raw: string, from: string, to: string[]): SinkMessage {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(
        line.slice(colon + 1).trim(),
      );
    }
  }
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const text = decodeBody(body, encoding).replace(/\r\n/g, '\n');
  return { from, to, subject: headers.subject ?? '', text, headers, raw };
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  const soft = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (=?utf-8?Q?…?= and =?utf-8?B?…?=); adjacent words join without space. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(
      /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g,
      (_m, _charset: string, kind: string, data: string) =>
        kind.toUpperCase() === 'B'
          ? Buffer.from(data, 'base64').toString('utf8')
          : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}
