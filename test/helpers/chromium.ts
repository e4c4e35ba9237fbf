import type { LaunchOptions } from '@playwright/test';

/**
 * Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium): browsers cannot be downloaded
 * here. No sandbox as root, and none of the background requests that fail on a closed network.
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};
