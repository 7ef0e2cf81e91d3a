/**
 * Mapping of readable option names to JS2 wire keys, with the type prefixes honoured:
 * `s_` strings, `i_` integers (booleans become 1/0), `f_` floats, capitalised keys objects or
 * arrays passed as they are. The readable name of a key is the key without its type prefix,
 * first letter in lower case: `s_pinCode` → `pinCode`, `Informants` → `informants`.
 */

const PREFIXED = /^[sif]_/;
const WIRE_KEY = /^(?:[sif]_[A-Za-z0-9_]+|[A-Z][A-Za-z0-9_]*)$/;

/** `s_pinCode` → `pinCode`. */
export function readableName(wireKey) {
  const bare = PREFIXED.test(wireKey) ? wireKey.slice(2) : wireKey;
  return bare.charAt(0).toLowerCase() + bare.slice(1);
}

/**
 * Readable-name → wire-key map for the given wire keys. An object argument adds explicit
 * entries for names that do not follow the rule (`{ dcParameters64: 's_dcparameters64' }`).
 *
 * @param {...(string | Record<string, string>)} keys
 * @returns {Readonly<Record<string, string>>}
 */
export function fieldMap(...keys) {
  const map = {};
  for (const key of keys) {
    if (typeof key === 'string') map[readableName(key)] = key;
    else Object.assign(map, key);
  }
  return Object.freeze(map);
}

/**
 * Turns `options` (readable names) into wire fields. Options already spelled as wire keys
 * (`s_…`, `i_…`, `f_…`, `Capitalised`) are passed through, so extra JS2 keys can be sent;
 * any other unknown name is a TypeError. `undefined` values are left out, as
 * `JSON.stringify` would do.
 *
 * @param {string} commandName for error messages
 * @param {Readonly<Record<string, string>>} map readable name → wire key
 * @param {Record<string, unknown> | undefined} options
 */
export function toWireFields(commandName, map, options) {
  /** @type {Record<string, unknown>} */
  const fields = {};
  if (options == null) return fields;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${commandName}: options must be an object`);
  }
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const wireKey = Object.hasOwn(map, name) ? map[name] : WIRE_KEY.test(name) ? name : null;
    if (wireKey === null) {
      throw new TypeError(
        `${commandName}: unknown option "${name}" (known: ${Object.keys(map).join(', ') || 'none'})`,
      );
    }
    fields[wireKey] = coerce(commandName, wireKey, value);
  }
  return fields;
}

/**
 * Coerces one value to the type its wire key announces. Error messages name the key, never
 * the value (values may be PIN codes or patient data).
 */
export function coerce(commandName, wireKey, value) {
  if (value === null) return null;
  if (wireKey.startsWith('s_')) {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
      return String(value);
    }
    return value; // JS2 clients send some s_ keys as arrays (s_eventCodes, s_documentIds)
  }
  if (wireKey.startsWith('i_') || wireKey.startsWith('f_')) {
    const integer = wireKey.startsWith('i_');
    let number = value;
    if (typeof value === 'boolean') number = value ? 1 : 0;
    else if (typeof value === 'string' && value.trim() !== '') number = Number(value);
    if (typeof number !== 'number' || !Number.isFinite(number) || (integer && !Number.isInteger(number))) {
      throw new TypeError(
        `${commandName}: ${wireKey} expects ${integer ? 'an integer' : 'a number'}`,
      );
    }
    return number;
  }
  return value;
}
