/*
 * baiti-draw-v1 in the browser (SPEC §5): recomputes a published draw record with the browser's own SHA-256
 * (Web Crypto) and BigInt, and lists every difference from what the record states. Shares no code with the server.
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

  /** True when the page may use crypto.subtle (a secure context: https, localhost or 127.0.0.1). */
  function available() {
    return !!(global.isSecureContext && global.crypto && global.crypto.subtle && typeof BigInt === 'function');
  }

  function hex(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) {
      s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    }
    return s;
  }

  async function sha256(bytes) {
    return new Uint8Array(await global.crypto.subtle.digest('SHA-256', bytes));
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
    function differ(kind, zh, en) {
      differences.push({kind: kind, message: zh + ' / ' + en});
    }
    if (!record || typeof record !== 'object') {
      differ('FORMAT', '记录不是 JSON 对象', 'the record is not a JSON object');
      return {verified: false, differences: differences};
    }
    if (record.algorithm !== ALGORITHM) {
      differ('ALGORITHM', '算法为 ' + quote(record.algorithm) + '，不是 ' + ALGORITHM,
        'algorithm is ' + quote(record.algorithm) + ', not ' + ALGORITHM);
    }
    if (!Array.isArray(record.pool) || !record.pool.every(function (e) { return e && typeof e.key === 'string'; })) {
      differ('FORMAT', '抽奖池格式不对', 'the pool is not a list of entries with a string key');
      return {verified: false, differences: differences};
    }
    if (!isStringArray(record.seed) || !isStringArray(record.winners) || !Number.isInteger(record.k)) {
      differ('FORMAT', '记录缺少种子、中奖名单或 k（尚未开奖？）',
        'the record lacks seed, winners or k (not revealed yet?)');
      return {verified: false, differences: differences};
    }

    var keys = record.pool.map(function (e) { return e.key; });
    var encoded = keys.map(function (k) { return encoder.encode(k); });
    for (var i = 0; i < keys.length; i++) {
      if (keys[i] === '' || keys[i].indexOf('\n') >= 0) {
        differ('POOL_KEY', '第 ' + i + ' 个准考证号无效：' + quote(keys[i]), 'pool key at position ' + i + ' is invalid: ' + quote(keys[i]));
      }
    }
    var unsorted = 0;
    var duplicated = 0;
    for (i = 1; i < encoded.length; i++) {
      var c = compareBytes(encoded[i - 1], encoded[i]);
      if (c > 0 && ++unsorted === 1) {
        differ('POOL_ORDER', '抽奖池未按 UTF-8 字节排序：' + quote(keys[i - 1]) + ' 在 ' + quote(keys[i]) + ' 之前',
          'pool is not sorted by UTF-8 bytes: ' + quote(keys[i - 1]) + ' comes before ' + quote(keys[i]));
      }
      if (c === 0 && ++duplicated === 1) {
        differ('POOL_ORDER', '抽奖池重复列出 ' + quote(keys[i]), 'pool lists ' + quote(keys[i]) + ' twice');
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
      differ('N', 'n 为 ' + record.n + '，但抽奖池列出 ' + keys.length + ' 人',
        'n is ' + record.n + ' but the pool lists ' + keys.length + ' entries');
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
      differ('POOL_DIGEST', '抽奖池摘要不符：记录 ' + quote(record.poolDigest) + '，重算 ' + pHex,
        'pool digest mismatch: listed ' + quote(record.poolDigest) + ', recomputed ' + pHex);
    }

    if (record.seed.length === 0) {
      differ('SEED', '种子为空', 'the seed has no strings');
    }
    var text = ALGORITHM + '\n' + pHex + '\n' + String(record.k) + '\n' +
      record.seed.map(function (s) { return s + '\n'; }).join('');
    var d = await sha256(encoder.encode(text));
    var dHex = hex(d);
    if (dHex !== record.seedDigest) {
      differ('SEED_DIGEST', '种子摘要不符：记录 ' + quote(record.seedDigest) + '，重算 ' + dHex,
        'seed digest mismatch: listed ' + quote(record.seedDigest) + ', recomputed ' + dHex);
    }

    var winners = null;
    if (record.k < 0 || record.k > n) {
      differ('K', 'k = ' + record.k + ' 不在 0…' + n + ' 之内', 'k = ' + record.k + ' is outside 0..' + n);
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
        var expected = pos < winners.length ? quote(winners[pos]) : '(none)';
        var got = pos < listed.length ? quote(listed[pos]) : '(none)';
        differ('WINNERS', '中奖名单第 ' + (pos + 1) + ' 位不符：应为 ' + expected + '，记录为 ' + got,
          'winners differ at position ' + pos + ' (winner #' + (pos + 1) + '): expected ' + expected + ', listed ' + got);
      }
    }
    return {verified: differences.length === 0, differences: differences, poolDigest: pHex, seedDigest: dHex,
      winners: winners};
  }

  global.BaitiDraw = {verify: verify, available: available, hex: hex, compareBytes: compareBytes};
})(window);
