import iconv from 'iconv-lite';

/**
 * Guess the charset of bytes that are not valid UTF-8 and carry no usable declaration.
 * samizdat follows Chinese-language news, so the candidates are GB18030 (mainland; a
 * superset of GB2312/GBK) and Big5-HKSCS (Taiwan, Hong Kong). Each is tried and scored by the
 * share of decoded characters among the most frequent Chinese characters (simplified and
 * traditional forms): the right table gives a text in which a few hundred characters make up
 * most of the running text; the wrong one scatters over the whole repertoire and scores near
 * zero. Japanese and Korean legacy bytes are not guessed: such feeds need an `encoding`.
 */
export interface CharsetGuess {
  readonly charset: 'gb18030' | 'big5hkscs';
  /** Share of decoded non-ASCII characters that are common Chinese characters, 0..1. */
  readonly score: number;
}

/** At most this much is scored: enough text to decide, bounded cost on a 20 MB body. */
const SAMPLE_BYTES = 64 * 1024;
const MIN_HITS = 2;

export function guessChineseCharset(bytes: Uint8Array): CharsetGuess | undefined {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const gb = score(iconv.decode(sample, 'gb18030'));
  const big5 = score(iconv.decode(sample, 'big5hkscs'));
  const best = gb.ratio >= big5.ratio ? { charset: 'gb18030' as const, ...gb } : { charset: 'big5hkscs' as const, ...big5 };
  if (best.hits < MIN_HITS) return undefined;
  return { charset: best.charset, score: best.ratio };
}

/**
 * Shape of the non-ASCII bytes: share of them that come as pairs of high bytes, as double-byte
 * Chinese does (GB2312 uses 0xA1–0xFE for both bytes). Latin-1 text has lone high bytes
 * between ASCII letters and scores low.
 */
export function doubleByteShare(bytes: Uint8Array): number {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let high = 0;
  let paired = 0;
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i]!;
    if (byte < 0x80) continue;
    const next = sample[i + 1] ?? 0;
    if (byte >= 0x81 && next >= 0xa1 && next <= 0xfe) {
      high += 2;
      paired += 2;
      i++;
    } else {
      high++;
    }
  }
  return high === 0 ? 0 : paired / high;
}

function score(text: string): { hits: number; ratio: number } {
  let nonAscii = 0;
  let hits = 0;
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    if (COMMON.has(char)) hits++;
  }
  return { hits, ratio: nonAscii === 0 ? 0 : hits / nonAscii };
}

// The ~200 most frequent characters of modern written Chinese, then the traditional forms
// of those that differ, then full-width punctuation (frequent, and table-specific too).
const COMMON = new Set(
  (
    '，。、：；？！「」《》（）“”…' +
    '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基非则白界达光放强即难且权思王完设式路记南品住告类求据程北边死张该交规万取格望觉术领共确传师观清今切院让识候带导争运笑风步改收根造言联持组每济车亲极林服快办议往元英士证近失转令准布始存未远台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功包片史委查轻易早曾除农找装广显李标谈图念六引历首医局突专费号另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划致陈律足态护七兴派孩验责营星章音跟志底站严例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值男钱破网热助育属坐帝限船速刻乐否刚威毛状率独球般普怕校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村策演简罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮胜降阶审沉坚善读超免压银买皇养怀执副乱抗犯追帮宣佛岁航优香著田铁控税左右份穿艺背阵草脚概恶块敢守酒岛托央户烈洋哥索款靠评版宝座释景顾弟登货互付慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨板庭妇归饭额含顺输招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵' +
    '這個們來為國說時會對於著過發後裡經麼學現當沒動還進樣開從實軍無與長機關點業將兩間問應戰頭體見產話給門兒東聲員論處義幾認條氣題別變總電數報結務場計資許統區隊決馬書則聽卻達強難權記類據邊張該規萬覺術領確傳師觀讓識帶導爭運飛風幹聯組濟車親極辦議證轉準遠單羅愛擊備連調質團價黨華級離況亞請際約復線斷滿視須寫稱農裝廣顯標談圖歷醫專費號盡較語僅隨選紅響雖勢參眾構節維劃敵陳態護興驗責營夠嚴續講終緊黃絕圍織鬥雙紀採舉殺蘇訴細願錢網熱屬臉職樂剛狀獨彈創錯蘭試腦預誰陽繼驚傷藥適陸習勞財環納歡獲負雲龍樹層衝範異漢簡擔靜積餘檢靈協勝階審堅媽劉讀壓銀買養懷執亂幫歲優鐵稅藝陣腳惡塊頓島戶寶釋顧貨歐換聞壞討麗監臨舊錄葉鄉禮婦歸飯額順輸搖脫補謂療澤滅筆鮮詞聖擇尋廠煙諾倫奧賣載宮陰園謀榮孫頂鎮練爺館礎寧紙諸訓莊絲戲隱訪軟薩盤擴蓋穩億擁楊齊賽虛購揚綠貿畢輪庫跡競棄偉緩潛閃燈針絡純頁傑築鄭貝吳圓擺毀趙臺灣'
  ).split(''),
);
