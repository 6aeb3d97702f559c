import { browser } from 'wxt/browser';

/**
 * A data file of the built extension (a dictionary, the tagger's lexicon), fetched by the background
 * on the first check that needs it. `what` names it in the error a failed fetch gives.
 */
export async function ownFile(what: string, path: string): Promise<Response> {
  const res = await fetch(browser.runtime.getURL(`/${path}` as '/'));
  if (!res.ok) throw new Error(`${what} ${path}: HTTP ${res.status}`);
  return res;
}
