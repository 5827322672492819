// Minimal in-memory stand-in for the Bluesky chat service (chat.bsky.convo.*), which is not
// open source and is not part of @atproto/dev-env. It is registered in the local PLC as a DID
// with a `#bsky_chat` service, so clients talk to it exactly as in production: through their PDS
// with the header `atproto-proxy: <chatDid>#bsky_chat`; the PDS adds a service-auth JWT
// (iss = user DID, aud = chatDid, lxm = method), which this mock decodes (NOT verified).
'use strict'
const express = require('express')
const { Secp256k1Keypair } = require('@atproto/crypto')
const { Client: PlcClient } = require('@did-plc/lib')

const b64json = (s) => JSON.parse(Buffer.from(s, 'base64url').toString('utf8'))

async function startChatMock({ plcUrl, port, handleOf }) {
  const key = await Secp256k1Keypair.create()
  const endpoint = `http://localhost:${port}`
  const plc = new PlcClient(plcUrl)
  const did = await plc.createDid({ signingKey: key.did(), rotationKeys: [key.did()], handle: 'chat.test', pds: endpoint, signer: key })
  await plc.updateData(did, key, (x) => {
    x.services.bsky_chat = { type: 'BskyChatService', endpoint }
    return x
  })

  const convos = new Map() // id -> {id, members:[did], messages:[], rev, read:{did:count}}
  let seq = 0
  const nextRev = () => String(++seq).padStart(12, '0')
  const member = async (d) => ({ did: d, handle: (await handleOf(d)) || 'handle.invalid', displayName: '' })
  const msgView = (m) => ({ $type: 'chat.bsky.convo.defs#messageView', id: m.id, rev: m.rev, text: m.text, facets: m.facets, sender: { did: m.sender }, sentAt: m.sentAt })
  const convoView = async (c, viewer) => ({
    id: c.id, rev: c.rev, members: await Promise.all(c.members.map(member)),
    lastMessage: c.messages.length ? msgView(c.messages[c.messages.length - 1]) : undefined,
    muted: false, status: 'accepted', unreadCount: c.messages.filter((m) => m.sender !== viewer).length - (c.read[viewer] || 0),
  })
  const findOrCreate = (members) => {
    const key = [...new Set(members)].sort().join(',')
    for (const c of convos.values()) if ([...c.members].sort().join(',') === key) return c
    const c = { id: `convo${convos.size + 1}`, members: key.split(','), messages: [], rev: nextRev(), read: {} }
    convos.set(c.id, c)
    return c
  }

  const app = express()
  app.use(express.json())
  app.use((req, res, next) => {
    const m = /^Bearer (.+)$/.exec(req.headers.authorization || '')
    if (!m) return res.status(401).json({ error: 'AuthMissing', message: 'service auth required' })
    try {
      const p = b64json(m[1].split('.')[1])
      const lxm = req.path.replace(/^\/xrpc\//, '')
      if (p.aud !== did) return res.status(401).json({ error: 'BadJwtAudience', message: `aud ${p.aud} != ${did}` })
      if (p.lxm && p.lxm !== lxm) return res.status(401).json({ error: 'BadJwtLexiconMethod', message: `lxm ${p.lxm} != ${lxm}` })
      req.viewer = p.iss
      next()
    } catch (e) { res.status(401).json({ error: 'BadJwt', message: String(e) }) }
  })
  const getConvo = (req, res, id) => {
    const c = convos.get(id)
    if (!c || !c.members.includes(req.viewer)) { res.status(400).json({ error: 'InvalidRequest', message: 'Convo not found' }); return null }
    return c
  }
  const q = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])
  app.get('/xrpc/chat.bsky.convo.getConvoForMembers', async (req, res) => {
    res.json({ convo: await convoView(findOrCreate([req.viewer, ...q(req.query.members)]), req.viewer) })
  })
  app.get('/xrpc/chat.bsky.convo.getConvo', async (req, res) => {
    const c = getConvo(req, res, req.query.convoId); if (c) res.json({ convo: await convoView(c, req.viewer) })
  })
  app.get('/xrpc/chat.bsky.convo.listConvos', async (req, res) => {
    const mine = [...convos.values()].filter((c) => c.members.includes(req.viewer) && c.messages.length)
    res.json({ convos: await Promise.all(mine.reverse().map((c) => convoView(c, req.viewer))) })
  })
  app.get('/xrpc/chat.bsky.convo.getMessages', (req, res) => {
    const c = getConvo(req, res, req.query.convoId); if (!c) return
    const limit = Math.min(Number(req.query.limit || 50), 100)
    res.json({ messages: c.messages.slice(-limit).reverse().map(msgView) })
  })
  app.post('/xrpc/chat.bsky.convo.sendMessage', (req, res) => {
    const c = getConvo(req, res, req.body.convoId); if (!c) return
    const msg = req.body.message || {}
    if (typeof msg.text !== 'string' || msg.text.length === 0) return res.status(400).json({ error: 'InvalidRequest', message: 'message.text required' })
    const m = { id: `msg${seq + 1}`, rev: nextRev(), text: msg.text, facets: msg.facets, sender: req.viewer, sentAt: new Date().toISOString() }
    c.messages.push(m); c.rev = m.rev
    res.json(msgView(m))
  })
  app.post('/xrpc/chat.bsky.convo.updateRead', async (req, res) => {
    const c = getConvo(req, res, req.body.convoId); if (!c) return
    c.read[req.viewer] = c.messages.filter((m) => m.sender !== req.viewer).length
    res.json({ convo: await convoView(c, req.viewer) })
  })
  app.get('/xrpc/chat.bsky.convo.getLog', (req, res) => res.json({ logs: [] }))
  app.use((req, res) => res.status(501).json({ error: 'MethodNotImplemented', message: `chat mock: ${req.path} not implemented` }))

  const server = await new Promise((resolve) => { const s = app.listen(port, '127.0.0.1', () => resolve(s)) })
  return { did, url: endpoint, port, close: () => new Promise((r) => server.close(() => r())) }
}

module.exports = { startChatMock }
