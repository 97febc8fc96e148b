import { Anchor } from '@twilio-paste/anchor';
import { Heading } from '@twilio-paste/heading';
import { Paragraph } from '@twilio-paste/paragraph';
import { handleLinkClick } from '../lib/router.ts';
import { spacePath } from '../lib/space-path.ts';
import { MANAGE_PATH } from './layout.tsx';

export function NotFoundPage({ pathname, spaceId }: { pathname: string; spaceId: string }) {
  const managePath = spacePath(spaceId, MANAGE_PATH);
  return (
    <>
      <Heading as="h1" variant="heading10">
        Page not found
      </Heading>
      <Paragraph>
        There is no page at <code>{pathname}</code>. Go to{' '}
        <Anchor href={managePath} onClick={(event) => handleLinkClick(event, managePath)}>
          Unified Profiles › Manage
        </Anchor>
        .
      </Paragraph>
    </>
  );
}
