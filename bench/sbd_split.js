#!/usr/bin/env node
// The npm `sbd` sentence splitter, run the way bench/sentences.sh runs parallax.
//   sbd_split.js golden FILE.jsonl      -> {"id":..,"sentences":[..]} per line
//   sbd_split.js time REPEAT LIST      -> "SENTENCES SECONDS...": the files named in
//                                        LIST are read first, then split REPEAT times;
//                                        sentences of one pass, seconds of every pass
'use strict';
const fs = require('fs');
const path = require('path');
const sbd = require(path.join(__dirname, 'node_modules', 'sbd'));

const [mode, ...args] = process.argv.slice(2);
if (mode === 'golden') {
  const out = [];
  for (const line of fs.readFileSync(args[0], 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line);
    out.push(JSON.stringify({ id: o.id, sentences: sbd.sentences(o.text) }));
  }
  process.stdout.write(out.join('\n') + '\n');
} else if (mode === 'time') {
  const repeat = parseInt(args[0], 10);
  const files = fs.readFileSync(args[1], 'utf8').split('\n').filter((f) => f);
  // paragraphs always end sentences in parallax; give sbd the same start
  const paras = files.map((f) => fs.readFileSync(f, 'utf8').split(/\n\s*\n/));
  // every pass timed on its own: "SENTENCES SECONDS..." as sentences_speed.c
  // and on a second line the CPU seconds of every pass (the whole process:
  // its compiler and collector threads work for the splitter too)
  let n = 0;
  const times = [], cpu = [];
  for (let r = 0; r < repeat; r++) {
    n = 0;
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (const ps of paras)
      for (const p of ps) n += sbd.sentences(p).length;
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6);
  }
  process.stdout.write(`${n} ${times.join(' ')}\n${cpu.join(' ')}\n`);
} else {
  process.stderr.write('usage: sbd_split.js golden FILE | time REPEAT LIST\n');
  process.exit(2);
}
