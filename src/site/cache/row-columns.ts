/**
 * Rows (arrays of strings, numbers, booleans, null and small objects) stored column by column,
 * for a document of 100k rows that every build reads.
 *
 * V8's serializer writes rows as they are: read back, each row is an array and each of its
 * strings a string of its own (a source's name 100k times), ~1M objects that the young
 * generation's collections copy while they are made. Here each column's strings are one joined
 * string cut by lengths (long pieces become slices of it, not copies) and a column with few
 * distinct strings is a dictionary: rows then share its strings. Numbers are a typed array;
 * anything else (an object: a row's extras) goes to one list of its own, as node:v8 stores it.
 */

/** What a cell holds, per cell of a column (ABSENT: the row is shorter). */
const ABSENT = 0;
const STRING = 1;
const NUMBER = 2;
const TRUE = 3;
const FALSE = 4;
const NULL = 5;
const OTHER = 6;

/** A column's strings, joined, with each one's length; or, when few are distinct, a dictionary and each cell's entry. */
type StringColumn =
  | { readonly joined: string; readonly lengths: Uint32Array }
  | { readonly words: readonly string[]; readonly entries: Uint32Array };

interface Column {
  readonly kinds: Uint8Array;
  readonly strings: StringColumn;
  readonly numbers: Float64Array;
  readonly others: readonly unknown[];
}

/** The rows as columns: a value node:v8 serializes (typed arrays and a few long strings). */
export interface RowColumns {
  readonly format: 'row-columns-1';
  /** Rows; an undefined row is stored as a row of no cells. */
  readonly rows: number;
  readonly columns: readonly Column[];
}

/** A column is a dictionary when it has at most this share of distinct strings. */
const DICTIONARY_SHARE = 1 / 8;

export function rowsToColumns(rows: ReadonlyArray<readonly unknown[] | undefined>): RowColumns {
  let width = 0;
  for (const row of rows) if (row && row.length > width) width = row.length;
  const kinds = Array.from({ length: width }, () => new Uint8Array(rows.length));
  const strings = Array.from({ length: width }, (): string[] => []);
  const numbers = Array.from({ length: width }, (): number[] => []);
  const others = Array.from({ length: width }, (): unknown[] => []);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === 'string') {
        kinds[c]![i] = STRING;
        strings[c]!.push(v);
      } else if (typeof v === 'number') {
        kinds[c]![i] = NUMBER;
        numbers[c]!.push(v);
      } else if (v === true) kinds[c]![i] = TRUE;
      else if (v === false) kinds[c]![i] = FALSE;
      else if (v === null) kinds[c]![i] = NULL;
      else {
        kinds[c]![i] = OTHER;
        others[c]!.push(v);
      }
    }
  }
  const columns = kinds.map((k, c): Column => ({ kinds: k, strings: stringColumn(strings[c]!), numbers: Float64Array.from(numbers[c]!), others: others[c]! }));
  return { format: 'row-columns-1', rows: rows.length, columns };
}

function stringColumn(strings: readonly string[]): StringColumn {
  const index = new Map<string, number>();
  const entries = new Uint32Array(strings.length);
  for (let j = 0; j < strings.length; j++) {
    const s = strings[j]!;
    let e = index.get(s);
    if (e === undefined) {
      if (index.size >= strings.length * DICTIONARY_SHARE + 16) {
        const lengths = new Uint32Array(strings.length);
        for (let k = 0; k < strings.length; k++) lengths[k] = strings[k]!.length;
        return { joined: strings.join(''), lengths };
      }
      index.set(s, (e = index.size));
    }
    entries[j] = e;
  }
  return { words: [...index.keys()], entries };
}

/** The rows of rowsToColumns (a row of no cells comes back as undefined); throws when `value` is not such a document. */
export function columnsToRows<R>(value: unknown): Array<R | undefined> {
  const doc = value as RowColumns;
  if (doc?.format !== 'row-columns-1' || !Array.isArray(doc.columns)) throw new Error('not a document of row columns');
  const columns = doc.columns;
  if (!columns.every((col) => col.kinds instanceof Uint8Array && col.kinds.length === doc.rows)) throw new Error('a column of another length than the rows');
  const width = columns.length;
  // Each column's next string, number and other (row by row: each row is made whole, at its length).
  const strings = new Int32Array(width);
  const offsets = new Float64Array(width);
  const numbers = new Int32Array(width);
  const others = new Int32Array(width);
  const rows = new Array<R | undefined>(doc.rows);
  for (let i = 0; i < doc.rows; i++) {
    let length = 0;
    while (length < width && columns[length]!.kinds[i] !== ABSENT) length++;
    if (length === 0) {
      rows[i] = undefined;
      continue;
    }
    const row = new Array<unknown>(length);
    for (let c = 0; c < length; c++) {
      const col = columns[c]!;
      const kind = col.kinds[i];
      if (kind === STRING) {
        const s = col.strings;
        if ('words' in s) row[c] = s.words[s.entries[strings[c]!++]!];
        else {
          const at = offsets[c]!;
          const end = at + s.lengths[strings[c]!++]!;
          row[c] = s.joined.slice(at, end);
          offsets[c] = end;
        }
      } else if (kind === NUMBER) row[c] = col.numbers[numbers[c]!++];
      else if (kind === TRUE) row[c] = true;
      else if (kind === FALSE) row[c] = false;
      else if (kind === NULL) row[c] = null;
      else row[c] = col.others[others[c]!++];
    }
    rows[i] = row as R;
  }
  return rows;
}
