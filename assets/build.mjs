// Builds the files Scrutiny Desk serves and tests with from the installed npm packages:
//   src/scrutinydesk/web/static/govuk/  scrutinydesk.min.css, govuk-frontend.min.js, NOTICE.txt
//   tests/browser/vendor/               axe.min.js, NOTICE.txt, axe-core-LICENSE.txt
// Run through `make assets`, which installs the pinned packages first (npm ci).
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const modules = join(here, "node_modules");
const staticDir = join(root, "src", "scrutinydesk", "web", "static", "govuk");
const vendorDir = join(root, "tests", "browser", "vendor");

const version = (name) =>
  JSON.parse(readFileSync(join(modules, name, "package.json"), "utf8")).version;

rmSync(staticDir, { recursive: true, force: true });
mkdirSync(staticDir, { recursive: true });
mkdirSync(vendorDir, { recursive: true });

const css = sass.compile(join(here, "scrutinydesk.scss"), {
  style: "compressed",
  loadPaths: [here],
  quietDeps: true,
});
if (css.css.includes("GDS Transport")) {
  throw new Error("the stylesheet still names the GDS Transport font");
}
writeFileSync(join(staticDir, "scrutinydesk.min.css"), css.css + "\n");
copyFileSync(join(modules, "govuk-frontend", "dist", "govuk", "govuk-frontend.min.js"),
             join(staticDir, "govuk-frontend.min.js"));

const frontend = version("govuk-frontend");
writeFileSync(join(staticDir, "NOTICE.txt"), `GOV.UK Frontend ${frontend}
https://github.com/alphagov/govuk-frontend

scrutinydesk.min.css is compiled from GOV.UK Frontend's Sass (assets/scrutinydesk.scss)
with a system font stack (Arial); govuk-frontend.min.js is copied as published.
Neither the GDS Transport font nor the crown or GOV.UK logos are included: their
licences restrict them to GOV.UK. For that reason no image of the package is copied
(each is a crown or GOV.UK mark); the site's own icon is web/static/web/favicon.svg.

Built by \`make assets\` from the versions pinned in assets/package-lock.json.

The MIT License (MIT)

Copyright (c) 2018 Crown Copyright (Government Digital Service)

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
the Software, and to permit persons to whom the Software is furnished to do so,
subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
`);

const axe = version("axe-core");
copyFileSync(join(modules, "axe-core", "axe.min.js"), join(vendorDir, "axe.min.js"));
copyFileSync(join(modules, "axe-core", "LICENSE"), join(vendorDir, "axe-core-LICENSE.txt"));
writeFileSync(join(vendorDir, "NOTICE.txt"), `axe-core ${axe}
https://github.com/dequelabs/axe-core

axe.min.js is copied as published, for the browser tests' accessibility checks. It is
licensed under the Mozilla Public License 2.0 (axe-core-LICENSE.txt); its source is at
the address above. Built by \`make assets\` from the version pinned in
assets/package-lock.json.
`);

console.log(`GOV.UK Frontend ${frontend} -> ${staticDir}`);
console.log(`axe-core ${axe} -> ${vendorDir}`);
