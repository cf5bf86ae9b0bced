import { decodeHTML } from '../vendor/entities.js';

/**
 * A title, source or author for display. Legacy posts often hold HTML entities in titles
 * (`&quot;`), which the legacy Jekyll theme printed raw so readers saw `"`; decode them once
 * here (the result is escaped again by the templates), and fold line breaks into spaces.
 */
export function displayText(text: string): string {
  return decodeHTML(text).replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
