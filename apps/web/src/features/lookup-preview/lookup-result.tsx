import type { Identifier, LookupRequest, LookupResponse } from '@idr/contracts';
import { Box } from '@twilio-paste/box';
import { Callout, CalloutHeading, CalloutText } from '@twilio-paste/callout';
import { Heading } from '@twilio-paste/heading';
import { Stack } from '@twilio-paste/stack';
import { Text } from '@twilio-paste/text';
import { useId, useRef } from 'react';
import { Fact, Facts } from '../../components/facts.tsx';
import type { NormalizationMismatch } from '../../lib/lookup-warnings.ts';
import { blockedValueExplanation, emptyLookupText, findBlockedValue, type SearchBy } from './lookup-preview.ts';
import { MismatchCallout } from './mapping-warnings.tsx';
import { Code, ProfileCard } from './profile-card.tsx';
import { useReveal } from './reveal.ts';

interface LookupResultProps {
  spaceId: string;
  request: LookupRequest;
  result: LookupResponse;
  priorities: ReadonlyMap<string, number>;
  /** The searched identifier as the settings have it, when loaded: to tell a blocked value. */
  identifier: Pick<Identifier, 'blockedValues'> | undefined;
  /** The searched identifier's normalization does not fit the address type: lookups miss. */
  mismatch: NormalizationMismatch | null;
  mappingsHref: string;
}

/** The answer to one lookup: what was searched, and the profiles an agent would see. */
export function LookupResult({
  spaceId,
  request,
  result,
  priorities,
  identifier,
  mismatch,
  mappingsHref,
}: LookupResultProps) {
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
          <LookupOutcome
            result={result}
            searchBy={'addressType' in request ? request.addressType : 'identifier'}
            blocked={findBlockedValue(identifier, result.normalizedValue) !== null}
            mismatch={mismatch !== null}
          />
        </Box>
        {result.profiles.map((profile) => (
          <ProfileCard
            key={profile.id}
            spaceId={spaceId}
            profile={profile}
            priorities={priorities}
            matched={{ key: result.identifier.key, value: result.normalizedValue }}
          />
        ))}
      </Stack>
    </Box>
  );
}

interface LookupOutcomeProps {
  result: LookupResponse;
  searchBy: SearchBy;
  /** The normalized value is one of the identifier's blocked values. */
  blocked: boolean;
  mismatch: boolean;
}

/** Created, none found, or how many profiles hold the value. */
function LookupOutcome({ result, searchBy, blocked, mismatch }: LookupOutcomeProps) {
  const count = result.profiles.length;
  const { key } = result.identifier;
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
          {emptyLookupText({ searchBy, key, normalizedValue: result.normalizedValue, blocked, mismatch }).join(' ')}
        </CalloutText>
      </Callout>
    );
  }
  const found =
    count === 1 ? 'One profile holds this value: this is what the agent sees.' : `${count} profiles hold this value.`;
  return (
    <Text as="p">
      {found}
      {/* Settings changes leave existing profiles as they are (SPEC §2): a profile can hold a value blocked since. */}
      {blocked ? ` ${blockedValueExplanation(key, result.normalizedValue)}` : null}
    </Text>
  );
}
