import { Anchor } from '@twilio-paste/anchor';
import type { MouseEvent, ReactNode } from 'react';
import { handleLinkClick } from '../lib/router.ts';

/** Follows an in-app link to a fragment of another tab: navigates, then scrolls to and focuses its target. */
function openFragmentLink(event: MouseEvent<HTMLAnchorElement>, href: string, onFollow?: () => void) {
  handleLinkClick(event, href);
  if (!event.defaultPrevented) return;
  onFollow?.();
  const id = new URL(href, window.location.origin).hash.slice(1);
  let frames = 0;
  // The tab switches a render or two after the navigation; wait until its target is shown. The
  // link itself is hidden with its tab, so without this the keyboard focus would be lost.
  const reveal = () => {
    const target = id ? document.getElementById(id) : null;
    if (target && target.offsetParent !== null) {
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
    } else if (frames++ < 30) {
      window.requestAnimationFrame(reveal);
    }
  };
  window.requestAnimationFrame(reveal);
}

/** A link to a part of another tab of the console, e.g. `…/identifiers#address-type-mappings-heading`. */
export function FragmentLink({
  href,
  onFollow,
  children,
}: {
  href: string;
  /** Called when the console follows the link itself (e.g. to close the dialog holding it). */
  onFollow?: () => void;
  children: NonNullable<ReactNode>;
}) {
  return (
    <Anchor href={href} onClick={(event) => openFragmentLink(event, href, onFollow)}>
      {children}
    </Anchor>
  );
}
