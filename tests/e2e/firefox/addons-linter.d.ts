/** addons-linter ships no types; the part of its Node API tests/e2e/firefox/addons-lint.ts uses. */
declare module 'addons-linter' {
  interface LinterConfig {
    _: string[];
    logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
    stack: boolean;
    pretty: boolean;
    warningsAsErrors: boolean;
    metadata: boolean;
    output: 'none' | 'json' | 'text';
    boring: boolean;
    selfHosted: boolean;
  }
  const linter: { createInstance(opts: { config: LinterConfig; runAsBinary: boolean }): { run(): Promise<unknown> } };
  export default linter;
}
