/** exceljs's own SAX driver (saxes, chunk by chunk, multi-byte safe with the patch in patches/); it ships no types. */
declare module 'exceljs/lib/utils/parse-sax' {
  type SaxEvent =
    | { eventType: 'opentag'; value: { name: string; attributes: Record<string, string> } }
    | { eventType: 'closetag'; value: { name: string } }
    | { eventType: 'text'; value: string };
  export default function parseSax(chunks: AsyncIterable<Buffer>): AsyncGenerator<SaxEvent[]>;
}
