import type { AddressType, Identifier } from '@idr/contracts';
import { Section } from '../../components/section.tsx';
import { EventPreviewSection } from './event-preview-section.tsx';
import { LookupSection } from './lookup-section.tsx';

interface LookupPreviewTabProps {
  spaceId: string;
  /** The space's identifiers; `undefined` while they load or when they failed to load. */
  identifiers: Identifier[] | undefined;
  /** The space's address-type mappings; `undefined` while they load. */
  mappings: Record<AddressType, string | null> | undefined;
  /** Link to the address-type mapping form (on the Identifiers tab). */
  mappingsHref: string;
}

/** The Lookup preview tab: look up a contact as an agent desktop would, and dry-run events. */
export function LookupPreviewTab({ spaceId, identifiers, mappings, mappingsHref }: LookupPreviewTabProps) {
  const priorities = new Map((identifiers ?? []).map((identifier) => [identifier.key, identifier.priority]));
  return (
    <>
      <Section
        id="lookup-contact"
        heading="Look up a contact"
        description="What an agent desktop does when a call, message or email arrives: the address is normalized with the mapped identifier's rules and searched. The profile shown is the one the agent sees."
      >
        <LookupSection
          spaceId={spaceId}
          identifiers={identifiers}
          mappings={mappings}
          mappingsHref={mappingsHref}
          priorities={priorities}
        />
      </Section>
      <Section
        id="dry-run-event"
        heading="Dry-run an event"
        description="See how the resolver would handle an event: which profile it resolves to, which identifier values it adds or drops and why. Nothing is written: profiles, events and settings stay as they are."
      >
        <EventPreviewSection spaceId={spaceId} identifiers={identifiers} priorities={priorities} />
      </Section>
    </>
  );
}
