import type { PosterWords } from '../../src/lib/poster/layout';

/** Poster words for one scam page, in both languages, as the build gathers them. */
export const zh: PosterWords = {
  lang: 'zh',
  kicker: '反诈提醒',
  title: '假冒公检法：电话里“办案”要你转账的，都是骗子',
  flagsHeading: '识破骗局',
  flags: ['来电说你涉嫌洗钱，或包裹里有违禁品', '电话被“转接”给自称警官、检察官的人', '让你上网查看自己的“通缉令”“逮捕令”'],
  rulesHeading: '防骗提醒',
  rules: ['不转账 催得越急越要停', '验证码 不告诉任何人', '不开屏幕共享'],
  callLead: '被骗或拿不准？立即拨打',
  callNote: '报警电话',
  warn96110: '96110 来电要接听，照劝阻做，不转账',
  scan: '扫码看完整提醒',
  url: 'https://www.example.com/scams/impersonating-authorities/',
};
export const en: PosterWords = {
  ...zh,
  lang: 'en',
  kicker: 'Scam Alert Shanghai',
  title: 'Fake police: anyone who “handles a case” by phone and wants money is a scammer',
  flagsHeading: 'Spot the scam',
  flags: ['A caller says you are linked to money laundering', 'The call is “transferred” to a police officer', 'You are told to look up your own “arrest warrant” online'],
  rulesHeading: 'Stop scams',
  rules: ['Don’t transfer. The more they rush, the more you stop', 'Never tell anyone a verification code', 'Never share your screen'],
  callLead: 'Scammed, or not sure? Call',
  callNote: 'police emergency',
  warn96110: '96110 calling? Answer, do as it warns, transfer nothing',
  scan: 'Scan for the full advice',
  url: 'https://www.example.com/en/scams/impersonating-authorities/',
};
