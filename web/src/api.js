// Talks to the server's JSON API; every failure becomes an Error carrying the server's sentence
// and its details (the scenario loader's file:line:col diagnostics).
export class ApiError extends Error {
  constructor(message, details = []) {
    super(message);
    this.details = details;
  }
}

async function answer(response) {
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(`the server answered ${response.status}: ${text.slice(0, 200)}`);
  }
  if (!response.ok) {
    throw new ApiError(body.error ?? `the server answered ${response.status}`, body.details ?? []);
  }
  return body;
}

export async function getJson(path) {
  return answer(await fetch(path));
}

export async function postJson(path, body) {
  return answer(
    await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }),
  );
}
