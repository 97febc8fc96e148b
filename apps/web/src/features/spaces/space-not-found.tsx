import { Callout, CalloutHeading, CalloutText } from '@twilio-paste/callout';
import { PageLink } from '../../components/page-link.tsx';
import { DEFAULT_SPACE_ID, spacePath } from '../../lib/space-path.ts';
import { SpaceSuggestion, useSpaceMeantBy } from './space-suggestion.tsx';

/**
 * The address names a space the server does not have (404 `space_not_found`): nothing to retry.
 * A space whose name was typed in place of its id is offered first.
 */
export function SpaceNotFound({ spaceId, path }: { spaceId: string; path: string }) {
  const defaultSpacePage = spacePath(DEFAULT_SPACE_ID, path);
  const meant = useSpaceMeantBy(spaceId);
  return (
    <Callout variant="warning" marginY="space0">
      <CalloutHeading as="h2">There is no space “{spaceId}”</CalloutHeading>
      {meant ? (
        <CalloutText>
          <SpaceSuggestion meant={meant} path={path} />
        </CalloutText>
      ) : null}
      <CalloutText>
        The address may be mistyped, or the space was never created on this server. Choose a space in the top bar, or
        open <PageLink href={defaultSpacePage}>this page in the default space</PageLink>.
      </CalloutText>
    </Callout>
  );
}
