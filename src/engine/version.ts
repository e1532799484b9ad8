/** The tool's version, kept in step with package.json by a unit test. */
export const TOOL_NAME = 'cloud-act-lens';
export const TOOL_VERSION = '0.1.0';
