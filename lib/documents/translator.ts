/**
 * The shape of a next-intl translator bound to the "documents" namespace, without the framework:
 * pages pass `await getTranslations({ locale, namespace: "documents" })`, tests and jobs pass
 * `messagesTranslator(json)`.
 */
export type Translator<Key extends string = DocumentsKey> = (key: Key, values?: Record<string, string | number>) => string;

/** Dotted paths to the strings of a messages object. */
type MessageLeaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : MessageLeaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/**
 * Keys of the "documents" namespace. Typing the key (rather than taking any string) lets both an
 * untyped translator and one typed by next-intl's AppConfig be passed in.
 */
export type DocumentsKey = MessageLeaves<typeof import("@/lib/i18n/messages/kk/documents.json")>;

/**
 * A translator over one namespace's messages: dotted keys, `{name}` placeholders. Throws on a
 * missing key or value, so a gap in a message file fails loudly instead of printing a key on a
 * certificate. ICU plurals and selects are not needed by document labels and are not supported.
 */
export function messagesTranslator(messages: Record<string, unknown>): Translator<string> {
  return (key, values) => {
    let node: unknown = messages;
    for (const part of key.split(".")) {
      node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
    }
    if (typeof node !== "string") throw new Error(`Missing message: documents.${key}`);
    return node.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = values?.[name];
      if (value === undefined) throw new Error(`Missing value "${name}" for message documents.${key}`);
      return String(value);
    });
  };
}
