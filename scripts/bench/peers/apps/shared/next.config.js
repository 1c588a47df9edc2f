// Nothing to configure: the defaults are what the library documentation starts from.
const config = {};

export default config;
