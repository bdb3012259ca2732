// A client in another language than the server: Node's @grpc/grpc-js loads the .proto files and calls every
// method of the three services once, over plain HTTP/2 on the address given as the first argument.
// Exits non-zero, naming the method, when any call fails or answers something implausible.
//
// Given several addresses (the replicas of a cluster, comma-separated), it holds one channel that balances over
// them round robin, as grpc-js does for an ipv4: target, and checks the cluster as a foreign client sees it:
// calls reach every replica, and a price published through one replica reaches a watcher on another.
//
//   node .ci/tools/call-every-method.mjs 127.0.0.1:8080 (beside its node_modules, so that Node finds grpc-js)
//   node .ci/tools/call-every-method.mjs 127.0.0.1:8081,127.0.0.1:8082,127.0.0.1:8083
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const definition = protoLoader.loadSync(
  [
    'tickscope/pricing/v1/pricing_service.proto',
    'tickscope/recommendation/v1/recommendation_service.proto',
    'tickscope/user/v1/user_service.proto',
  ],
  {
    includeDirs: [path.join(root, 'proto/src/main/proto'), path.join(root, 'proto/target/google-protos')],
    longs: Number,
    enums: String,
    defaults: true,
  },
);
const api = grpc.loadPackageDefinition(definition).tickscope;
const addresses = (process.argv[2] ?? '127.0.0.1:8080').split(',');
const credentials = grpc.credentials.createInsecure();
const target = addresses.length === 1 ? addresses[0] : `ipv4:${addresses.join(',')}`;
const channelOptions =
  addresses.length === 1
    ? {}
    : { 'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }) };
const pricing = new api.pricing.v1.PricingService(target, credentials, channelOptions);
const recommendation = new api.recommendation.v1.RecommendationService(target, credentials, channelOptions);
const users = new api.user.v1.UserService(target, credentials, channelOptions);
const deadline = () => new Date(Date.now() + 10_000);

const unary = (client, method, request) =>
  new Promise((resolve, reject) =>
    client[method](request, { deadline: deadline() }, (error, response) => (error ? reject(error) : resolve(response))),
  );

const serverStream = (call, count) =>
  new Promise((resolve, reject) => {
    const messages = [];
    call.on('data', (message) => {
      messages.push(message);
      if (count !== undefined && messages.length === count) {
        call.cancel();
        resolve(messages);
      }
    });
    call.on('end', () => resolve(messages));
    call.on('error', (error) => (error.code === grpc.status.CANCELLED ? resolve(messages) : reject(error)));
  });

const clientStream = (client, method, requests) =>
  new Promise((resolve, reject) => {
    const call = client[method]({ deadline: deadline() }, (error, response) => (error ? reject(error) : resolve(response)));
    requests.forEach((request) => call.write(request));
    call.end();
  });

const checks = {
  async GetPrice() {
    const { quote } = await unary(pricing, 'GetPrice', { productId: 'P00042', currencyCode: 'EUR' });
    assert.equal(quote.productId, 'P00042');
    assert.equal(quote.basePrice.currencyCode, 'EUR');
  },
  async GetPricesBatch() {
    const { results } = await unary(pricing, 'GetPricesBatch', { productIds: ['P00001', 'P99999'] });
    assert.equal(results[0].quote.productId, 'P00001');
    assert.equal(results[1].error.code, grpc.status.NOT_FOUND);
  },
  async WatchPrices() {
    const updates = await serverStream(pricing.WatchPrices({ productIds: ['P00001', 'P00002'] }), 2);
    assert.deepEqual(updates.map((update) => update.kind), ['PRICE_UPDATE_KIND_SNAPSHOT', 'PRICE_UPDATE_KIND_SNAPSHOT']);
  },
  async WatchPriceBatches() {
    const call = pricing.WatchPriceBatches({ watch: { productIds: ['P00001', 'P00002'] } });
    const updates = await new Promise((resolve, reject) => {
      const received = [];
      call.on('data', (batch) => {
        received.push(...batch.updates);
        if (received.length >= 2) {
          call.cancel();
          resolve(received);
        }
      });
      call.on('end', () => resolve(received));
      call.on('error', (error) => (error.code === grpc.status.CANCELLED ? resolve(received) : reject(error)));
    });
    assert.deepEqual(
      updates.slice(0, 2).map((update) => update.kind),
      ['PRICE_UPDATE_KIND_SNAPSHOT', 'PRICE_UPDATE_KIND_SNAPSHOT'],
    );
    assert.deepEqual(updates.slice(0, 2).map((update) => update.quote.productId).sort(), ['P00001', 'P00002']);
  },
  async PublishPrices() {
    const { quote } = await unary(pricing, 'GetPrice', { productId: 'P00003' });
    const listed = (await unary(pricing, 'GetPrice', { productId: 'P00003', currencyCode: quote.listingCurrencyCode })).quote;
    const summary = await clientStream(pricing, 'PublishPrices', [
      { productId: 'P00003', basePrice: listed.basePrice },
      { productId: 'P99999', basePrice: listed.basePrice },
    ]);
    assert.equal(summary.acceptedCount, 1);
    assert.equal(summary.rejectedCount, 1);
  },
  async Recommend() {
    const { recommendations } = await unary(recommendation, 'Recommend', { userId: 'U0042', maxResults: 3 });
    assert.equal(recommendations.length, 3);
  },
  async GetBook() {
    const { book } = await unary(recommendation, 'GetBook', { bookId: 'B0042' });
    assert.equal(book.bookId, 'B0042');
  },
  async ListBooks() {
    const books = await serverStream(recommendation.ListBooks({ category: 'BOOK_CATEGORY_HISTORY' }));
    assert.ok(books.length > 0 && books.every((message) => message.book.category === 'BOOK_CATEGORY_HISTORY'));
  },
  async UploadBookRatings() {
    const summary = await clientStream(recommendation, 'UploadBookRatings', [
      { userId: 'U0042', bookId: 'B0042', rating: 4 },
      { userId: 'U0042', bookId: 'B0042', rating: 7 },
    ]);
    assert.equal(summary.acceptedCount, 1);
    assert.equal(summary.rejectedCount, 1);
  },
  async RecommendationSession() {
    const call = recommendation.RecommendationSession();
    const answers = serverStream(call, 2);
    call.write({ start: { userId: 'U0042', maxResults: 3 } });
    const first = await new Promise((resolve) => call.once('data', resolve));
    call.write({ action: { bookId: first.recommendations[0].book.bookId, type: 'USER_ACTION_TYPE_DISMISSED' } });
    const [, second] = await answers;
    assert.equal(second.actionsApplied, 1);
  },
  async GetUser() {
    const { user } = await unary(users, 'GetUser', { userId: 'U0042' });
    assert.equal(user.userId, 'U0042');
  },
};

const replicaChecks = {
  async BalancedOverEveryReplica() {
    const peers = new Set();
    for (let i = 0; i < addresses.length * 4; i++) {
      await new Promise((resolve, reject) => {
        const call = pricing.GetPrice({ productId: 'P00042' }, { deadline: deadline() }, (error) =>
          error ? reject(error) : resolve(),
        );
        call.on('status', () => peers.add(call.getPeer()));
      });
    }
    assert.deepEqual([...peers].sort(), [...addresses].sort());
  },
  async PublishedOnOneReplicaWatchedOnAnother() {
    const first = new api.pricing.v1.PricingService(addresses[0], credentials);
    const last = new api.pricing.v1.PricingService(addresses[addresses.length - 1], credentials);
    const { quote } = await unary(first, 'GetPrice', { productId: 'P00007' });
    const listed = (await unary(first, 'GetPrice', { productId: 'P00007', currencyCode: quote.listingCurrencyCode }))
      .quote;
    const watch = last.WatchPrices({ productIds: ['P00007'], currencyCode: quote.listingCurrencyCode });
    await new Promise((resolve) => watch.once('data', resolve));
    const units = Number(listed.basePrice.units) + 1;
    // The market may move the product too: wait for the change that carries the published price.
    const published = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no change to ${units} units on ${addresses.at(-1)} in 10 s`)), 10_000);
      watch.on('data', (update) => {
        if (update.kind === 'PRICE_UPDATE_KIND_CHANGE' && Number(update.quote.basePrice.units) === units) {
          clearTimeout(timer);
          resolve();
        }
      });
      watch.on('error', (error) => error.code !== grpc.status.CANCELLED && reject(error));
    });
    await clientStream(first, 'PublishPrices', [{ productId: 'P00007', basePrice: { ...listed.basePrice, units } }]);
    try {
      await published;
    } finally {
      watch.cancel();
    }
  },
};
if (addresses.length > 1) {
  Object.assign(checks, replicaChecks);
}

let failed = 0;
for (const [method, check] of Object.entries(checks)) {
  try {
    await check();
    console.log(`ok   ${method}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${method}: ${error.message}`);
  }
}
console.log(`${Object.keys(checks).length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
