import type { Handler } from '../handler';
import { readContents } from '../vault-access';
import { codesFor } from '../views';

export const codesGet: Handler<'codes.get'> = async ({ nowMs }, ports) =>
  codesFor((await readContents(ports)).accounts, nowMs ?? ports.now());
