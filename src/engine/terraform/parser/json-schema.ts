/** What an HCL JSON body key means: a block type with this many labels and its own nested blocks. */
export interface JsonBlockSchema {
  labels: number;
  blocks?: JsonSchema;
}

/** Block types of a body, by key. Keys not listed are attributes. */
export type JsonSchema = Record<string, JsonBlockSchema>;

/**
 * Terraform/OpenTofu top-level block types. Nested blocks inside resources depend on provider
 * schemas we do not have, so they stay attributes with object values (enough for our analysis).
 */
export const TERRAFORM_JSON_SCHEMA: JsonSchema = {
  terraform: {
    labels: 0,
    blocks: { required_providers: { labels: 0 }, backend: { labels: 1 }, cloud: { labels: 0 } },
  },
  provider: { labels: 1 },
  variable: { labels: 1 },
  output: { labels: 1 },
  locals: { labels: 0 },
  module: { labels: 1 },
  resource: { labels: 2, blocks: { lifecycle: { labels: 0 } } },
  data: { labels: 2, blocks: { lifecycle: { labels: 0 } } },
  ephemeral: { labels: 2 },
  moved: { labels: 0 },
  import: { labels: 0 },
  removed: { labels: 0 },
  check: { labels: 1 },
};
