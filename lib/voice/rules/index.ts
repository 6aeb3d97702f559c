import type { RuleKindName, RuleOf } from '../pack';
import { address } from './address';
import { capitalization } from './capitalization';
import { conditional } from './conditional';
import { disclosure } from './disclosure';
import { emoji } from './emoji';
import { entityLimit } from './entity-limit';
import { existence } from './existence';
import { frTypography } from './fr-typography';
import { inclusive } from './inclusive';
import { links } from './links';
import { metric } from './metric';
import { occurrence } from './occurrence';
import { personalData } from './personal-data';
import { platformLength } from './platform-length';
import { punctuationRun } from './punctuation-run';
import { repetition } from './repetition';
import { sentiment } from './sentiment';
import { sequence } from './sequence';
import { shouting } from './shouting';
import { spelling } from './spelling';
import { substitution } from './substitution';
import type { RuleKind } from './types';

export const ruleKinds: { [K in RuleKindName]: RuleKind<RuleOf<K>> } = {
  existence, substitution, occurrence, repetition, capitalization, metric, conditional,
  'platform-length': platformLength, 'entity-limit': entityLimit, emoji, shouting,
  'punctuation-run': punctuationRun, 'personal-data': personalData, disclosure, links, sentiment,
  address, 'fr-typography': frTypography, inclusive, spelling, sequence,
};
