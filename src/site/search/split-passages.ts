import { MAX_TERM_LENGTH } from './keys.js';

/** Passages are about this long (UTF-16 units): a candidate costs one small file to verify or show. */
export const PASSAGE_LENGTH = 2000;
/**
 * Each passage also holds the start of the next one, so that a term of up to MAX_TERM_LENGTH
 * code points (two units each at most) lies whole in some passage wherever it occurs.
 */
export const PASSAGE_OVERLAP = 2 * (MAX_TERM_LENGTH - 1);

export interface PassageText {
  readonly text: string;
  readonly bodyStart: number;
}

/**
 * A post's searched text (title, line break, content) in passages of about PASSAGE_LENGTH
 * units: the content is cut into equal parts, each cut moved to a nearby line break (snippets
 * then start at a paragraph) and never inside a surrogate pair.
 */
export function splitPassages(title: string, body: string): PassageText[] {
  const parts = Math.max(1, Math.ceil(body.length / PASSAGE_LENGTH));
  const cuts = [0];
  for (let k = 1; k < parts; k++) {
    const ideal = Math.round((body.length * k) / parts);
    const nl = body.lastIndexOf('\n', ideal);
    let cut = nl > ideal - PASSAGE_LENGTH / 10 && nl + 1 > cuts[cuts.length - 1]! ? nl + 1 : ideal;
    if (isLowSurrogate(body.charCodeAt(cut))) cut++;
    cuts.push(cut);
  }
  cuts.push(body.length);
  const out: PassageText[] = [];
  for (let k = 0; k < parts; k++) {
    const slice = body.slice(cuts[k], Math.min(body.length, cuts[k + 1]! + PASSAGE_OVERLAP));
    out.push(k === 0 ? { text: `${title}\n${slice}`, bodyStart: title.length + 1 } : { text: slice, bodyStart: 0 });
  }
  return out;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
