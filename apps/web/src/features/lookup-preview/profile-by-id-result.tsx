import type { Profile } from '@idr/contracts';
import { Box } from '@twilio-paste/box';
import { Callout, CalloutHeading, CalloutText } from '@twilio-paste/callout';
import { Heading } from '@twilio-paste/heading';
import { Stack } from '@twilio-paste/stack';
import { Text } from '@twilio-paste/text';
import { useId, useRef } from 'react';
import { Code, ProfileCard } from './profile-card.tsx';
import { useReveal } from './reveal.ts';

interface ProfileByIdResultProps {
  spaceId: string;
  /** The id searched for, trimmed. */
  profileId: string;
  /** What the server answered: the profile of that id, or the one it was merged into. */
  profile: Profile;
  priorities: ReadonlyMap<string, number>;
}

/** The answer to a search by profile id: the profile, and whether the id was merged into it. */
export function ProfileByIdResult({ spaceId, profileId, profile, priorities }: ProfileByIdResultProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement | null>(null);
  useReveal(headingRef, profile, { focus: true });
  return (
    <Box as="section" aria-labelledby={headingId}>
      <Heading as="h3" variant="heading40" id={headingId} ref={headingRef} tabIndex={-1}>
        Lookup result
      </Heading>
      <Stack orientation="vertical" spacing="space60">
        <Box role="status">
          {profile.id === profileId ? (
            <Text as="p">This id is the profile’s own: it was not merged into another profile.</Text>
          ) : (
            // The server answered the merged id with a 308 to its survivor, which fetch followed.
            <Callout variant="neutral" marginY="space0">
              <CalloutHeading as="h4">This id was merged into another profile</CalloutHeading>
              <CalloutText>
                Profile <Code>{profileId}</Code> was merged into profile <Code>{profile.id}</Code>: this is the profile
                it belongs to now, holding its identifier values and events. The API answers the merged id with this
                profile too (a 308 redirect to it).
              </CalloutText>
            </Callout>
          )}
        </Box>
        <ProfileCard spaceId={spaceId} profile={profile} priorities={priorities} />
      </Stack>
    </Box>
  );
}
