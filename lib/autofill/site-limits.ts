/** The most sites one account keeps. */
export const MAX_SITES_PER_ACCOUNT = 32;
/** The longest host name DNS allows (253), plus room for `https://` and a port in origins. */
export const MAX_SITE_LENGTH = 300;
