// The class setting: what a teacher chose, kept in one object that the server validates and
// that a link carries in its #fragment (never sent to a server when the link is opened).
export function emptySetting(region) {
  return { region, styles: {}, interventions: [], arm: "baseline", arms: [], replications: 200, run_index: 0 };
}

function toBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  bytes.forEach((b) => (binary += String.fromCharCode(b)));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function settingToHash(setting) {
  return `#s=${toBase64Url(JSON.stringify(setting))}`;
}

export function settingFromHash(hash) {
  const match = /^#s=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!match) return null;
  try {
    const setting = JSON.parse(fromBase64Url(match[1]));
    return typeof setting === "object" && setting !== null ? setting : null;
  } catch {
    return null;
  }
}

// What the server gets: only the keys it knows, empty ones left out.
export function requestBody(setting, extra = {}) {
  const body = {};
  if (setting.scenario_text) body.scenario_text = setting.scenario_text;
  else body.region = setting.region;
  if (Object.keys(setting.styles).length) body.styles = setting.styles;
  if (setting.interventions.length) body.interventions = setting.interventions;
  if (setting.seed !== undefined && setting.seed !== "") body.seed = String(setting.seed);
  return { ...body, ...extra };
}
