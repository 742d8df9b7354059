/*
 * The accounts the enrollment pages show, one per way a page can show a QR code,
 * with what the popup must list for each. Secrets are fixed base32 strings so the
 * expected codes can be computed independently (harness/reference-otp.ts).
 */

export interface PageAccount {
  issuer: string;
  accountName: string;
  secret: string;
  /** HOTP accounts carry a counter; TOTP ones a period (default 30). */
  type?: 'totp' | 'hotp';
  counter?: number;
}

const account = (issuer: string, accountName: string, secret: string): PageAccount => ({ issuer, accountName, secret });

/** The "every form" page: each key is one way of showing a code. */
export const FORMS = {
  img: account('Form Img', 'img@example.com', 'JBSWY3DPEHPK3PXP'),
  dataUrl: account('Form DataUrl', 'data@example.com', 'KRSXG5CTMVRXEZLU'),
  srcset: account('Form Srcset', 'srcset@example.com', 'GEZDGNBVGY3TQOJQ'),
  canvas: account('Form Canvas', 'canvas@example.com', 'MFRGGZDFMZTWQ2LK'),
  svg: account('Form Svg', 'svg@example.com', 'ONSWG4TFOQQGC3TE'),
  background: account('Form Background', 'bg@example.com', 'NBSWY3DPO5XXE3DE'),
  shadow: account('Form Shadow', 'shadow@example.com', 'OBQXG43XN5ZGIMJS'),
  sameFrame: account('Form Frame', 'frame@example.com', 'GAYTEMZUGU3DOOBZ'),
  lazy: account('Form Lazy', 'lazy@example.com', 'MZXW6YTBOI2TIMZV'),
  corsImage: account('Form Cors', 'cors@example.com', 'IFBEGRCFIZDUQSKK'),
  opaqueImage: account('Form Opaque', 'opaque@example.com', 'KNSWG4TFORZWC3DU'),
  otherFrame: account('Form OtherFrame', 'other@example.com', 'PJ2HS6LTMVZGK5LX'),
  video: account('Form Video', 'video@example.com', 'OZUWIZLPEBTHE3LF'),
} satisfies Record<string, PageAccount>;

/** The typical enrollment page's account (bench and the "right live code" check). */
export const ENROLL = account('Example Shop', 'alice@example.com', 'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ');

/** A Google Authenticator export split over two QR codes: UTF-8 names, a HOTP counter. */
export const MIGRATION_ACCOUNTS: (PageAccount & { part: 0 | 1 })[] = [
  { issuer: 'テスト銀行', accountName: '太郎', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', part: 0 },
  { issuer: 'Café', accountName: 'zoë@example.com', secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U', part: 0 },
  { issuer: 'Counter Bank', accountName: 'bob', secret: 'KRUGS4ZANFZSAYJAORSXG5BAONSWG4TF', type: 'hotp', counter: 42, part: 1 },
];

/** The hostile page's own code. */
export const HOSTILE = account('Hostile Page', 'victim@example.com', 'NB2W45DFOJQWY3DFOIYDEMZU');

/** The closed-shadow-root page: one code in a closed root (the other is the corpus's small GitHub code). */
export const CLOSED_SHADOW = account('Closed Shadow', 'closed@example.com', 'MNWG643FMRZWQYLEN53WIZLEMFXGIZLT');

/** The hostile image pages (scan-caps.e2e.ts): what the huge image's page shows, the private host's code, and a normal page's afterwards. */
export const CLOAKED = account('Cloaked Huge', 'cloak@example.com', 'MNWG6YLLMVSGQ5LHMUYDEMZU');
export const INTRANET = account('Intranet Admin', 'admin@example.com', 'NFXHI4TBNZSXIYLENVUW4MJS');
export const AFTERWARDS = account('Still Works', 'after@example.com', 'ONZGS3DMO5XXE23TGEZDGNBV');
