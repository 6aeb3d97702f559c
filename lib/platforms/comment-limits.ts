/**
 * How long each field of a comment may be when it crosses from a page to the background: the
 * schema refuses longer (lib/platforms/schema.ts), and the page runtime cuts to these first, so one
 * hostile or odd comment never gets its whole batch refused. No zod here: content scripts import it.
 */
export const COMMENT_LIMITS = { id: 200, name: 200, text: 20_000, link: 2_000, date: 64 } as const;

/** How many comments one message from a page may carry (the protocol refuses more). */
export const COMMENTS_PER_MESSAGE = 500;
