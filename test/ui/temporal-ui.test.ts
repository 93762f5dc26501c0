import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Express } from 'express';
import { chromium, type Browser } from 'playwright-core';
import { TEST_CARDS } from '../../activities/payment/card-processor';
import { config, projectRoot } from '../../platform/config';
import { bodyOf, testApp } from '../helpers/api';
import { freshSku, orderInput } from '../helpers/orders';
import { startTestSystem, type TestSystem } from '../helpers/system';
import { eventually } from '../helpers/wait';

/** Debian's Chromium, which .ci/run installs; `CHROMIUM_PATH` points elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.join(projectRoot, 'test-results');

describe('the Temporal Web UI, in a real browser', () => {
  let system: TestSystem;
  let app: Express;
  let browser: Browser;

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`No Chromium at ${CHROMIUM}: install Debian's chromium (.ci/run does) or set CHROMIUM_PATH`);
    }
    system = await startTestSystem();
    app = testApp(system);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  async function placeOrder(overrides: Parameters<typeof orderInput>[1]): Promise<{ id: string; uiUrl: string }> {
    const sku = await freshSku(system.prisma, 10);
    const started = await request(app).post('/v1/sagas/orders').send(orderInput(sku, overrides)).expect(202);
    const { id, uiUrl } = bodyOf<{ id: string; uiUrl: string }>(started);
    await eventually(
      async () => bodyOf<{ workflowStatus: string }>(await request(app).get(`/v1/sagas/${id}`).expect(200)),
      (saga) => saga.workflowStatus !== 'RUNNING',
    );
    return { id, uiUrl };
  }

  it("lists a compensated order's compensations in its history page", async () => {
    const { uiUrl } = await placeOrder({ payment: { cardNumber: TEST_CARDS.declined } });
    const page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
    try {
      await page.goto(uiUrl);

      // The history shows the failed charge and, after it, the compensations the saga ran.
      for (const activity of ['reserveItems', 'chargePayment', 'refundPayment', 'releaseReservation']) {
        await page.getByText(activity).first().waitFor({ timeout: 30_000 });
      }
      await page.getByText('CARD_DECLINED').first().waitFor({ timeout: 30_000 });
      await page.screenshot({ path: path.join(ARTIFACTS, 'temporal-ui-compensated-order.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('filters the workflow list by the saga search attributes', async () => {
    const customerId = `ui-${randomUUID().slice(0, 8)}`;
    const compensated = await placeOrder({ customerId, payment: { cardNumber: TEST_CARDS.declined } });
    const completed = await placeOrder({ customerId });
    const query = `CustomerId="${customerId}" AND SagaStatus="COMPENSATED"`;
    const listUrl = `${config().TEMPORAL_UI_URL}/namespaces/${config().TEMPORAL_NAMESPACE}/workflows?query=${encodeURIComponent(query)}`;
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    try {
      await page.goto(listUrl);

      await page.getByText(compensated.id).first().waitFor({ timeout: 30_000 });
      expect(await page.getByText(completed.id).count()).toBe(0);
      await page.screenshot({ path: path.join(ARTIFACTS, 'temporal-ui-filtered-list.png') });
    } finally {
      await page.close();
    }
  });
});
