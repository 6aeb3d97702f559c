/**
 * Every setting, one zod schema per key with its default. A bad value is refused with the key and the
 * reason; nothing half-valid is stored.
 */
import { z } from 'zod';
import { defaultPlaybook, playbook } from '../crisis/playbooks';
import { spikeConfig } from '../crisis/spike';
import { webhookConfig } from '../crisis/webhook';
import { platformId } from '../platforms/schema';

export const settingSchemas = {
  uiLang: z.enum(['auto', 'fr', 'en']).default('auto'),
  /** Hours within which a comment that needs an answer should get one; 24 by default, per platform where set. */
  responseTargets: z
    .object({
      defaultHours: z.number().min(1).max(24 * 14),
      perPlatform: z.partialRecord(platformId, z.number().min(1).max(24 * 14)),
    })
    .default({ defaultHours: 24, perPlatform: {} }),
  /** Words and hashtags the spike detector follows on their own, e.g. the product in the news. */
  trackedKeywords: z
    .array(z.string().trim().min(2, 'a keyword needs at least 2 characters').max(60, 'a keyword has at most 60 characters'))
    .max(100)
    .default([]),
  /** Comments not seen for this many days are deleted; flagged ones and those linked to an incident are kept. */
  retentionDays: z.number().int('retention is a whole number of days').min(1).max(3650).default(90),
  voice: z
    .object({
      mode: z.enum(['trainee', 'expert']),
      disabledPlatforms: z.array(platformId),
    })
    .default({ mode: 'trainee', disabledPlatforms: [] }),
  /** The person using this browser: their name and signature fill {{agent}} and {{signature}}. */
  agent: z.object({ name: z.string().max(80), signature: z.string().max(200) }).default({ name: '', signature: '' }),
  /** The team's crisis playbook, as the lead edited it. */
  playbook: playbook.default(defaultPlaybook),
  /** Team notification; null until someone configures it (nothing leaves the browser before). */
  webhook: webhookConfig.nullable().default(null),
  /** Spike alert thresholds (see lib/crisis/spike.ts for what each means). */
  spike: spikeConfig.default(spikeConfig.parse({})),
} as const;

export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.output<(typeof settingSchemas)[K]>;

export class SettingError extends Error {
  constructor(readonly key: string, message: string) {
    super(`${key}: ${message}`);
  }
}

export function parseSetting<K extends SettingKey>(key: K, value: unknown): SettingValue<K> {
  const schema = settingSchemas[key];
  if (!schema) throw new SettingError(String(key), 'unknown setting');
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SettingError(key, `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
  }
  return parsed.data as SettingValue<K>;
}

export const defaultSetting = <K extends SettingKey>(key: K): SettingValue<K> => settingSchemas[key].parse(undefined) as SettingValue<K>;
