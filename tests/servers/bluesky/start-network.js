// Starts a full local AT Protocol network (PLC + PDS + Bluesky AppView + Ozone) with
// @atproto/dev-env, creates test accounts, prints ONE JSON line on stdout, and stays up
// until SIGTERM/SIGINT (or stdin EOF when ATP_EXIT_ON_STDIN_EOF=1), then closes cleanly.
// Run as:  node -r ./loopback-guard.js start-network.js
// Env: DB_POSTGRES_URL (required for the AppView), ATP_NO_APPVIEW=1 (PLC+PDS only),
//      ATP_PLC_PORT/ATP_PDS_PORT/ATP_BSKY_PORT/ATP_OZONE_PORT (default 2582/2583/2584/2587),
//      ATP_ACCOUNTS="alice,bob" (handles get ".test"), ATP_PASSWORD (default "hunter2-pass"),
//      ATP_INFO_FILE (also write the JSON there), ATP_CHAT_MOCK=0 (no chat mock), ATP_CHAT_PORT (2590).
'use strict'
process.env.REDIS_HOST = process.env.REDIS_HOST || '127.0.0.1:6379' // asserted by dev-env, unused
const fs = require('node:fs')
const t0 = Date.now()
const { TestNetwork, TestNetworkNoAppView } = require('@atproto/dev-env')
const { startChatMock } = require('./chat-mock')

const env = process.env
const port = (name, dflt) => Number(env[name] || dflt)
const noAppView = env.ATP_NO_APPVIEW === '1'
const log = (m) => process.stderr.write(`[localnet] ${m}\n`)

async function main() {
  const tRequire = Date.now() - t0
  const params = {
    plc: { port: port('ATP_PLC_PORT', 2582) },
    pds: { port: port('ATP_PDS_PORT', 2583), hostname: 'localhost', inviteRequired: false },
  }
  let net
  if (noAppView) {
    net = await TestNetworkNoAppView.create(params)
  } else {
    if (!env.DB_POSTGRES_URL) throw new Error('DB_POSTGRES_URL is required (or set ATP_NO_APPVIEW=1)')
    const schema = 'atp_' + Math.random().toString(36).replace(/[^a-z]/g, '').slice(0, 10)
    net = await TestNetwork.create({
      ...params,
      dbPostgresUrl: env.DB_POSTGRES_URL,
      dbPostgresSchema: schema,
      bsky: { port: port('ATP_BSKY_PORT', 2584) },
      ozone: { port: port('ATP_OZONE_PORT', 2587) },
    })
  }
  const tNet = Date.now() - t0

  // mock chat service (chat.bsky.convo.*), reached through the PDS with atproto-proxy
  let chat = null
  if (env.ATP_CHAT_MOCK !== '0') {
    chat = await startChatMock({
      plcUrl: net.plc.url,
      port: port('ATP_CHAT_PORT', 2590),
      handleOf: async (did) => (await net.pds.ctx.accountManager.getAccount(did))?.handle,
    })
  }

  // accounts
  const password = env.ATP_PASSWORD || 'hunter2-pass'
  const accounts = []
  for (const name of (env.ATP_ACCOUNTS || 'alice,bob').split(',').map((s) => s.trim()).filter(Boolean)) {
    const handle = name.includes('.') ? name : `${name}.test`
    const agent = net.pds.getClient()
    const res = await agent.createAccount({ handle, password, email: `${handle.split('.')[0]}@example.test` })
    accounts.push({ handle, did: res.data.did, password, email: `${handle.split('.')[0]}@example.test` })
  }
  await net.processAll() // make sure the appview has indexed the new accounts
  const tReady = Date.now() - t0

  const info = {
    pds: net.pds.url,
    plc: net.plc.url,
    appview: noAppView ? null : net.bsky.url,
    appviewDid: noAppView ? null : net.bsky.serverDid,
    ozone: noAppView ? null : net.ozone.url,
    pdsDid: net.pds.ctx.cfg.service.did,
    chatMock: chat && { did: chat.did, url: chat.url, proxyHeader: `${chat.did}#bsky_chat` },
    adminPassword: 'admin-pass',
    accounts,
    timingsMs: { require: tRequire, network: tNet, ready: tReady },
    pid: process.pid,
  }
  const line = JSON.stringify(info)
  if (env.ATP_INFO_FILE) fs.writeFileSync(env.ATP_INFO_FILE, line + '\n')
  process.stdout.write(line + '\n')
  log(`ready in ${tReady} ms, rss=${Math.round(process.memoryUsage().rss / 1e6)} MB`)

  let closing = false
  const shutdown = async (why) => {
    if (closing) return
    closing = true
    log(`shutting down (${why})`)
    const timer = setTimeout(() => { log('close timed out, exiting'); process.exit(0) }, 10000)
    try { if (chat) await chat.close(); await net.close() } catch (e) { log(`close error: ${e}`) }
    clearTimeout(timer)
    log('closed')
    process.exit(0)
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
  if (env.ATP_EXIT_ON_STDIN_EOF === '1') {
    process.stdin.on('end', () => shutdown('stdin EOF'))
    process.stdin.resume()
  }
}

main().catch((e) => {
  log(`FAILED: ${e && e.stack ? e.stack : e}`)
  process.exit(1)
})
