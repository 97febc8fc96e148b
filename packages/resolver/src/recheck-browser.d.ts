// recheck's browser build is its pure-JavaScript checker with a synchronous `checkSync` that
// needs neither a worker thread, a JVM nor the native binary; the package only types its main entry.
declare module 'recheck/lib/browser.js' {
  import type { checkSync } from 'recheck';

  const recheck: { checkSync: typeof checkSync };
  export default recheck;
}
