import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConfigError } from '../config';

/**
 * FIELD_ENCRYPTION_KEY (base64, 32 bytes) when set — required when several instances share a
 * database — else a key generated once into DATA_DIR/field.key (mode 0600).
 */
export async function loadFieldKey(dataDir: string, env = process.env.FIELD_ENCRYPTION_KEY): Promise<Buffer> {
  if (env) {
    const key = Buffer.from(env, 'base64');
    if (key.length !== 32) throw new ConfigError('FIELD_ENCRYPTION_KEY 应为 32 字节密钥的 base64 编码');
    return key;
  }
  const file = path.join(dataDir, 'field.key');
  try {
    return Buffer.from((await fs.readFile(file, 'utf8')).trim(), 'base64');
  } catch {
    const key = randomBytes(32);
    await fs.mkdir(dataDir, { recursive: true });
    await fs.writeFile(file, key.toString('base64'), { mode: 0o600, flag: 'wx' }).catch(async () => undefined);
    return Buffer.from((await fs.readFile(file, 'utf8')).trim(), 'base64');
  }
}
