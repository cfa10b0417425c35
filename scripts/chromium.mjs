// How every tool here starts Chromium: the system build (never a downloaded
// one), with the sandbox and GPU off for containers, and with Chromium's own
// background connections (updates, sync, field trials) disabled so a closed
// network stays quiet and tests see only the app's requests.
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-quic',
    '--no-first-run',
    '--disable-sync',
  ],
};
