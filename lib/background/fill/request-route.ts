import { readPageAddress } from '../../autofill/page-address';
import type { FillReply } from '../../autofill/fill-messages';
import { bindingMatches } from '../../autofill/site-match';
import { generateCode } from '../../otp/code';
import type { BackgroundPorts, ExtensionIdentity } from '../core';
import type { ContentScriptSender } from '../scan';
import { readContents } from '../vault';
import { fillPortsOf } from './ports';
import { takePendingFill } from './store';

/*
 * The only way a code reaches a page (docs/autofill.md, step 3): the fill script,
 * told to fill, asks from inside its frame; the browser stamps the message with the
 * tab, the frame id and the frame's URL at send time. The pending fill must be for
 * that tab and frame and still fresh, and both the frame's URL and the tab's top
 * URL must be on the account's site. A frame that navigated has lost our script.
 */

const refuse = (reason: string): FillReply => ({ ok: false, reason });

export async function routeFillRequest(sender: ContentScriptSender, self: ExtensionIdentity, ports: BackgroundPorts): Promise<FillReply> {
  const tabId = sender.tab?.id;
  if (sender.id !== self.id || typeof tabId !== 'number' || typeof sender.frameId !== 'number') return refuse('not our fill script');
  const pending = await takePendingFill(ports, tabId);
  if (!pending || pending.frameId !== sender.frameId) return refuse('no fill was asked for this frame');

  const contents = await readContents(ports);
  const account = contents.accounts.find((a) => a.id === pending.accountId);
  if (!account || account.secret === '' || account.needsVerification) return refuse('the account is gone');
  const frame = readPageAddress(sender.url);
  const top = readPageAddress((await fillPortsOf(ports).tabUrl(tabId)) ?? undefined);
  if (!frame.ok || !top.ok || !bindingMatches(account, frame.address) || !bindingMatches(account, top.address)) return refuse('the frame is not on the account’s site');

  return { ok: true, digits: generateCode(account, ports.now()).value, pressEnter: contents.settings.fillPressEnter ?? false };
}
