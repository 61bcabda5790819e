// The journeys read mail from the same local SMTP sink the server tests use.
export { startSmtpSink, type SinkMessage, type SmtpSink } from '../../server/test/smtp-sink.ts';

/** The first URL in a text that starts with `prefix`. */
export function findLink(text: string, prefix: string): string {
  const url = text.split(/\s+/).find((word) => word.startsWith(prefix));
  if (!url) throw new Error(`No link starting with ${prefix} in:\n${text}`);
  return url;
}
