// What the lookup says about the address-type mapping (SPEC §4): an address type mapped to no
// identifier, or to one whose normalization does not fit, with the way to the mapping form.
import type { AddressType } from '@idr/contracts';
import { Callout, CalloutHeading, CalloutText } from '@twilio-paste/callout';
import type { ReactNode } from 'react';
import { FragmentLink } from '../../components/fragment-link.tsx';
import { ADDRESS_TYPE_PLURAL_LABEL, addressTypePlural } from '../../lib/labels.ts';
import type { NormalizationMismatch } from '../../lib/lookup-warnings.ts';
import { mismatchExplanation } from './lookup-preview.ts';

/** A link to the address-type mapping form on the Identifiers tab. */
export function MappingLink({ href, children }: { href: string; children: NonNullable<ReactNode> }) {
  return <FragmentLink href={href}>{children}</FragmentLink>;
}

/** No identifier holds this address type: the lookup cannot search (answered 422 by the server). */
export function UnmappedCallout({
  id,
  addressType,
  mappingsHref,
}: {
  id: string;
  addressType: AddressType;
  mappingsHref: string;
}) {
  return (
    <Callout id={id} variant="warning" marginY="space0">
      <CalloutHeading as="h3">{ADDRESS_TYPE_PLURAL_LABEL[addressType]} are not mapped to an identifier</CalloutHeading>
      <CalloutText>
        The lookup does not know which identifier holds {addressTypePlural(addressType)}, so it cannot search until one
        is mapped.
      </CalloutText>
      <CalloutText>
        <MappingLink href={mappingsHref}>Map an identifier to {addressTypePlural(addressType)}</MappingLink> in the
        Identifiers tab, under Identifier mapping by address type.
      </CalloutText>
    </Callout>
  );
}

/** The mismatch in one sentence and the way to fix it, for the help text of the address field. */
export function MismatchHelp({ mismatch, mappingsHref }: { mismatch: NormalizationMismatch; mappingsHref: string }) {
  return (
    <>
      {mismatchExplanation(mismatch)} <MappingLink href={mappingsHref}>Change the mapping</MappingLink>
    </>
  );
}

/** The mismatch next to a lookup result it explains: why nothing (or something odd) matched. */
export function MismatchCallout({ mismatch, mappingsHref }: { mismatch: NormalizationMismatch; mappingsHref: string }) {
  const plural = addressTypePlural(mismatch.addressType);
  return (
    <Callout variant="warning" marginY="space0">
      <CalloutHeading as="h4">
        {ADDRESS_TYPE_PLURAL_LABEL[mismatch.addressType]} are mapped to an identifier without “{mismatch.expected}”
        normalization
      </CalloutHeading>
      <CalloutText>{mismatchExplanation(mismatch)}</CalloutText>
      <CalloutText>
        <MappingLink href={mappingsHref}>
          Map {plural} to an identifier with “{mismatch.expected}” normalization
        </MappingLink>{' '}
        in the Identifiers tab, under Identifier mapping by address type.
      </CalloutText>
    </Callout>
  );
}
