import { Anchor } from '@twilio-paste/anchor';
import { Callout, CalloutHeading, CalloutText } from '@twilio-paste/callout';
import { handleLinkClick } from '../../lib/router.ts';
import { DEFAULT_SPACE_ID, spacePath } from '../../lib/space-path.ts';

/** The address names a space the server does not have (404 `space_not_found`): nothing to retry. */
export function SpaceNotFound({ spaceId, path }: { spaceId: string; path: string }) {
  const defaultSpacePage = spacePath(DEFAULT_SPACE_ID, path);
  return (
    <Callout variant="warning" marginY="space0">
      <CalloutHeading as="h2">There is no space “{spaceId}”</CalloutHeading>
      <CalloutText>
        The address may be mistyped, or the space was never created on this server. Choose a space in the top bar, or
        open{' '}
        <Anchor href={defaultSpacePage} onClick={(event) => handleLinkClick(event, defaultSpacePage)}>
          this page in the default space
        </Anchor>
        .
      </CalloutText>
    </Callout>
  );
}
