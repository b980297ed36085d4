/**
 * A readable reference of the API, rendered on the server from the OpenAPI document (no script, no
 * outside resource), so it works offline and under the strict content security policy.
 */
interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  requestBody?: unknown;
  responses?: Record<string, { description?: string }>;
}
interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths?: object;
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function apiReferencePage(document: OpenApiDocument): string {
  const sections: string[] = [];
  const paths = Object.entries(document.paths ?? {}) as [string, Record<string, Operation> | undefined][];
  for (const [path, methods] of paths) {
    for (const [method, operation] of Object.entries(methods ?? {})) {
      const params = (operation.parameters ?? [])
        .map((p) => `<code>${escape(p.name)}</code> <small>(${escape(p.in)}${p.required ? ', required' : ''})</small>`)
        .join(', ');
      const responses = Object.entries(operation.responses ?? {})
        .map(([status, response]) => `<li><b>${escape(status)}</b> ${escape(response.description ?? '')}</li>`)
        .join('');
      sections.push(
        `<section><h3><span class="m">${escape(method.toUpperCase())}</span> <code>${escape(path)}</code></h3>` +
          `<p>${escape(operation.summary ?? '')}</p>` +
          (params ? `<p>Parameters: ${params}</p>` : '') +
          (operation.requestBody ? '<p>Body: JSON (see the schema in openapi.json)</p>' : '') +
          `<ul>${responses}</ul></section>`,
      );
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(document.info.title)} reference</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
section{border-top:1px solid #ddd;padding:.5rem 0}.m{display:inline-block;min-width:4.5rem;font-weight:700;color:#0b5394}
code{background:#f3f3f3;padding:0 .25rem}</style></head><body>
<h1>${escape(document.info.title)} ${escape(document.info.version)}</h1>
<p>${escape(document.info.description ?? '')}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).
Sign in with <code>POST /api/auth/login</code>; send the <code>X-CSRF-Token</code> it returns with every write.</p>
${sections.join('\n')}
</body></html>`;
}
