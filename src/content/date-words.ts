/**
 * Month and weekday names in feed dates: English (any prefix of 3+ letters: `Sep`, `Sept`,
 * `September`), and the Greek and Hungarian forms feedparser's tests carry. Matching ignores
 * case and accents.
 */
const MONTHS: Record<string, number> = {};
const EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const EL = ['ιαν', 'φεβ', 'μαρ', 'απρ', 'μαι', 'ιουν', 'ιουλ', 'αυγ', 'σεπ', 'οκτ', 'νοε', 'δεκ'];
const HU = ['januar', 'februar', 'marcius', 'aprilis', 'majus', 'junius', 'julius', 'augusztus', 'szeptember', 'oktober', 'november', 'december'];
EN.forEach((name, i) => {
  for (let len = 3; len <= name.length; len++) MONTHS[name.slice(0, len)] = i + 1;
});
EL.forEach((name, i) => (MONTHS[name] = i + 1));
EL.forEach((name, i) => (MONTHS[`${name}ος`] = i + 1));
HU.forEach((name, i) => (MONTHS[name] = i + 1));
const WEEKDAYS = new Set(['κυρ', 'δευ', 'τρι', 'τετ', 'πεμ', 'παρ', 'σαβ']);
['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].forEach((name) => {
  for (let len = 3; len <= name.length; len++) WEEKDAYS.add(name.slice(0, len));
});

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function monthOf(word: string): number | undefined {
  return MONTHS[fold(word)];
}

export function isWeekday(word: string): boolean {
  return WEEKDAYS.has(fold(word));
}
