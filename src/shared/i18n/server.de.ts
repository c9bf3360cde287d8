import type { serverEn } from './server.en';

export const serverDe: Record<keyof typeof serverEn, string> = {
  'server.refused.host': 'VidKeep antwortet nicht auf diesen Hostnamen. Öffnen Sie den Link, den VidKeep beim Start ausgegeben hat.',
  'server.refused.origin': 'Diese Anfrage hatte einen unlesbaren Origin-Header und wurde abgelehnt.',
  'server.refused.crossSite': 'Anfragen von anderen Websites werden abgelehnt.',
  'server.refused.token': 'Ein VidKeep-Zugangstoken wird benötigt. Öffnen Sie den Link, den VidKeep beim Start ausgegeben hat.',
  'server.refused.media': 'Medien werden nicht mit anderen Websites geteilt.',
};
