import interRomanUrl from 'inter-ui/variable/InterVariable.woff2?url';
import interItalicUrl from 'inter-ui/variable/InterVariable-Italic.woff2?url';

// Paste's theme declares its @font-face rules with URLs on assets.twilio.com, which fails offline
// and under a strict Content-Security-Policy. We rewrite those declarations while emotion
// serializes them: Inter comes from the `inter-ui` package (bundled by Vite), and Twilio's own
// Sans Mono/Text fonts, which have no free equivalent, are dropped so the stacks fall back to
// local fonts (Courier/monospace) without any request.
const REMOTE_FONT_HOST = 'assets.twilio.com';

/** Local replacements for the remote files, by file name. */
export const LOCAL_FONT_FILES: Record<string, string> = {
  'Inter-roman.var.woff2': interRomanUrl,
  'Inter.var.woff2': interRomanUrl,
  'Inter-italic.var.woff2': interItalicUrl,
};

/**
 * Rewrites one CSS declaration: a `src` that points at the remote font host gets local URLs, or
 * `local('')` (matches nothing, loads nothing) when no local file replaces it. Other declarations
 * are returned unchanged.
 */
export function rewriteFontDeclaration(declaration: string, files: Record<string, string> = LOCAL_FONT_FILES): string {
  if (!declaration.includes(REMOTE_FONT_HOST)) return declaration;
  const sources: string[] = [];
  for (const match of declaration.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
    const url = match[1] ?? '';
    if (!url.includes(REMOTE_FONT_HOST)) continue;
    const fileName = url.split('?')[0]?.split('/').pop() ?? '';
    const local = files[fileName];
    if (local) sources.push(`url("${local}") format("woff2")`);
  }
  const unique = [...new Set(sources)];
  return `src:${unique.length > 0 ? unique.join(',') : "local('')"};`;
}

interface StylisElement {
  type: string;
  value: string;
  return: string;
}

/** Emotion (stylis) plugin applying rewriteFontDeclaration to every declaration it serializes. */
export function selfHostedFontsPlugin(element: StylisElement): void {
  if (element.type === 'decl' && element.value.includes(REMOTE_FONT_HOST)) {
    element.return = rewriteFontDeclaration(element.value);
  }
}
