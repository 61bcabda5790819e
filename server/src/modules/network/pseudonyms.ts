import { createHmac, hkdfSync } from 'node:crypto';
import type { Network } from './schema.ts';

/**
 * Pseudonyms for research exports. A person's id and name become `P-` and the first 16 hex digits
 * (64 bits) of HMAC-SHA-256 of the actor id, under a key derived with HKDF-SHA-256 from the
 * server's SESSION_SECRET (config.ts reads it once; without it the generated secret in the data
 * directory) with its own label, so the session key itself never signs exported data. The same
 * actor gets the same pseudonym in every export of every format, so exports can be joined over
 * time; whoever holds neither the secret nor the database cannot turn one back into a person.
 * Rotating SESSION_SECRET changes every pseudonym. Tie ids are replaced the same way (`T-…`): a
 * tie id would lead back to its actors through the API. Organisations keep their id and name.
 */
export function pseudonymKey(sessionSecret: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', sessionSecret, 'wijkdragers', 'network-export-pseudonyms/v1', 32),
  );
}

const tag = (key: Buffer, prefix: string, id: string) =>
  `${prefix}-${createHmac('sha256', key).update(id).digest('hex').slice(0, 16)}`;

export const personPseudonym = (key: Buffer, actorId: string) => tag(key, 'P', actorId);

/** The network with every person replaced by its pseudonym, and every tie id too. */
export function pseudonymise(network: Network, key: Buffer): Network {
  const persons = new Map(
    network.nodes.filter((n) => n.kind === 'person').map((n) => [n.id, personPseudonym(key, n.id)]),
  );
  const idOf = (id: string) => persons.get(id) ?? id;
  return {
    ...network,
    nodes: network.nodes.map((n) => {
      const p = persons.get(n.id);
      return p ? { ...n, id: p, label: p } : n;
    }),
    edges: network.edges.map((e) => ({
      ...e,
      id: tag(key, 'T', e.id),
      source: idOf(e.source),
      target: idOf(e.target),
    })),
  };
}
