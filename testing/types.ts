/*
 * The kit's public data types: plain objects, stable across versions (a field may
 * be added, none removed or renamed within a major version). They never carry a
 * secret: the kit sees what the extension's own pages see.
 */

export type OtpKind = 'totp' | 'hotp' | 'steam';

/** An account as the extension's pages see it: everything but its secret. */
export interface KitAccount {
  /** Stable random id. */
  id: string;
  issuer: string;
  accountName: string;
  type: OtpKind;
  algorithm: 'SHA1' | 'SHA256' | 'SHA512';
  digits: number;
  /** Seconds per code (TOTP, Steam). */
  period: number;
  /** HOTP: the counter of the code currently shown. */
  counter: number;
  /** Registrable domains (or origins) the account fills on. */
  sites: string[];
}

/**
 * Which account: its id, `"Issuer:accountName"`, its issuer alone, or its account
 * name alone (strings are tried in that order); or an object whose given fields
 * must all match. More than one match is an error, never a guess.
 */
export type AccountRef = string | { id?: string; issuer?: string; accountName?: string };

/** One code, as the background computed it. */
export interface KitCode {
  account: KitAccount;
  /** The code as the site expects it: digits (or Steam's five characters). */
  code: string;
  /** Start of validity, ms since the epoch, on the extension's clock (HOTP: when it was read). */
  validFromMs: number;
  /** End of validity (exclusive), ms since the epoch on the extension's clock; `null` for HOTP. */
  validUntilMs: number | null;
  /** Seconds until it expires when read (`Infinity` for HOTP). */
  secondsLeft: number;
}

/**
 * An otpauth:// link, optionally with the sites the account fills on (`example.com`,
 * `localhost`; normalised and checked as the options page does).
 */
export type AccountLink = string | { uri: string; sites?: string[] };

/** What `fill(page)` did. Nothing of the code itself: read the field, or `code()`. */
export interface KitFill {
  /** The account whose code was filled. */
  account: KitAccount;
  /** The page's registrable domain (or origin, for exact-origin accounts) it matched. */
  site: string;
  /** The frame that received the digits (0: the top frame). */
  frameId: number;
  /** Digit boxes written: 1 for a single field, N for a split one. */
  boxes: number;
  /** The code had fewer than 5 s left, so the next one was waited for (ms waited). */
  waitedMs: number;
}

/** An export file of any format the extension imports (docs/transfer.md): a path, or its bytes. */
export type ExportFile = string | { bytes: Uint8Array; name?: string };

export interface ProvisionOptions {
  /**
   * The vault's password. A new vault is created with it (the extension's password
   * policy applies); an existing locked vault is unlocked with it.
   */
  password: string;
  /** otpauth:// links to add. */
  links?: AccountLink[];
  /** An export file to import (2FAS, Aegis, andOTP, Bitwarden, Google migration, …). */
  file?: ExportFile;
  /** The export file's own password, if it is encrypted. */
  filePassword?: string;
}
