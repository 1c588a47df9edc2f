/** Set by proxy.ts so a late redirect to login can come back; sanitised like any `next`. */
export const PATHNAME_HEADER = "x-svj-pathname";
