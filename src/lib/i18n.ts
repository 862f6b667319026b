/** The site's two languages. zh-CN is served at /, English under /en/. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Interface strings. Copy that belongs to one page lives in content/, not here. */
const zh = {
  'site.name': '反诈提醒',
  'site.tagline': '上海常见电信网络诈骗：怎么认，怎么防，被骗了怎么办',
  'site.skip': '跳到正文',
  'nav.label': '主导航',
  'nav.home': '首页',
  'nav.scams': '诈骗类型',
  'nav.audiences': '你是谁',
  'nav.report': '被骗了怎么办',
  'nav.stats': '数据',
  'nav.news': '预警与动态',
  'lang.switch': 'English',
  'lang.switchLabel': 'Read this page in English',
  'hotline.lead': '被骗或拿不准？',
  'hotline.call': '立即拨打',
  'hotline.number110': '110',
  'hotline.note110': '报警电话',
  'hotline.number96110': '96110',
  'hotline.note96110': '全国反诈预警劝阻专线。96110 打来，是在提醒你可能正在被骗，请一定接听。',
  'hotline.short96110': '96110 来电是预警，请接听',
  'hotline.title': '报警求助',
  'hotline.firstSteps': '钱已转出？先看前十分钟该做什么',
  'article.updated': '更新于',
  'article.redFlags': '遇到这些，就是诈骗',
  'article.channels': '常见渠道',
  'article.atRisk': '最容易被盯上',
  'article.sources': '信息来源',
  'article.related': '相关人群的提醒',
  'article.relatedScams': '相关诈骗类型',
  'article.print': '本页地址',
  'article.breadcrumb': '位置',
  'channel.network': '网络',
  'channel.phone': '电话',
  'channel.sms': '短信',
  'script.scammer': '骗子',
  'script.victim': '受害人',
  'script.flag': '危险信号',
  'script.label': '骗局对话',
  'figure.source': '来源',
  'figure.more': '查看全部数据',
  'home.title': '反诈提醒：认清骗局，守住钱袋',
  'home.description': '上海最常见的七类电信网络诈骗：骗子怎么说、怎么识破、被骗后前十分钟怎么办。报警请拨 110。',
  'home.heroTitle': '接到可疑电话或消息？先停下，别转账。',
  'home.heroText': '任何要你转账、给验证码、开屏幕共享的人，都先当作骗子。拿不准就拨 110 问一问。',
  'home.heroReport': '钱已经转出去了',
  'home.scamsTitle': '七类常见骗局',
  'home.audiencesTitle': '你是谁？看写给你的提醒',
  'home.factsTitle': '警方通报的数字',
  'home.factsMore': '查看全部数据和图表',
  'home.newsTitle': '最新预警与动态',
  'home.newsMore': '全部预警与动态',
  'scams.title': '七类常见电信网络诈骗',
  'scams.description': '网购、网贷、刷单兼职、假冒客服、假冒熟人领导、网恋杀猪盘、假冒公检法：每类骗局的话术、破绽和应对。',
  'scams.lead': '上海警方通报：网购、网贷、兼职、假冒客服、假冒QQ微信熟人、网恋这 6 类案件占发案总数的 81.3%。先认清它们。',
  'audiences.title': '按人群看提醒',
  'audiences.description': '企业财务人员、贷款的市民、在校学生和老年人：各自最常遇到的骗局和该怎么防。',
  'audiences.lead': '不同的人，遇到的骗局不一样。找到你自己，再看对应的提醒。',
  'audiences.matrixTitle': '骗局与人群对照表',
  'audiences.matrixCaption': '行是诈骗类型，列是人群。打勾的格子有针对这类人群的提醒，点击即可阅读。',
  'audiences.matrixScam': '诈骗类型',
  'audiences.matrixYes': '有提醒',
  'audiences.matrixNo': '暂无专门提醒',
  'stats.title': '数据：上海警方通报的电信网络诈骗数字',
  'stats.description': '上海警方通报的全部数字：诈骗渠道占比、六类案件占比、“三降两升”、12月变化、返还资金和预警劝阻，每个数字都附原文。',
  'stats.lead': '以下每个数字都来自上海警方新闻通气会的通报，并附上原文。统计期为通报当年 1 月 1 日至 12 月 25 日，另有说明的除外。',
  'stats.table': '数据表',
  'stats.figure': '数字',
  'stats.item': '项目',
  'stats.quote': '原文',
  'stats.channels': '诈骗从哪里来：接报既遂案件的渠道',
  'stats.shares': '六类案件占了大头',
  'stats.year': '全年“三降两升”（同比）',
  'stats.december': '12月1日至25日（同比）',
  'stats.money': '被骗资金返还',
  'stats.warnings': '预警劝阻',
  'stats.finance': '企业财务人员预警（12月1日至25日）',
  'stats.campaign': '防范宣传',
  'stats.rest': '其余',
  'stats.down': '下降',
  'stats.up': '上升',
  'news.title': '预警与动态',
  'news.description': '电信网络诈骗预警和反诈宣传动态，可用 RSS 订阅。',
  'news.rss': 'RSS 订阅',
  'news.kind.alert': '预警',
  'news.kind.news': '动态',
  'news.published': '发布于',
  'report.title': '被骗了或拿不准：前十分钟怎么做',
  'notFound.title': '找不到这个页面',
  'notFound.description': '这个地址没有内容。可以从首页或诈骗类型列表重新找起。',
  'notFound.text': '地址可能输错了，或者页面已经搬走。',
  'notFound.home': '回到首页',
  'notFound.scams': '看七类常见骗局',
  'footer.sources': '信息来源',
  'footer.about': '本站内容依据上海警方公开通报整理。本站不收集个人信息，不使用 Cookie，不做访问统计。',
  'footer.feeds': 'RSS 订阅',
  'footer.emergency': '遇到诈骗，拨打 110 报警。',
  'date.locale': 'zh-CN',
} as const;

export type StringKey = keyof typeof zh;

const en: Record<StringKey, string> = {
  'site.name': 'Scam Alert Shanghai',
  'site.tagline': 'Common phone and online scams in Shanghai: spot them, stop them, and act fast if you are caught',
  'site.skip': 'Skip to content',
  'nav.label': 'Main',
  'nav.home': 'Home',
  'nav.scams': 'Scam types',
  'nav.audiences': 'Who you are',
  'nav.report': 'Been scammed?',
  'nav.stats': 'Figures',
  'nav.news': 'Alerts and news',
  'lang.switch': '中文',
  'lang.switchLabel': '阅读本页中文版',
  'hotline.lead': 'Scammed, or not sure?',
  'hotline.call': 'Call',
  'hotline.number110': '110',
  'hotline.note110': 'police emergency',
  'hotline.number96110': '96110',
  'hotline.note96110': 'is the national anti-fraud warning line. A call from 96110 means you may be being scammed right now: always answer it.',
  'hotline.short96110': 'A call from 96110 is a warning: answer it',
  'hotline.title': 'Get help',
  'hotline.firstSteps': 'Money gone? What to do in the first ten minutes',
  'article.updated': 'Updated',
  'article.redFlags': 'If you see these, it is a scam',
  'article.channels': 'Usually comes by',
  'article.atRisk': 'Most often targeted',
  'article.sources': 'Sources',
  'article.related': 'Advice for these groups',
  'article.relatedScams': 'Related scam types',
  'article.print': 'This page',
  'article.breadcrumb': 'You are here',
  'channel.network': 'internet',
  'channel.phone': 'phone call',
  'channel.sms': 'text message',
  'script.scammer': 'Scammer',
  'script.victim': 'Victim',
  'script.flag': 'Red flag',
  'script.label': 'How the conversation goes',
  'figure.source': 'Source',
  'figure.more': 'See all the figures',
  'home.title': 'Scam Alert Shanghai: know the scams, keep your money',
  'home.description': 'The seven most common phone and online scams in Shanghai: what scammers say, how to see through them, and the first ten minutes if you have paid. Call 110.',
  'home.heroTitle': 'A suspicious call or message? Stop. Do not transfer money.',
  'home.heroText': 'Treat anyone who asks you to transfer money, read out a verification code or share your screen as a scammer. Not sure? Call 110 and ask.',
  'home.heroReport': 'I have already paid',
  'home.scamsTitle': 'Seven common scams',
  'home.audiencesTitle': 'Who are you? Advice written for you',
  'home.factsTitle': 'The police figures',
  'home.factsMore': 'All figures and charts',
  'home.newsTitle': 'Latest alerts and news',
  'home.newsMore': 'All alerts and news',
  'scams.title': 'Seven common phone and online scams',
  'scams.description': 'Online shopping, online loans, fake part-time jobs, fake customer service, impersonated contacts and bosses, romance scams and fake police: how each one goes and how to respond.',
  'scams.lead': 'Shanghai police report that six kinds of case (online shopping, online loans, part-time jobs, fake customer service, impersonated QQ/WeChat contacts and online romance) make up 81.3% of all cases. Learn them first.',
  'audiences.title': 'Advice by group',
  'audiences.description': 'Company finance staff, residents taking out loans, students and older people: the scams each group meets most and how to guard against them.',
  'audiences.lead': 'Different people meet different scams. Find your group, then read the advice for it.',
  'audiences.matrixTitle': 'Scams and groups at a glance',
  'audiences.matrixCaption': 'Rows are scam types, columns are groups. A ticked cell has advice for that group: select it to read.',
  'audiences.matrixScam': 'Scam type',
  'audiences.matrixYes': 'Advice available',
  'audiences.matrixNo': 'No specific advice',
  'stats.title': 'Figures: phone and online fraud in Shanghai, from the police',
  'stats.description': 'Every figure from the Shanghai police briefing: channels, the six main categories, three down and two up, December, money returned and warnings, each with the original sentence.',
  'stats.lead': 'Every figure below comes from a Shanghai police press briefing and is shown with the original sentence. Figures cover 1 January to 25 December of the year reported, unless stated otherwise.',
  'stats.table': 'Data table',
  'stats.figure': 'Figure',
  'stats.item': 'Item',
  'stats.quote': 'Original text',
  'stats.channels': 'Where scams come from: completed frauds reported, by channel',
  'stats.shares': 'Six categories make up most of it',
  'stats.year': 'The year: three down, two up (year on year)',
  'stats.december': '1 to 25 December (year on year)',
  'stats.money': 'Stolen money returned',
  'stats.warnings': 'Warnings',
  'stats.finance': 'Warnings to company finance staff (1 to 25 December)',
  'stats.campaign': 'Public awareness',
  'stats.rest': 'Others',
  'stats.down': 'down',
  'stats.up': 'up',
  'news.title': 'Alerts and news',
  'news.description': 'Scam alerts and anti-fraud campaign news, with an RSS feed.',
  'news.rss': 'RSS feed',
  'news.kind.alert': 'Alert',
  'news.kind.news': 'News',
  'news.published': 'Published',
  'report.title': 'Scammed or not sure: the first ten minutes',
  'notFound.title': 'Page not found',
  'notFound.description': 'There is nothing at this address. Start again from the home page or the list of scams.',
  'notFound.text': 'The address may be mistyped, or the page has moved.',
  'notFound.home': 'Go to the home page',
  'notFound.scams': 'See the seven common scams',
  'footer.sources': 'Sources',
  'footer.about': 'This site is based on public statements by the Shanghai police. It collects no personal data, sets no cookies and does no tracking.',
  'footer.feeds': 'RSS feed',
  'footer.emergency': 'If you meet a scam, call 110.',
  'date.locale': 'en-GB',
};

const STRINGS: Record<Locale, Record<StringKey, string>> = { 'zh-CN': zh, en };

/** The interface string `key` in `locale`. */
export function t(locale: Locale, key: StringKey): string {
  return STRINGS[locale][key];
}

/** Every key of one locale, for the test that keeps zh and en in step. */
export function stringKeys(locale: Locale): string[] {
  return Object.keys(STRINGS[locale]).sort();
}

/** The value of a bilingual data field ({zh, en}) in `locale`. */
export function pick(text: { zh: string; en: string }, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh;
}

/** The `lang` attribute for a locale. */
export function htmlLang(locale: Locale): string {
  return locale;
}

/** The colon after a label: full-width in Chinese, “: ” in English. */
export function colon(locale: Locale): string {
  return locale === 'en' ? ': ' : '：';
}

/** The separator between items of an inline list: 、 in Chinese, “, ” in English. */
export function listSep(locale: Locale): string {
  return locale === 'en' ? ', ' : '、';
}

/** A note in brackets after a label: （…） in Chinese, “ (…)” in English. */
export function bracket(text: string, locale: Locale): string {
  return locale === 'en' ? ` (${text})` : `（${text}）`;
}
