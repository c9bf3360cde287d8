/** The headless host's own plain-text pages (src/server/refusal.ts). */
export const serverEn = {
  'server.refused.host': 'VidKeep does not answer to this host name. Open the link VidKeep printed when it started.',
  'server.refused.origin': 'This request came with an unreadable Origin header and was refused.',
  'server.refused.crossSite': 'Requests from other sites are refused.',
  'server.refused.token': 'A VidKeep access token is needed. Open the link VidKeep printed when it started.',
  'server.refused.media': 'Media is not shared with other sites.',
} as const;
