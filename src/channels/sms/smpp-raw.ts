import smpp from 'smpp';

/**
 * The bytes of a PDU's message body as they were on the wire.
 *
 * The smpp package decodes bodies itself and gets some wrong for us: data_coding 1 (IA5/ASCII) goes
 * through the GSM 03.38 table, 0xF1 and 0xF5 are taken for IA5 and JIS, codings it does not know stay
 * Buffers, and the UDH comes back as a list. So we wrap its body filters once to keep a copy of the raw
 * bytes beside each decoded PDU and decode them ourselves (smpp-segments.ts). What the package returns to
 * anyone else is unchanged: the wrappers only look.
 */
type RawBodies = { short_message?: Buffer; message_payload?: Buffer };

const rawBodies = new WeakMap<object, RawBodies>();
const WRAPPED = Symbol.for('passerelle.smpp.raw-body');

function wrapFilter(owner: { filter?: smpp.BodyFilter } | undefined, field: keyof RawBodies) {
  const inner = owner?.filter;
  if (!owner || !inner || (inner as { [WRAPPED]?: boolean })[WRAPPED]) return;
  owner.filter = Object.assign(
    {
      encode: inner.encode,
      decode(this: unknown, value: unknown, skipUdh?: unknown) {
        if (Buffer.isBuffer(value) && typeof this === 'object' && this !== null) {
          rawBodies.set(this, { ...rawBodies.get(this), [field]: Buffer.from(value) });
        }
        return inner.decode.call(this, value, skipUdh);
      },
    },
    { [WRAPPED]: true },
  );
}

for (const command of ['deliver_sm', 'submit_sm']) wrapFilter(smpp.commands[command]?.params?.short_message, 'short_message');
wrapFilter(smpp.tlvs.message_payload, 'message_payload');

/** The raw body of a received submit_sm or deliver_sm: short_message, else the message_payload TLV. */
export function readRawBody(pdu: smpp.PDU): Buffer {
  const raw = rawBodies.get(pdu);
  if (raw?.short_message?.length) return raw.short_message;
  return raw?.message_payload ?? raw?.short_message ?? Buffer.alloc(0);
}
