/** The engine's version, recorded in every output manifest. Keep in step with engine/package.json. */
export const ENGINE_VERSION = "0.1.0";
