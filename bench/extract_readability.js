// Readability.js (with jsdom) on every page of a folder: prints
// {page id: text} as JSON. usage: node extract_readability.js DIR
const fs = require("fs");
const path = require("path");
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

const dir = process.argv[2];
const out = {};
const quiet = new VirtualConsole();
for (const name of fs.readdirSync(dir).sort()) {
  const html = fs.readFileSync(path.join(dir, name), "utf8");
  let text = "";
  try {
    const dom = new JSDOM(html, { virtualConsole: quiet });
    const art = new Readability(dom.window.document).parse();
    text = art && art.textContent ? art.textContent : "";
    dom.window.close();
  } catch (e) {
    text = "";
  }
  out[name.split(".")[0]] = text;
}
process.stdout.write(JSON.stringify(out));
