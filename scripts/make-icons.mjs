#!/usr/bin/env node
// Renders the PNG icons from the SVG sources with the system Chromium.
// A development-time step: the PNGs are committed, the build only copies them.
//   node scripts/make-icons.mjs
import { chromium } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { chromiumLaunch } from './chromium.mjs';

const targets = [
  ['public/icons/icon.svg', 'public/icons/icon-192.png', 192],
  ['public/icons/icon.svg', 'public/icons/icon-512.png', 512],
  ['public/icons/maskable.svg', 'public/icons/maskable-512.png', 512],
];

const browser = await chromium.launch(chromiumLaunch);
try {
  for (const [src, out, size] of targets) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const svg = await readFile(src, 'utf8');
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`${out} (${size}px)`);
  }
} finally {
  await browser.close();
}
