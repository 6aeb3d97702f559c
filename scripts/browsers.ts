/**
 * `tsx scripts/browsers.ts chromium [firefox]`: the step the end-to-end tests and the demo run first.
 * Finds each browser (its environment variable, then Debian's path); when one is missing and this
 * runs as root with apt-get, installs Debian's package; otherwise stops with one line saying what to
 * install. A newcomer's `npm ci && npm test` then needs nothing but Node on a Debian machine.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { pathToFileURL } from 'node:url';

export interface BrowserSpec {
  name: string;
  env: string;
  paths: string[];
  aptPackage: string;
}

export const browsers: Record<string, BrowserSpec> = {
  chromium: { name: 'Chromium', env: 'CHROMIUM_PATH', paths: ['/usr/bin/chromium'], aptPackage: 'chromium' },
  firefox: { name: 'Firefox', env: 'FIREFOX_PATH', paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'], aptPackage: 'firefox-esr' },
};

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The browser's executable, or undefined. A path set in the environment must work: it is never second-guessed. */
export function findBrowser(spec: BrowserSpec, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env[spec.env];
  if (chosen) {
    if (!executable(chosen)) throw new Error(`${spec.env}=${chosen} is not an executable file`);
    return chosen;
  }
  return spec.paths.find(executable);
}

export function ensureBrowser(spec: BrowserSpec): string {
  const found = findBrowser(spec);
  if (found) return found;
  const root = process.getuid?.() === 0;
  if (!root || !onPath('apt-get')) {
    throw new Error(`${spec.name} not found: install Debian's ${spec.aptPackage} (sudo apt-get install ${spec.aptPackage}) or set ${spec.env} to its executable`);
  }
  console.error(`${spec.name} not found: installing Debian's ${spec.aptPackage} with apt-get (once)`);
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env: aptEnv });
  execFileSync('apt-get', ['install', '-y', '-qq', spec.aptPackage], { stdio: ['ignore', 'ignore', 'inherit'], env: aptEnv });
  const installed = findBrowser(spec);
  if (!installed) throw new Error(`apt-get installed ${spec.aptPackage} but no ${spec.name} is at ${spec.paths.join(' or ')}`);
  return installed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const names = process.argv.slice(2);
  try {
    for (const name of names) {
      const spec = browsers[name];
      if (!spec) throw new Error(`unknown browser ${name}: expected ${Object.keys(browsers).join(' or ')}`);
      ensureBrowser(spec);
    }
  } catch (error) {
    console.error(`vigie: ${(error as Error).message}`);
    process.exit(1);
  }
}
