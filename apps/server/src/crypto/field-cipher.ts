import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Encrypts sensitive personal fields (mobile numbers, ID numbers) at rest. Pluggable so that an
 * SM4 provider (e.g. sm-crypto-v2) can replace AES-256-GCM where 密评 requires national crypto.
 */
export interface FieldCipher {
  readonly id: string;
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

export function aes256GcmCipher(key: Buffer): FieldCipher {
  if (key.length !== 32) throw new Error('FIELD_ENCRYPTION_KEY must be 32 bytes (base64)');
  return {
    id: 'a1',
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return ['a1', iv.toString('base64'), c.getAuthTag().toString('base64'), body.toString('base64')].join(':');
    },
    decrypt(stored) {
      const [id, iv, tag, body] = stored.split(':');
      if (id !== 'a1' || !iv || !tag || body === undefined) throw new Error('unknown field cipher');
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      d.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([d.update(Buffer.from(body, 'base64')), d.final()]).toString('utf8');
    },
  };
}
