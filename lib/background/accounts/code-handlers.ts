import type { Handler } from '../core';
import { readContents } from '../vault';
import { codesFor } from '../core';

export const codesGet: Handler<'codes.get'> = async (_payload, ports) => codesFor((await readContents(ports)).accounts, ports.now());
