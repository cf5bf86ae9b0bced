const EMAIL_THEN_NAME = /^\S+@\S+\s*\((.+)\)$/;
const NAME_THEN_EMAIL = /^(.+?)\s*(?:\(\S+@[^\s)]+\)|<\S+@[^\s>]+>)$/;

/**
 * A person's display name from the forms feeds use: `me@x.org (Name)` (RSS 2.0's own
 * form), `Name (me@x.org)`, `Name <me@x.org>`. Anything else is returned trimmed.
 */
export function personName(raw: string): string {
  const text = raw.trim();
  if (text.indexOf('@') < 0) return text;
  const m = EMAIL_THEN_NAME.exec(text) ?? NAME_THEN_EMAIL.exec(text);
  const name = m?.[1]?.trim().replace(/^"(.*)"$/, '$1');
  return name ? name : text;
}

const EMAIL = /[^\s<>()"',;]+@[^\s<>()"',;]+\.[^\s<>()"',;]+/;

/** The email address in a person string of those forms (or a bare address); undefined when none. */
export function personEmail(raw: string): string | undefined {
  if (raw.indexOf('@') < 0) return undefined;
  return EMAIL.exec(raw)?.[0].replace(/^mailto:/i, '');
}
