/** The scam × audience matrix: which cells have advice and where it is. */

export interface MatrixScam {
  key: string;
  name: string;
  href: string;
  /** Audiences the scam article names as most at risk. */
  audiences: readonly string[];
}
export interface MatrixAudience {
  key: string;
  name: string;
  href: string;
  /** Scams the audience article gives advice on. */
  scams: readonly string[];
}
export interface MatrixCell {
  audience: string;
  /** Where the advice for this pair is, or null when neither article covers it. */
  href: string | null;
}

/**
 * One row per scam, one cell per audience. A cell links to the audience article when that
 * article advises on the scam (advice written for the group), otherwise to the scam article
 * when it names the group as most at risk.
 */
export function buildMatrix(scams: readonly MatrixScam[], audiences: readonly MatrixAudience[]) {
  return scams.map((scam) => ({
    scam,
    cells: audiences.map((audience): MatrixCell => {
      if (audience.scams.includes(scam.key)) return { audience: audience.key, href: audience.href };
      if (scam.audiences.includes(audience.key)) return { audience: audience.key, href: scam.href };
      return { audience: audience.key, href: null };
    }),
  }));
}
