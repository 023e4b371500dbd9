import { describe, expect, it } from 'vitest';
import { DEMO_CONTACT_IDS, DEMO_MEMBER_IDS } from './seed';
import { adminClient, oauthClient, sdkError, signedInClient } from '@/lib/sandbox/sdk-clients';
import { setUpRoutedSandbox, TEST_API_KEY } from '@/testing/routed-sandbox';

const sandbox = setUpRoutedSandbox();
const admin = adminClient(TEST_API_KEY);

const member = signedInClient;

const basket = {
  channelType: 'WEB' as const,
  customLineItems: [
    {
      productName: { original: 'Trail socks' },
      price: '12.5',
      quantity: 2,
      itemType: { preset: 'PHYSICAL' as const },
    },
    {
      productName: { original: 'Gift wrap' },
      price: '3',
      quantity: 1,
      itemType: { preset: 'DIGITAL' as const },
    },
  ],
};

describe('creating and reading a checkout (API key)', () => {
  it('prices the line items and sums them in the site’s currency, as Wix formats money', async () => {
    const created = await admin.checkout.createCheckout({
      ...basket,
      checkoutInfo: { buyerInfo: { memberId: DEMO_MEMBER_IDS.elena } },
    });
    expect(created._id).toMatch(/^[0-9a-f-]{36}$/);
    const checkout = await admin.checkout.getCheckout(created._id!);

    expect(
      (checkout.lineItems ?? []).map((item) => [
        item.productName?.original,
        item.quantity,
        item.price?.amount,
      ]),
    ).toEqual([
      ['Trail socks', 2, '12.5'],
      ['Gift wrap', 1, '3'],
    ]);
    expect(checkout.lineItems?.[0]?.lineItemPrice).toMatchObject({ amount: '25', formattedAmount: '$25.00' });
    expect(checkout.lineItems?.[0]?.customLineItem).toBe(true);
    expect(checkout.buyerInfo).toMatchObject({
      memberId: DEMO_MEMBER_IDS.elena,
      contactId: DEMO_CONTACT_IDS.elena,
      email: 'elena.rodriguez@example.com',
    });
    expect(checkout.currency).toBe('USD');
    expect(checkout.priceSummary?.subtotal).toEqual({
      amount: '28',
      convertedAmount: '28',
      formattedAmount: '$28.00',
      formattedConvertedAmount: '$28.00',
    });
    expect(checkout.priceSummary?.discount?.amount).toBe('0');
    expect(checkout.priceSummary?.total?.formattedAmount).toBe('$28.00');
    expect(checkout.appliedDiscounts).toEqual([]);
    expect(checkout.completed).toBe(false);
    expect(checkout._createdDate).toBeInstanceOf(Date);
  });

  it('takes catalog line items priced by their override fields', async () => {
    const created = await admin.checkout.createCheckout({
      channelType: 'WEB',
      lineItems: [
        {
          quantity: 3,
          catalogReference: { catalogItemId: 'mug-01', appId: '215238eb-22a5-4c36-9e7b-e7c08025e04e' },
          catalogOverrideFields: { productName: { original: 'Mug' }, price: '7.25' },
        },
      ],
    });
    expect(created.priceSummary?.total?.amount).toBe('21.75');
    expect(created.lineItems?.[0]?.catalogReference?.catalogItemId).toBe('mug-01');
  });

  it('refuses a checkout without line items, with a bad price, or for an unknown member', async () => {
    const empty = await sdkError(admin.checkout.createCheckout({ channelType: 'WEB' }));
    expect(empty.status).toBe(400);
    const badPrice = await sdkError(
      admin.checkout.createCheckout({
        ...basket,
        customLineItems: [{ ...basket.customLineItems[0]!, price: '-1' }],
      }),
    );
    expect(badPrice.status).toBe(400);
    const unknown = await sdkError(
      admin.checkout.createCheckout({
        ...basket,
        checkoutInfo: { buyerInfo: { memberId: '00000000-0000-4000-8000-000000000000' } },
      }),
    );
    expect(unknown.status).toBe(404);
    expect((await sandbox.control.state()) as { checkouts: unknown[] }).toMatchObject({ checkouts: [] });
  });

  it('answers 404 for an unknown checkout and 400 for a malformed id', async () => {
    const unknown = await sdkError(admin.checkout.getCheckout('00000000-0000-4000-8000-000000000000'));
    expect(unknown.status).toBe(404);
    expect(unknown.details?.applicationError?.code).toBe('CHECKOUT_NOT_FOUND');
    expect((await sdkError(admin.checkout.getCheckout('nope'))).status).toBe(400);
  });
});

describe('a member’s own checkouts (member token)', () => {
  it('makes the member the buyer, and lets them read it', async () => {
    const johna = await member('Johna Linskey');
    const created = await johna.checkout.createCheckout(basket);
    expect(created.buyerInfo?.memberId).toBe(DEMO_MEMBER_IDS.johna);
    expect(created.createdBy?.memberId).toBe(DEMO_MEMBER_IDS.johna);
    expect((await johna.checkout.getCheckout(created._id!)).priceSummary?.total?.amount).toBe('28');
  });

  it('refuses another member’s checkout, and creating one for someone else', async () => {
    const elenas = await admin.checkout.createCheckout({
      ...basket,
      checkoutInfo: { buyerInfo: { memberId: DEMO_MEMBER_IDS.elena } },
    });
    const johna = await member('Johna Linskey');
    expect((await sdkError(johna.checkout.getCheckout(elenas._id!))).status).toBe(403);
    expect((await sdkError(johna.checkout.removeCoupon(elenas._id!))).status).toBe(403);
    const forSomeoneElse = await sdkError(
      johna.checkout.createCheckout({
        ...basket,
        checkoutInfo: { buyerInfo: { memberId: DEMO_MEMBER_IDS.elena } },
      }),
    );
    expect(forSomeoneElse.status).toBe(403);
  });

  it('refuses visitors', async () => {
    const visitor = oauthClient();
    expect((await sdkError(visitor.checkout.createCheckout(basket))).status).toBe(403);
  });
});
