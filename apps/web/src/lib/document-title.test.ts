import { describe, expect, it } from 'vitest';
import { documentTitle } from './document-title.ts';

describe('documentTitle', () => {
  it('puts the page first and the product last', () => {
    expect(documentTitle('Lookup preview · Manage', 'Space prod')).toBe(
      'Lookup preview · Manage — Space prod — Identity Resolution Console',
    );
    expect(documentTitle()).toBe('Identity Resolution Console');
  });
});
