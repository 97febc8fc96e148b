import { Anchor } from '@twilio-paste/anchor';
import { Heading } from '@twilio-paste/heading';
import { Paragraph } from '@twilio-paste/paragraph';
import { handleLinkClick } from '../lib/router.ts';
import { MANAGE_PATH } from './layout.tsx';

export function NotFoundPage({ pathname }: { pathname: string }) {
  return (
    <>
      <Heading as="h1" variant="heading10">
        Page not found
      </Heading>
      <Paragraph>
        There is no page at <code>{pathname}</code>. Go to{' '}
        <Anchor href={MANAGE_PATH} onClick={(event) => handleLinkClick(event, MANAGE_PATH)}>
          Unified Profiles › Manage
        </Anchor>
        .
      </Paragraph>
    </>
  );
}
