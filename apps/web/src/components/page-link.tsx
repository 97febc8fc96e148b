import { Anchor } from '@twilio-paste/anchor';
import type { ReactNode } from 'react';
import { handleLinkClick } from '../lib/router.ts';

/** A link to another page of the console, followed in place (a plain left click does not reload). */
export function PageLink({ href, children }: { href: string; children: NonNullable<ReactNode> }) {
  return (
    <Anchor href={href} onClick={(event) => handleLinkClick(event, href)}>
      {children}
    </Anchor>
  );
}
