import { links as findLinks } from '../entities';
import type { RuleOf } from '../pack';
import type { RuleKind } from './types';

const within = (host: string, domain: string) => {
  const d = domain.toLowerCase().replace(/^www\./, '');
  return host === d || host.endsWith(`.${d}`);
};

/** Links only to allowed domains (and their subdomains), never to denied ones (link shorteners...). */
export const links: RuleKind<RuleOf<'links'>> = {
  vocabulary: false,
  compile(rule) {
    return (doc) =>
      findLinks(doc.text)
        .filter(({ host }) => rule.deny?.some((d) => within(host, d)) || (rule.allow && !rule.allow.some((d) => within(host, d))))
        .map(({ start, end, host }) => ({ start, end, args: [host] }));
  },
};
