// Preload with `node -r ./loopback-guard.js ...`.
// 1. Every server socket binds to 127.0.0.1 (wildcard / non-loopback hosts are rewritten).
// 2. Outgoing TCP/TLS connections to anything but loopback or a unix socket are refused.
// 3. DNS: 'localhost' resolves to 127.0.0.1 without touching the resolver; every other
//    name fails with ENOTFOUND, and DNS record queries (TXT etc.) are refused, so no packet
//    ever reaches the (non-loopback) nameserver.
// Every blocked attempt is logged to stderr as "[loopback-guard] BLOCKED ...".
'use strict'
const net = require('node:net')
const dns = require('node:dns')

const LOOP_HOST = '127.0.0.1'
const log = (msg) => process.stderr.write(`[loopback-guard] ${msg}\n`)

const isLoopback = (h) => {
  if (h === undefined || h === null || h === '') return true // node default: localhost
  h = String(h).toLowerCase().replace(/^\[|\]$/g, '')
  return (
    h === 'localhost' ||
    h.endsWith('.localhost') ||
    /^127\./.test(h) ||
    h === '::1' ||
    /^::ffff:127\./.test(h)
  )
}

// ---- listen ---------------------------------------------------------------
const origListen = net.Server.prototype.listen
net.Server.prototype.listen = function (...args) {
  const a0 = args[0]
  if (a0 === undefined || typeof a0 === 'function') {
    args = [0, LOOP_HOST, ...args.slice(a0 === undefined ? 1 : 0)]
  } else if (typeof a0 === 'number' || (typeof a0 === 'string' && /^\d+$/.test(a0))) {
    const a1 = args[1]
    if (a1 === undefined || a1 === null) args[1] = LOOP_HOST
    else if (typeof a1 === 'string') {
      if (!isLoopback(a1) || a1 === '::' || a1 === '0.0.0.0') args[1] = LOOP_HOST
    } else args.splice(1, 0, LOOP_HOST) // (port, backlog|cb)
  } else if (a0 && typeof a0 === 'object' && !Array.isArray(a0) && a0.path === undefined && a0._handle === undefined && a0.fd === undefined) {
    if (!isLoopback(a0.host) || a0.host === undefined) args[0] = { ...a0, host: LOOP_HOST }
  }
  return origListen.apply(this, args)
}

// ---- connect --------------------------------------------------------------
const origConnect = net.Socket.prototype.connect
net.Socket.prototype.connect = function (...args) {
  let opts = args[0]
  if (Array.isArray(opts)) opts = opts[0] // internal normalized form [options, cb]
  let host, isPath = false
  if (opts && typeof opts === 'object') {
    if (opts.path) isPath = true
    host = opts.host
  } else if (typeof opts === 'number' || (typeof opts === 'string' && /^\d+$/.test(opts))) {
    host = typeof args[1] === 'string' ? args[1] : undefined
  } else if (typeof opts === 'string') {
    isPath = true // unix socket path
  }
  if (!isPath && !isLoopback(host)) {
    log(`BLOCKED outgoing connection to ${host}:${opts && opts.port}`)
    const err = Object.assign(new Error(`loopback-guard: connection to ${host} refused`), { code: 'ECONNREFUSED' })
    process.nextTick(() => this.destroy(err))
    return this
  }
  return origConnect.apply(this, args)
}

// ---- DNS ------------------------------------------------------------------
const origLookup = dns.lookup
const fakeLookup = function (hostname, options, callback) {
  if (typeof options === 'function') { callback = options; options = {} }
  if (typeof options === 'number') options = { family: options }
  options = options || {}
  if (isLoopback(hostname)) {
    const addr = /^(::1|127\.)/.test(hostname) ? hostname : LOOP_HOST
    const family = addr.includes(':') ? 6 : 4
    return process.nextTick(() =>
      options.all ? callback(null, [{ address: addr, family }]) : callback(null, addr, family),
    )
  }
  log(`BLOCKED dns.lookup(${hostname})`)
  const err = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname })
  process.nextTick(() => callback(err))
}
dns.lookup = fakeLookup
dns.promises.lookup = (hostname, options) =>
  new Promise((resolve, reject) =>
    fakeLookup(hostname, options, (err, address, family) =>
      err ? reject(err) : resolve(Array.isArray(address) ? address : { address, family }),
    ),
  )

const refuse = (name) => function (host, ...rest) {
  const cb = rest.reverse().find((x) => typeof x === 'function')
  log(`BLOCKED dns.${name}(${host})`)
  const err = Object.assign(new Error(`query${name} ENOTFOUND ${host}`), { code: 'ENOTFOUND', hostname: host })
  if (cb) process.nextTick(() => cb(err))
  else return Promise.reject(err)
}
for (const name of ['resolve', 'resolve4', 'resolve6', 'resolveTxt', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveSrv', 'resolveNaptr', 'resolvePtr', 'resolveSoa', 'resolveCaa', 'reverse']) {
  if (dns[name]) dns[name] = refuse(name)
  if (dns.Resolver && dns.Resolver.prototype[name]) dns.Resolver.prototype[name] = refuse(name)
  if (dns.promises[name]) dns.promises[name] = refuse(name)
  if (dns.promises.Resolver && dns.promises.Resolver.prototype[name]) dns.promises.Resolver.prototype[name] = refuse(name)
}
