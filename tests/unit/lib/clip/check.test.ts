import { describe, expect, test } from 'vitest';
import { clipSceneProblems, maskedLinkProblem, maskedNumberProblem, realLookingProblem, sceneCheck } from '../../../../src/lib/clip/check';
import { CLIP_COLOURS, FRAMES, legibilityProblems, MIN_TEXT_PX, sceneFrames, sceneProblems, type ClipScene } from '../../../../src/lib/clip/frame';
import { svgTextTypesetter } from '../../../../src/lib/svg/draw';
import { LAYOUT_MEASURE } from '../../../../src/lib/clip/frame';

const type = svgTextTypesetter(LAYOUT_MEASURE);
/** The corner's lines, as cornerLines() reads them from the 96110 rule. */
const CORNER = ['96110 来电要接听', '照劝阻做 不转账'];

const call = (): ClipScene => ({
  seconds: 8,
  layout: 'call',
  screen: '自称客服来电',
  call: { name: '某平台客服', number: '+00 ···· ····' },
  flags: [{ at: 1, element: 'name', label: '危险！自称客服' }],
});

const scenes: ClipScene[] = [
  call(),
  { seconds: 8, layout: 'chat', screen: '', chat: { title: '交流群', messages: [{ from: 'them', text: '带你稳赚' }, { from: 'me', text: '真的吗？' }] }, flags: [{ at: 3, element: 'message-1', label: '危险！稳赚' }] },
  { seconds: 8, layout: 'sms', screen: '', sms: { sender: '+00 ···· ····', text: '快递丢失，点链接理赔：', link: 'http://***.***/…' }, flags: [{ at: 2, element: 'link', label: '危险！不明链接', mark: 'underline' }] },
  { seconds: 8, layout: 'prompt', screen: '', prompt: { title: '开始共享屏幕？', body: '对方将看到你屏幕上的所有内容。', confirm: '开始', cancel: '取消' }, flags: [{ at: 2, element: 'confirm', label: '危险！别点开始' }] },
  { seconds: 8, layout: 'payment', screen: '', payment: { title: '转账', payee: '安全账户', account: '0000 **** 0000', amount: '¥ 50,000.00', confirm: '确认转账' }, flags: [{ at: 2, element: 'payee', label: '危险！安全账户' }] },
  { seconds: 8, layout: 'document', screen: '', document: { title: '冻结通知', body: '你的账户涉嫌违法，须配合调查。', issuer: '专案组' }, flags: [{ at: 2, element: 'stamp', label: '假公章' }] },
];

describe('phone scenes', () => {
  test.each(scenes.map((s) => [s.layout, s] as const))('a well-formed %s scene passes every check', (_layout, scene) => {
    expect(sceneCheck(scene)).toEqual([]);
  });

  test('a flag at an element the scene does not have names the scene and the field', () => {
    const scene = { ...call(), flags: [{ at: 1, element: 'link', label: '危险！' }] };
    expect(clipSceneProblems([call(), scene])).toEqual(['scenes[1].flags[0].element: a call scene has no element "link" (it has name, number, accept, decline)']);
  });

  test('a chat flag at a message past the last one fails', () => {
    const chat = { ...scenes[1]!, flags: [{ at: 1, element: 'message-3', label: '危险！' }] };
    expect(sceneCheck(chat)[0]).toMatch(/^flags\[0\]\.element: a chat scene has no element "message-3"/);
  });

  test('a flag after the scene ends fails', () => {
    expect(sceneCheck({ ...call(), flags: [{ at: 8, element: 'name', label: '危险！' }] })).toEqual(['flags[0].at: 8 s is outside the 8 s scene']);
  });

  test('an unknown layout fails, naming the layouts there are', () => {
    expect(clipSceneProblems([{ ...call(), layout: 'video' }])).toEqual([
      'scenes[0].layout: unknown layout "video" (known: hook, point, action, call, chat, sms, prompt, payment, document)',
    ]);
  });

  test('a phone scene needs its screen data and a flag; a text scene takes neither', () => {
    expect(sceneCheck({ seconds: 6, layout: 'sms', screen: '', flags: [{ at: 1, element: 'link', label: '危险！' }] })).toEqual(['sms: a sms scene needs its sms screen']);
    expect(sceneCheck({ ...call(), flags: [] })).toEqual(['flags: a call scene rings at least one element']);
    expect(sceneCheck({ seconds: 6, layout: 'point', screen: '先挂断', call: call().call })).toEqual(['call: a point scene draws no call screen']);
  });

  test('text that does not fit its box names the field', () => {
    const long = { ...call(), call: { name: '某某某某某某某某某某某某某某某某某某某某某某某某某某', number: '+00 ···· ····' } };
    expect(sceneCheck(long)).toEqual([expect.stringMatching(/^call\.name: ".*" does not fit in 2 line\(s\) of \d+ px, even at 36 px$/)]);
    const label = { ...call(), flags: [{ at: 1, element: 'name', label: '危险！这个人自称是客服但其实是骗子，不要相信他' }] };
    expect(sceneCheck(label)[0]).toMatch(/^flags\[0\]\.label: .* does not fit/);
  });

  test('too many chat messages for the screen fail at the one that overflows', () => {
    const messages = Array.from({ length: 8 }, (_, i) => ({ from: 'them' as const, text: `第${i}条消息` }));
    expect(sceneCheck({ ...scenes[1]!, chat: { title: '群', messages } })[0]).toMatch(/^chat\.messages\[\d\]\.text: .* does not fit on the screen/);
  });
});

describe('masked fields', () => {
  test.each(['+00 ···· ····', '0000 **** **** 0000', '+00 (000) ····'])('%s is a masked number', (value) => expect(maskedNumberProblem(value)).toBeNull());
  test.each([
    ['+86 138 0013 8000', /looks like a real number/],
    ['+00 0000 0000', /mask at least four/],
    ['客服热线', /must be a masked number/],
  ])('%s is refused', (value, message) => expect(maskedNumberProblem(value)).toMatch(message));

  test.each(['http://***.***/…', 'https://**.***/***'])('%s is a masked link', (value) => expect(maskedLinkProblem(value)).toBeNull());
  test.each(['http://example.com/x', 'http://***.cn/…', 'http://bank-safe.***/…', 'http://./'])('%s is refused', (value) => {
    expect(maskedLinkProblem(value)).toMatch(/must be a masked link/);
  });

  test('free text with a real-looking number, a domain or a brand is refused', () => {
    expect(realLookingProblem('请拨打 400-123-4567')).toMatch(/real phone or account number/);
    expect(realLookingProblem('登录 safe-pay.com 核对')).toMatch(/looks like a domain/);
    expect(realLookingProblem('请加微信')).toMatch(/names 微信/);
    expect(realLookingProblem('先交 000 元')).toBeNull();
    expect(realLookingProblem('保证金 ¥ 5,000')).toBeNull();
  });

  test('the storyboard checks name the field of a bad mask', () => {
    expect(sceneCheck({ ...call(), call: { name: '客服', number: '+86 21 5555 1234' } })).toEqual([
      'call.number: "+86 21 5555 1234" looks like a real number: write digits as 0 and mask the rest with ····',
    ]);
    const sms = { ...scenes[2]!, sms: { sender: '+00 ···· ····', text: '登录 www.safe.top 理赔', link: 'http://refund.***/…' } };
    expect(sceneCheck(sms)).toEqual([
      expect.stringMatching(/^sms\.link: .*must be a masked link/),
      expect.stringMatching(/^sms\.text: .*looks like a domain/),
    ]);
  });
});

describe('legibility', () => {
  test.each(scenes.map((s) => [s.layout, s] as const))('every text of a %s scene is large, contrasted and title-safe', (_layout, scene) => {
    const { texts } = sceneFrames(scene, type, null, 'test', 'landscape', CORNER);
    expect(texts.length).toBeGreaterThan(4);
    expect(legibilityProblems(texts)).toEqual([]);
    expect(Math.min(...texts.map((t) => t.fontSize))).toBeGreaterThanOrEqual(MIN_TEXT_PX);
  });

  test('small, faint or unsafe text is reported', () => {
    const box = { x: 100, y: 100, w: 100, h: 40 };
    expect(legibilityProblems([{ field: 'a', text: 'x', fontSize: 30, fill: '#ffffff', ground: CLIP_COLOURS.point, box }])).toEqual([
      'a: "x" is set at 30 px, at least 33 px (4.5% of the frame height of 720 px) is needed',
    ]);
    expect(legibilityProblems([{ field: 'a', text: 'x', fontSize: 80, fill: '#ffffff', ground: CLIP_COLOURS.point, box }], 'portrait')).toEqual([
      'a: "x" is set at 80 px, at least 87 px (4.5% of the frame height of 1920 px) is needed',
    ]);
    expect(legibilityProblems([{ field: 'b', text: 'y', fontSize: 40, fill: '#b3261e', ground: '#ffffff', box }])[0]).toMatch(/contrast 6\.54:1/);
    expect(legibilityProblems([{ field: 'c', text: 'z', fontSize: 40, fill: '#ffffff', ground: '#000000', box: { ...box, x: 20 } }])[0]).toMatch(/outside the title-safe area/);
  });

  test.each(scenes.map((s) => [s.layout, s] as const))('every text of a %s scene in portrait is 4.5% of 1920 px high, contrasted and title-safe', (_layout, scene) => {
    const { texts } = sceneFrames(scene, type, null, 'test', 'portrait', CORNER);
    expect(texts.length).toBeGreaterThan(4);
    expect(legibilityProblems(texts, 'portrait')).toEqual([]);
    expect(Math.min(...texts.map((t) => t.fontSize))).toBeGreaterThanOrEqual(FRAMES.portrait.minText);
    expect(FRAMES.portrait.minText).toBe(87);
  });

  test('a scene that fits in landscape but not in the shorter portrait phone is reported for portrait', () => {
    const payment = scenes[4]!;
    const noted = { ...payment, payment: { ...payment.payment!, note: '资金清查，核实后原路退回给你' } };
    expect(sceneProblems(noted)).toEqual(['payment: payee, account, amount and note do not fit above the button (portrait)']);
  });

  test('a text scene line wider than the safe area is reported by the scene checks', () => {
    expect(sceneProblems({ seconds: 6, layout: 'hook', screen: 'MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM' })[0]).toMatch(/^screen: .* does not fit/);
  });
});

describe('frames', () => {
  test('hold still between animations, so the renderer rasterises a frame once', () => {
    const frames = sceneFrames(scenes[1]!, type, null, 'test', 'landscape', CORNER);
    expect(frames.frame(0.1)).not.toBe(frames.frame(0.2));
    expect(frames.frame(2)).toBe(frames.frame(2.9));
    // The flag on message-1 appears at 3 s.
    expect(frames.frame(3.1)).not.toBe(frames.frame(2.9));
    expect(frames.frame(3.1)).toContain('危险！稳赚');
    expect(frames.frame(2.9)).not.toContain('危险！稳赚');
  });

  test('draw the site name, the 96110 rule and 报警 110 on every scene, in both orientations', () => {
    for (const scene of [...scenes, { seconds: 6, layout: 'hook', screen: '陌生来电' }]) {
      const svg = sceneFrames(scene, type, 'fz.example', 'test', 'landscape', CORNER).frame(5);
      for (const text of ['反诈提醒 · fz.example', '96110 来电要接听 照劝阻做 不转账', '报警 110']) expect(svg).toContain(`>${text}</text>`);
      const portrait = sceneFrames(scene, type, 'fz.example', 'test', 'portrait', CORNER).frame(5);
      expect(portrait).toContain('width="1080" height="1920"');
      for (const text of ['fz.example', ...CORNER, '报警 110']) expect(portrait).toContain(`>${text}</text>`);
      expect(sceneFrames(scene, type, null, 'test', 'portrait', CORNER).frame(5)).toContain('>反诈提醒 · 上海</text>');
    }
  });

  test('in portrait, a flag’s label lies inside the safe area, clear of the text of the element it flags', () => {
    const fieldOf = (layout: string, element: string) => (element.startsWith('message-') ? `chat.messages[${Number(element.slice(8)) - 1}].text` : `${layout}.${element}`);
    const overlap = (a: { x: number; y: number; w: number; h: number }, b: typeof a) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    let compared = 0;
    for (const scene of scenes) {
      const { texts } = sceneFrames(scene, type, null, 'test', 'portrait', CORNER);
      scene.flags!.forEach((flag, i) => {
        const label = texts.find((t) => t.field === `test.flags[${i}].label`)!;
        expect(legibilityProblems([label], 'portrait')).toEqual([]);
        const target = texts.find((t) => t.field === `test.${fieldOf(scene.layout, flag.element)}`);
        if (!target) return;
        compared++;
        expect(overlap(label.box, target.box), `${scene.layout}: ${flag.label}`).toBe(false);
        // Nor on any other text of the phone or another label.
        const covered = texts.filter((t) => t !== label && !['site name', '96110 line', '110'].includes(t.field) && overlap(label.box, t.box));
        expect(covered.map((t) => t.text), `${scene.layout}: ${flag.label}`).toEqual([]);
      });
    }
    expect(compared).toBeGreaterThanOrEqual(5);
  });

  test('in portrait, a label with no free place on the phone names its field', () => {
    const chat: ClipScene = {
      seconds: 8,
      layout: 'chat',
      screen: '',
      chat: { title: '群', messages: ['一二三四五六七八九十一二三四五六', '一二三四五六七八九十一二三四五六', '一二三四五六七八九十一二三四五六'].map((text) => ({ from: 'them' as const, text })) },
      flags: [1, 2, 3].map((k) => ({ at: k, element: `message-${k}`, label: '危险！这是一条很长的标签文字' })),
    };
    expect(() => sceneFrames(chat, type, null, 'test', 'portrait', CORNER)).toThrow(/^test\.flags\[\d\]\.label: no free place on the portrait phone/);
  });

  test('the portrait corner holds the rule’s two lines; a third fails', () => {
    expect(() => sceneFrames(scenes[0]!, type, null, 'test', 'portrait', [...CORNER, '第三行'])).toThrow(/the portrait corner holds two/);
  });
});
