/** Our mark: two linked profiles. Decorative; the product name is always written next to it. */
export function ProductLogo({ size = 24 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#1D4ED8" />
      <circle cx="12" cy="13" r="4.5" fill="#fff" />
      <circle cx="21" cy="19" r="4.5" fill="none" stroke="#fff" strokeWidth="2.5" />
      <path d="M15 16l3 1.5" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}
