/**
 * Known trackers, in one place: query parameters that only identify a campaign or a click,
 * and image hosts whose pictures are counters rather than content. Keep the lists short and
 * certain: a parameter wrongly listed here would merge two different articles into one dedup key.
 * Sources: miniflux internal/reader/urlcleaner, Firefox query stripping, Brave's query filter.
 */

/** Parameter name prefixes (matched lower-cased): Google Analytics `utm_*`, Matomo `mtm_*`. */
export const TRACKING_PARAM_PREFIXES: readonly string[] = ['utm_', 'mtm_'];

/** Exact parameter names (matched lower-cased). */
export const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  // Facebook
  'fbclid', 'fb_action_ids', 'fb_action_types', 'fb_ref', 'fb_source',
  // Google Ads / Analytics
  'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'srsltid',
  // Microsoft, Yandex, Twitter, Instagram
  'msclkid', 'yclid', 'ysclid', '_openstat', 'twclid', 'igshid',
  // Mailchimp
  'mc_cid', 'mc_eid', 'mc_tc',
  // HubSpot, Marketo, Adobe, Vero, Olytics, Wicked Reports, Beehiiv
  '_hsenc', '_hsmi', '__hssc', '__hstc', '__hsfp', 'hsctatracking',
  'mkt_tok', 'sc_cid', 'vero_id', 'vero_conv', 'oly_anon_id', 'oly_enc_id', 'rb_clickid',
  'wickedid', '_bhlid',
]);

/** True when a query parameter name (raw or percent-encoded) is a known tracker. */
export function isTrackingParam(name: string): boolean {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    // A malformed escape is not a tracker name we know; compare it raw.
  }
  const lower = decoded.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PARAM_PREFIXES.some((p) => lower.startsWith(p));
}

/** Hosts that serve counting pixels, never article pictures. */
export const TRACKER_IMAGE_HOSTS: ReadonlySet<string> = new Set([
  'pixel.wp.com',
  'stats.wordpress.com',
  'www.google-analytics.com',
  'google-analytics.com',
  'pixel.quantserve.com',
  'sb.scorecardresearch.com',
  'b.scorecardresearch.com',
  'www.facebook.com', // facebook.com/tr?id=… (the Meta pixel)
  'feeds.feedburner.com', // only its /~r/ and /~ff/ paths, see below
]);

/** True when an absolute image URL points at a known tracker. */
export function isTrackerImage(src: string): boolean {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  if (!TRACKER_IMAGE_HOSTS.has(host)) return false;
  // FeedBurner serves real feeds too; only its per-item counters (/~r/) and "flare" buttons (/~ff/) are pixels.
  if (host === 'feeds.feedburner.com') return /^\/~(r|ff)\//.test(url.pathname);
  if (host === 'www.facebook.com') return url.pathname === '/tr' || url.pathname === '/tr/';
  return true;
}
