import type { LookupRequest, LookupResponse } from '@idr/contracts';
import { Box } from '@twilio-paste/box';
import { Callout, CalloutHeading, CalloutText } from '@twilio-paste/callout';
import { Heading } from '@twilio-paste/heading';
import { Stack } from '@twilio-paste/stack';
import { Text } from '@twilio-paste/text';
import { useId, useRef } from 'react';
import type { NormalizationMismatch } from './lookup-preview.ts';
import { MismatchCallout } from './mapping-warnings.tsx';
import { Code, Fact, Facts, ProfileCard } from './profile-card.tsx';
import { useReveal } from './reveal.ts';

interface LookupResultProps {
  spaceId: string;
  request: LookupRequest;
  result: LookupResponse;
  priorities: ReadonlyMap<string, number>;
  /** The searched identifier's normalization does not fit the address type: lookups miss. */
  mismatch: NormalizationMismatch | null;
  mappingsHref: string;
}

/** The answer to one lookup: what was searched, and the profiles an agent would see. */
export function LookupResult({ spaceId, request, result, priorities, mismatch, mappingsHref }: LookupResultProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement | null>(null);
  useReveal(headingRef, result, { focus: true });
  const typed = 'address' in request ? request.address : request.value;
  return (
    <Box as="section" aria-labelledby={headingId}>
      <Heading as="h3" variant="heading40" id={headingId} ref={headingRef} tabIndex={-1}>
        Lookup result
      </Heading>
      <Box marginBottom="space60">
        <Facts>
          <Fact term="Searched identifier">
            {result.identifier.displayName === result.identifier.key ? (
              <Code>{result.identifier.key}</Code>
            ) : (
              <>
                {result.identifier.displayName}{' '}
                <Text as="span" color="colorTextWeak">
                  (<Code>{result.identifier.key}</Code>)
                </Text>
              </>
            )}
          </Fact>
          <Fact term="Normalized value">
            <Code>{result.normalizedValue}</Code>
            {typed !== result.normalizedValue ? (
              <Text as="span" color="colorTextWeak">
                {' '}
                from “{typed}”
              </Text>
            ) : null}
          </Fact>
        </Facts>
      </Box>
      <Stack orientation="vertical" spacing="space60">
        {mismatch ? <MismatchCallout mismatch={mismatch} mappingsHref={mappingsHref} /> : null}
        <Box role="status">
          <LookupOutcome result={result} mismatch={mismatch !== null} />
        </Box>
        {result.profiles.map((profile) => (
          <ProfileCard key={profile.id} spaceId={spaceId} profile={profile} priorities={priorities} />
        ))}
      </Stack>
    </Box>
  );
}

/** Created, none found, or how many profiles hold the value. */
function LookupOutcome({ result, mismatch }: { result: LookupResponse; mismatch: boolean }) {
  const count = result.profiles.length;
  if (result.created) {
    return (
      <Callout variant="success" marginY="space0">
        <CalloutHeading as="h4">Profile created</CalloutHeading>
        <CalloutText>
          No profile held this value, so a new profile holding just {result.identifier.displayName}{' '}
          <Code>{result.normalizedValue}</Code> was created.
        </CalloutText>
      </Callout>
    );
  }
  if (count === 0) {
    return (
      <Callout variant="neutral" marginY="space0">
        <CalloutHeading as="h4">No profile holds this value</CalloutHeading>
        <CalloutText>
          An agent receiving this contact would see no customer profile.
          {/* Creating a profile would only store the value in the mismatched identifier too. */}
          {mismatch
            ? ' Fix the mapping above before creating profiles from lookups.'
            : ' Check “Create the profile if none is found” to create one, as a flow builder’s “search for a profile” step would.'}
        </CalloutText>
      </Callout>
    );
  }
  return (
    <Text as="p">
      {count === 1
        ? 'One profile holds this value: this is what the agent sees.'
        : `${count} profiles hold this value.`}
    </Text>
  );
}
