import type { Handler } from '../core';
import { readContents } from '../vault';
import { codesFor } from '../core';

export const codesGet: Handler<'codes.get'> = async ({ nowMs }, ports) =>
  codesFor((await readContents(ports)).accounts, nowMs ?? ports.now());
