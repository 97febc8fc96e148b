import { Heading } from '@twilio-paste/heading';
import { Paragraph } from '@twilio-paste/paragraph';
import { PageLink } from '../components/page-link.tsx';
import { SpaceSuggestion, useSpaceMeantBy } from '../features/spaces/space-suggestion.tsx';
import { useDocumentTitle } from '../lib/document-title.ts';
import { parseMistypedSpacePath, spacePath } from '../lib/space-path.ts';
import { MANAGE_PATH } from './layout.tsx';

/**
 * No page at this address. One that names a space the way no id is written (`/spaces/Prod-EU/…`)
 * is offered the space it probably meant first.
 */
export function NotFoundPage({ pathname, spaceId }: { pathname: string; spaceId: string }) {
  const managePath = spacePath(spaceId, MANAGE_PATH);
  const mistyped = parseMistypedSpacePath(pathname);
  const meant = useSpaceMeantBy(mistyped?.typed ?? '');
  useDocumentTitle('Page not found');
  return (
    <>
      <Heading as="h1" variant="heading10">
        Page not found
      </Heading>
      {mistyped && meant ? (
        <Paragraph>
          <SpaceSuggestion meant={meant} path={mistyped.path} />
        </Paragraph>
      ) : null}
      <Paragraph>
        There is no page at <code>{pathname}</code>. Go to{' '}
        <PageLink href={managePath}>Unified Profiles › Manage</PageLink>.
      </Paragraph>
    </>
  );
}
