/*
 * baiti-draw-v1 in the browser (the rules page /rules): recomputes a published draw record with the browser's own
 * SHA-256 (Web Crypto) or, where the browser hides Web Crypto (plain http on a LAN address), with the SHA-256 in
 * plain JavaScript below, and BigInt; and lists every difference from what the record states. Shares no code with the server.
 *
 *   P = SHA-256(key_1 \n ... key_n \n)                 keys sorted by their UTF-8 bytes (unsigned)
 *   D = SHA-256("baiti-draw-v1\n" + hex(P) + "\n" + k + "\n" + S_1 + "\n" + ... + S_m + "\n")
 *   u_j = first 8 bytes (big-endian) of SHA-256(D || j), j as 8 bytes big-endian
 *   uniform(m): limit = 2^64 - (2^64 mod m); next u while u >= limit; u mod m
 *   for i = 0 .. k-1: r = i + uniform(n - i); swap a[i], a[r]      winners = a[0 .. k-1]
 *
 * Usage: BaitiDraw.verify(record) -> Promise<{verified, differences, poolDigest, seedDigest, winners}>
 */
(function (global) {
  'use strict';

  var ALGORITHM = 'baiti-draw-v1';
  var TWO_64 = BigInt(1) << BigInt(64);
  var encoder = new TextEncoder();

  /** The words of a difference, in the page's language (web.ScriptTexts, /js/texts.js; keys record.js.diff.*). */
  function say(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    args.unshift('record.js.diff.' + key);
    return global.BaitiTexts ? global.BaitiTexts.t.apply(null, args) : args.join(' ');
  }

  /** True when the browser has what the check needs (BigInt, TextEncoder); SHA-256 comes from either engine. */
  function available() {
    return typeof BigInt === 'function' && typeof TextEncoder === 'function' && typeof DataView === 'function';
  }

  /**
   * True when the page may use crypto.subtle (a secure context: https, localhost or 127.0.0.1). Over plain http on a
   * LAN address browsers hide it, and the page's own SHA-256 below is used instead.
   */
  function webCrypto() {
    return !!(global.isSecureContext && global.crypto && global.crypto.subtle
      && typeof global.crypto.subtle.digest === 'function');
  }

  /** Which SHA-256 the check uses: 'webcrypto' (the browser's) or 'javascript' (sha256js, this file). */
  function engine() {
    return webCrypto() ? 'webcrypto' : 'javascript';
  }

  var K256 = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  ];

  /**
   * SHA-256 (FIPS 180-4) in plain JavaScript, for pages without Web Crypto. Takes a Uint8Array, returns the
   * 32-byte digest as a Uint8Array. Checked against the standard's vectors and the draw's known answers
   * (draw/DrawVerifyPlainHttpBrowserTest).
   */
  function sha256js(bytes) {
    var len = bytes.length;
    var padded = (((len + 8) >> 6) + 1) << 6;
    var buf = new Uint8Array(padded);
    buf.set(bytes);
    buf[len] = 0x80;
    var view = new DataView(buf.buffer);
    view.setUint32(padded - 8, Math.floor(len / 0x20000000) >>> 0, false);
    view.setUint32(padded - 4, (len << 3) >>> 0, false);
    var h0 = 0x6a09e667, h1 = 0xbb67ae85, h2 = 0x3c6ef372, h3 = 0xa54ff53a;
    var h4 = 0x510e527f, h5 = 0x9b05688c, h6 = 0x1f83d9ab, h7 = 0x5be0cd19;
    var w = new Int32Array(64);
    for (var off = 0; off < padded; off += 64) {
      for (var t = 0; t < 16; t++) {
        w[t] = view.getInt32(off + (t << 2), false);
      }
      for (t = 16; t < 64; t++) {
        var x = w[t - 15];
        var y = w[t - 2];
        var s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        var s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
      }
      var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
      for (t = 0; t < 64; t++) {
        var S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        var ch = (e & f) ^ (~e & g);
        var t1 = (h + S1 + ch + K256[t] + w[t]) | 0;
        var S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        var maj = (a & b) ^ (a & c) ^ (b & c);
        var t2 = (S0 + maj) | 0;
        h = g;
        g = f;
        f = e;
        e = (d + t1) | 0;
        d = c;
        c = b;
        b = a;
        a = (t1 + t2) | 0;
      }
      h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
      h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + h) | 0;
    }
    var out = new Uint8Array(32);
    var ov = new DataView(out.buffer);
    [h0, h1, h2, h3, h4, h5, h6, h7].forEach(function (v, i) { ov.setInt32(i << 2, v, false); });
    return out;
  }

  function hex(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) {
      s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    }
    return s;
  }

  async function sha256(bytes) {
    if (webCrypto()) {
      return new Uint8Array(await global.crypto.subtle.digest('SHA-256', bytes));
    }
    return sha256js(bytes);
  }

  /** Compares two byte arrays as unsigned values, shorter first on a common prefix. */
  function compareBytes(a, b) {
    var n = Math.min(a.length, b.length);
    for (var i = 0; i < n; i++) {
      if (a[i] !== b[i]) {
        return a[i] - b[i];
      }
    }
    return a.length - b.length;
  }

  function quote(s) {
    return s === null || s === undefined ? String(s) : JSON.stringify(s);
  }

  function isStringArray(x) {
    return Array.isArray(x) && x.every(function (s) { return typeof s === 'string'; });
  }

  /** The counter-mode random numbers of a draw and uniform(m). */
  function RandomStream(d) {
    this.block = new Uint8Array(40);
    this.block.set(d, 0);
    this.view = new DataView(this.block.buffer);
    this.j = BigInt(0);
  }

  RandomStream.prototype.next = async function () {
    this.view.setBigUint64(32, this.j, false);
    this.j += BigInt(1);
    var h = await sha256(this.block);
    return new DataView(h.buffer).getBigUint64(0, false);
  };

  RandomStream.prototype.uniform = async function (m) {
    var mb = BigInt(m);
    var limit = TWO_64 - (TWO_64 % mb);
    var u = await this.next();
    while (u >= limit) {
      u = await this.next();
    }
    return Number(u % mb);
  };

  /** Recomputes the record; never throws for a malformed record, it reports it as a difference. */
  async function verify(record) {
    var differences = [];
    function differ(kind, message) {
      differences.push({kind: kind, message: message});
    }
    if (!record || typeof record !== 'object') {
      differ('FORMAT', say('notObject'));
      return {verified: false, differences: differences};
    }
    if (record.algorithm !== ALGORITHM) {
      differ('ALGORITHM', say('algorithm', quote(record.algorithm), ALGORITHM));
    }
    if (!Array.isArray(record.pool) || !record.pool.every(function (e) { return e && typeof e.key === 'string'; })) {
      differ('FORMAT', say('pool'));
      return {verified: false, differences: differences};
    }
    if (!isStringArray(record.seed) || !isStringArray(record.winners) || !Number.isInteger(record.k)) {
      differ('FORMAT', say('missing'));
      return {verified: false, differences: differences};
    }

    var keys = record.pool.map(function (e) { return e.key; });
    var encoded = keys.map(function (k) { return encoder.encode(k); });
    for (var i = 0; i < keys.length; i++) {
      if (keys[i] === '' || keys[i].indexOf('\n') >= 0) {
        differ('POOL_KEY', say('poolKey', i, quote(keys[i])));
      }
    }
    var unsorted = 0;
    var duplicated = 0;
    for (i = 1; i < encoded.length; i++) {
      var c = compareBytes(encoded[i - 1], encoded[i]);
      if (c > 0 && ++unsorted === 1) {
        differ('POOL_ORDER', say('poolOrder', quote(keys[i - 1]), quote(keys[i])));
      }
      if (c === 0 && ++duplicated === 1) {
        differ('POOL_ORDER', say('poolTwice', quote(keys[i])));
      }
    }

    // The pool the algorithm uses: the listed keys sorted by UTF-8 bytes, each once.
    var order = keys.map(function (_, j) { return j; });
    order.sort(function (a, b) { return compareBytes(encoded[a], encoded[b]); });
    var canonical = [];
    var parts = [];
    var total = 0;
    for (i = 0; i < order.length; i++) {
      if (i > 0 && compareBytes(encoded[order[i - 1]], encoded[order[i]]) === 0) {
        continue;
      }
      canonical.push(keys[order[i]]);
      parts.push(encoded[order[i]]);
      total += encoded[order[i]].length + 1;
    }
    var n = canonical.length;
    if (record.n !== keys.length) {
      differ('N', say('n', record.n, keys.length));
    }

    var bytes = new Uint8Array(total);
    var at = 0;
    for (i = 0; i < parts.length; i++) {
      bytes.set(parts[i], at);
      at += parts[i].length;
      bytes[at++] = 10;
    }
    var p = await sha256(bytes);
    var pHex = hex(p);
    if (pHex !== record.poolDigest) {
      differ('POOL_DIGEST', say('poolDigest', quote(record.poolDigest), pHex));
    }

    if (record.seed.length === 0) {
      differ('SEED', say('seedEmpty'));
    }
    var text = ALGORITHM + '\n' + pHex + '\n' + String(record.k) + '\n' +
      record.seed.map(function (s) { return s + '\n'; }).join('');
    var d = await sha256(encoder.encode(text));
    var dHex = hex(d);
    if (dHex !== record.seedDigest) {
      differ('SEED_DIGEST', say('seedDigest', quote(record.seedDigest), dHex));
    }

    var winners = null;
    if (record.k < 0 || record.k > n) {
      differ('K', say('k', record.k, n));
    } else {
      var a = canonical.slice();
      var stream = new RandomStream(d);
      for (i = 0; i < record.k; i++) {
        var r = i + await stream.uniform(n - i);
        var t = a[i];
        a[i] = a[r];
        a[r] = t;
      }
      winners = a.slice(0, record.k);
      var listed = record.winners;
      var same = winners.length === listed.length && winners.every(function (w, j) { return w === listed[j]; });
      if (!same) {
        var pos = 0;
        while (pos < winners.length && pos < listed.length && winners[pos] === listed[pos]) {
          pos++;
        }
        var expected = pos < winners.length ? quote(winners[pos]) : say('none');
        var got = pos < listed.length ? quote(listed[pos]) : say('none');
        differ('WINNERS', say('winners', pos + 1, expected, got));
      }
    }
    return {verified: differences.length === 0, differences: differences, poolDigest: pHex, seedDigest: dHex,
      winners: winners, engine: engine()};
  }

  global.BaitiDraw = {verify: verify, available: available, engine: engine, sha256js: sha256js, hex: hex,
    compareBytes: compareBytes};
})(window);
