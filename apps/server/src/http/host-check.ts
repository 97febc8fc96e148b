import { isIP } from 'node:net';
import type { RequestHandler } from 'express';
import { AppError } from './app-error.ts';

/**
 * Which `Host` names the server answers: `'any'`, or the names of this machine (`localhost` and
 * its subdomains) plus `extra`. IP addresses are always answered.
 */
export type HostPolicy = { kind: 'any' } | { kind: 'local'; listenHost: string; extra: ReadonlySet<string> };

function isLoopback(host: string): boolean {
  const name = host.toLowerCase();
  return name === 'localhost' || name === '::1' || name.startsWith('127.');
}

/**
 * The policy for a server listening on `listenHost`, with `IDR_ALLOWED_HOSTS` (comma-separated
 * names, or `*`). Listening on loopback only, it answers the names of this machine and the listed
 * ones; listening on a network interface, the operator chose to expose it under names the server
 * cannot know, so it answers any name unless some are listed.
 */
export function hostPolicy(listenHost: string, allowedHosts: string | undefined): HostPolicy {
  const listed = (allowedHosts ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  if (listed.includes('*')) return { kind: 'any' };
  if (listed.length === 0 && !isLoopback(listenHost)) return { kind: 'any' };
  return { kind: 'local', listenHost, extra: new Set(listed) };
}

/** The host name of a `Host` header: without the port, brackets or a final dot, lowercased. */
export function hostName(header: string): string {
  const bracketed = /^\[([^\]]*)\]/.exec(header);
  const name = bracketed ? bracketed[1]! : header.replace(/:\d*$/, '');
  return name.replace(/\.$/, '').toLowerCase();
}

function answers(policy: Extract<HostPolicy, { kind: 'local' }>, name: string): boolean {
  // An IP address cannot be rebound: a page can only be on it, not make it point elsewhere.
  if (isIP(name) !== 0) return true;
  return name === 'localhost' || name.endsWith('.localhost') || policy.extra.has(name);
}

/**
 * Refuses requests addressed to a host name the server does not answer to, with 403 `forbidden`.
 * Until the API has sign-in (SPEC §10 is a later issue) this is what keeps a server on 127.0.0.1
 * private: any web site the admin visits can make its own name resolve to 127.0.0.1 ("DNS
 * rebinding") and then read profiles and change settings as if it were the console's own origin;
 * its requests still name that site in `Host`.
 */
export function hostCheck(policy: HostPolicy): RequestHandler {
  return (req, _res, next) => {
    const header = req.headers.host;
    // Node would answer this itself with a bare 400; the server turns that off (HTTP_SERVER_OPTIONS)
    // to say it as a problem. HTTP/1.0 has no Host header to require.
    if (header === undefined && req.httpVersion !== '1.0') {
      next(
        new AppError('validation_failed', 'The request has no Host header, which HTTP/1.1 requires (RFC 9112 §3.2)'),
      );
      return;
    }
    if (policy.kind === 'any' || header === undefined || answers(policy, hostName(header))) {
      next();
      return;
    }
    const name = hostName(header).slice(0, 100);
    next(
      new AppError(
        'forbidden',
        `Requests for the host "${name}" are refused: this server listens on ${policy.listenHost} and answers only ` +
          `localhost, IP addresses${policy.extra.size > 0 ? ' and the names in IDR_ALLOWED_HOSTS' : ''}. ` +
          'To reach it under this name (through a proxy, say), add the name to IDR_ALLOWED_HOSTS.',
      ),
    );
  };
}
