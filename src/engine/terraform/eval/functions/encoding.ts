import { MAX_STRING } from '../../../evaluation';
import { fromData } from '../decoded';
import { failure, inherit, originOf, str, unknown, withOrigin } from '../values';
import { decodeYaml } from '../yaml-decode';
import { type Fn, strArg } from './support';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Encoding functions: JSON, YAML and Base64. */
export const ENCODING_FUNCTIONS: Record<string, Fn> = {
  jsondecode: (args) =>
    strArg(args, 'jsondecode', (s, a) => {
      if (s.length > MAX_STRING) {
        return unknown('jsondecode() of a string over 1 MB is not evaluated');
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(s);
      } catch {
        return failure('jsondecode() of text that is not JSON');
      }
      return withOrigin(fromData(parsed, 'jsondecode() of JSON'), originOf([a]));
    }),
  yamldecode: (args) =>
    strArg(args, 'yamldecode', (s, a) => {
      if (s.length > MAX_STRING) {
        return unknown('yamldecode() of a string over 1 MB is not evaluated');
      }
      const decoded = decodeYaml(s, a.o.source);
      if (!decoded) {
        return failure('yamldecode() of text that is not a single YAML document');
      }
      return inherit(a, decoded);
    }),
  base64decode: (args) =>
    strArg(args, 'base64decode', (s, a) => {
      if (s.length > MAX_STRING || !BASE64.test(s)) {
        return failure('base64decode() of text that is not Base64');
      }
      const bytes = Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
      try {
        return str(new TextDecoder('utf-8', { fatal: true }).decode(bytes), a.o);
      } catch {
        return failure('base64decode() of bytes that are not UTF-8');
      }
    }),
  base64encode: (args) =>
    strArg(args, 'base64encode', (s, a) => {
      if (s.length > MAX_STRING) {
        return failure('base64encode() of a string over 1 MB');
      }
      let binary = '';
      for (const byte of new TextEncoder().encode(s)) {
        binary += String.fromCharCode(byte);
      }
      return str(btoa(binary), a.o);
    }),
};
