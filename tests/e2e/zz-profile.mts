import { launchWithExtension } from './harness/launch';
import { startEnrollmentServers } from './pages/enrollment-server';
import { chromiumOpenToolbarPopup, createVault, openSitePage } from './pages/scan-driver';
const servers = await startEnrollmentServers();
const ext = await launchWithExtension('chromium');
await createVault(ext, 'correct horse battery staple');
for (const path of ['/enroll.html', '/all-forms.html', '/decoys.html']) {
  const page = await openSitePage(ext, servers.site + path);
  const popup = await chromiumOpenToolbarPopup(ext, page);
  const tabId = await page.evaluate(() => 0);
  for (let i = 0; i < 4; i++) {
    const r = await popup.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, currentWindow: false });
      const tabs = await chrome.tabs.query({ active: true });
      const target = tabs.find((t) => !t.url?.startsWith('chrome-extension'))!;
      const t0 = performance.now();
      const answer: any = await chrome.runtime.sendMessage({ type: 'scan.tab', payload: { tabId: target.id } });
      return { roundTrip: Math.round(performance.now() - t0), stats: answer.value?.stats, n: answer.value?.accounts?.length, err: answer.error };
    });
    console.log(path, JSON.stringify(r));
  }
  await popup.close(); await page.close();
}
await ext.close(); await servers.close();
