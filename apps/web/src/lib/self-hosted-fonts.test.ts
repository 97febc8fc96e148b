import { describe, expect, it, vi } from 'vitest';

vi.mock('inter-ui/variable/InterVariable.woff2?url', () => ({ default: '/assets/InterVariable.woff2' }));
vi.mock('inter-ui/variable/InterVariable-Italic.woff2?url', () => ({ default: '/assets/InterVariable-Italic.woff2' }));

const { rewriteFontDeclaration, selfHostedFontsPlugin } = await import('./self-hosted-fonts.ts');

describe('rewriteFontDeclaration', () => {
  it('points Inter at the bundled file', () => {
    expect(
      rewriteFontDeclaration(
        'src:url("https://assets.twilio.com/public_assets/paste-fonts/1.5.2/Inter-roman.var.woff2?v=3.19") format("woff2");',
      ),
    ).toBe('src:url("/assets/InterVariable.woff2") format("woff2");');
    expect(
      rewriteFontDeclaration(
        'src:url("https://assets.twilio.com/public_assets/paste-fonts/1.5.2/Inter-italic.var.woff2?v=3.19") format("woff2");',
      ),
    ).toBe('src:url("/assets/InterVariable-Italic.woff2") format("woff2");');
  });

  it('drops remote fonts that have no local file, so nothing is requested', () => {
    const rewritten = rewriteFontDeclaration(
      "src:local(''),url('https://assets.twilio.com/public_assets/paste-fonts/1.5.2/TwilioSansMono-Regular.woff2') format('woff2'),url('https://assets.twilio.com/public_assets/paste-fonts/1.5.2/TwilioSansMono-Regular.woff') format('woff');",
    );
    expect(rewritten).toBe("src:local('');");
    expect(rewritten).not.toContain('twilio.com');
  });

  it('leaves other declarations alone', () => {
    expect(rewriteFontDeclaration('font-weight:100 900;')).toBe('font-weight:100 900;');
  });

  it('rewrites declarations through the stylis plugin', () => {
    const element = {
      type: 'decl',
      value: 'src:url("https://assets.twilio.com/x/Inter.var.woff2?v=3.19") format("woff2");',
      return: '',
    };
    selfHostedFontsPlugin(element);
    expect(element.return).toBe('src:url("/assets/InterVariable.woff2") format("woff2");');
  });
});
