// Copies the distributed files of the front-end packages into wwwroot/lib.
// Run `npm install && npm run vendor` after changing a version in package.json, then commit wwwroot/lib.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const files = [
  ["bootstrap/dist/css/bootstrap.min.css", "bootstrap/css/bootstrap.min.css"],
  ["bootstrap/dist/js/bootstrap.bundle.min.js", "bootstrap/js/bootstrap.bundle.min.js"],
  ["bootstrap/LICENSE", "bootstrap/LICENSE"],
];

for (const [from, to] of files) {
  const target = join("wwwroot/lib", to);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join("node_modules", from), target);
  if (/\.(css|js)$/.test(target)) {
    // The source maps are not shipped; drop the comment that points at them.
    const text = readFileSync(target, "utf8").replace(/\n?\/[*/]# sourceMappingURL=.*$/m, "");
    writeFileSync(target, text);
  }
}
console.log(`vendored ${files.length} files into wwwroot/lib`);
