/*
 * XML 1.0 (fifth edition) names, as the two XML readers check them: the saxes parser for most formats
 * and the byte scanner for DOCDB bulk files must accept and refuse the same names.
 */

const NAME_START = ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_REST = `${NAME_START}.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040-`;
const NAME = new RegExp(`^[${NAME_START}][${NAME_REST}]*$`, 'u');

/** True for a well-formed XML name (`exch:country`, `SACUTE`), false for anything else. */
export function isXmlName(text: string): boolean {
  return NAME.test(text);
}

/** True when the code point may start a name (XML 1.0 `NameStartChar`). */
export function isNameStartCode(code: number): boolean {
  if (code < 0x80) return code === 0x3a || code === 0x5f || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return (
    (code >= 0xc0 && code <= 0xd6) ||
    (code >= 0xd8 && code <= 0xf6) ||
    (code >= 0xf8 && code <= 0x2ff) ||
    (code >= 0x370 && code <= 0x37d) ||
    (code >= 0x37f && code <= 0x1fff) ||
    code === 0x200c ||
    code === 0x200d ||
    (code >= 0x2070 && code <= 0x218f) ||
    (code >= 0x2c00 && code <= 0x2fef) ||
    (code >= 0x3001 && code <= 0xd7ff) ||
    (code >= 0xf900 && code <= 0xfdcf) ||
    (code >= 0xfdf0 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0xeffff)
  );
}

/** True when the code point may continue a name (XML 1.0 `NameChar`). */
export function isNameCode(code: number): boolean {
  if (isNameStartCode(code)) return true;
  return (
    code === 0x2d ||
    code === 0x2e ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0xb7 ||
    (code >= 0x300 && code <= 0x36f) ||
    code === 0x203f ||
    code === 0x2040
  );
}

/** True for a character XML 1.0 allows in a document (`Char`): what a character reference may name. */
export function isXmlChar(code: number): boolean {
  return (
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
