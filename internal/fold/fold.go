// Package fold maps bulletin text to a canonical form rune for rune, so that patterns are
// written once and offsets found in the folded text are offsets in the original too.
//
// Folding turns full-width ASCII (１２３ＡＢ，：（）％) into ASCII, the ideographic space into a
// space, quote variants (「」『』〝〞﹃﹄＂) into “” ‘’ ", and traditional characters common in
// bulletins (針對、問題、巡視組、進展) into simplified ones. It never changes the rune count:
// len([]rune(String(s))) == len([]rune(s)) for every s, which the tests check.
// Text that must be reported as written (quotes, titles) is cut from the original at the
// offsets found in the folded text.
package fold

import (
	"strings"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/runes"
)

// Rune folds one rune.
func Rune(r rune) rune {
	if r < utf8.RuneSelf {
		return r
	}
	if r < 0x10000 {
		if f := table[r]; f != 0 {
			return rune(f)
		}
		return r
	}
	return r
}

// table holds the folded form of every BMP rune that folding changes (0: unchanged), so that
// Rune costs one load; it is built once from the rules in ruleOf.
var table = func() *[0x10000]uint16 {
	var t [0x10000]uint16
	set := func(r rune) {
		if f := ruleOf(r); f != r {
			t[r] = uint16(f)
		}
	}
	for r := rune(0xFF01); r <= 0xFF5E; r++ {
		set(r)
	}
	for _, r := range []rune{0x3000, 0x00A0, 0x2002, 0x2003, 0x2009, 0x200B, 0xFEFF} {
		set(r)
	}
	for r := range quotes {
		set(r)
	}
	for r := range simplified {
		set(r)
	}
	return &t
}()

// ruleOf is the folding rule itself: full-width ASCII, spaces, quote variants, traditional
// characters. Every rune it changes is in the BMP and maps into the BMP.
func ruleOf(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII block
		r = r - 0xFF01 + 0x21
		if r == '"' {
			return '"'
		}
		return r
	case r == 0x3000 || r == 0x00A0 || r == 0x2002 || r == 0x2003 || r == 0x2009 || r == 0x200B || r == 0xFEFF:
		return ' '
	}
	if f, ok := quotes[r]; ok {
		return f
	}
	if f, ok := simplified[r]; ok {
		return f
	}
	return r
}

// changes is the set of BMP runes folding changes, a bit each (table[r] != 0), so that String
// tests a rune against 8 KB rather than the 128 KB table.
var changes = func() *[0x10000 / 64]uint64 {
	var c [0x10000 / 64]uint64
	for r, f := range table {
		if f != 0 {
			c[r>>6] |= 1 << (r & 63)
		}
	}
	return &c
}()

// Changes returns the set of BMP runes that folding changes, the bit r&63 of word r>>6 for rune
// r, for a scanner that tests many runes in line (8 KB, where Rune reads a table of 128 KB). The
// set is shared: the caller must not write to it.
func Changes() *[0x10000 / 64]uint64 { return changes }

// folds reports whether folding changes r (r >= utf8.RuneSelf).
func folds(r rune) bool {
	return r < 0x10000 && changes[r>>6]&(1<<(r&63)) != 0
}

// String folds s rune for rune. Invalid UTF-8 bytes become U+FFFD, one rune each, exactly as
// a range loop over s counts them, so rune offsets still agree. Text that folding leaves as it
// is comes back as it is, without a copy; otherwise the runs between changed runes are copied
// whole.
func String(s string) string {
	i := Unchanged(s)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	WriteFrom(&b, s, i)
	return b.String()
}

// Unchanged returns the length in bytes of the prefix of s that folding leaves as it is: len(s)
// when String(s) is s.
func Unchanged(s string) int {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if r, ok := rune3At(s, i, c); ok { // CJK and full-width text, decoded inline
			if changes[r>>6]&(1<<(r&63)) != 0 {
				break
			}
			i += 3
			continue
		}
		r, n := runes.DecodeAt(s, i)
		if r == utf8.RuneError && n == 1 || folds(r) {
			break
		}
		i += n
	}
	return i
}

// rune3At is runes.Rune3 for a lead byte c = s[i] the caller has read, written out in the
// scanning loops of Unchanged and WriteFrom, where the call costs more than the decoding.
func rune3At(s string, i int, c byte) (rune, bool) {
	if c-0xE1 > 0xEF-0xE1 || c == 0xED || i+2 >= len(s) {
		return 0, false
	}
	b1, b2 := s[i+1], s[i+2]
	if b1&0xC0 != 0x80 || b2&0xC0 != 0x80 {
		return 0, false
	}
	return rune(c&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F), true
}

// WriteFrom writes String(s) to b, given that folding leaves s[:i] as it is (i <= Unchanged(s),
// at a rune boundary): a caller that folds many texts writes them into one buffer. At most 2
// bytes more than len(s) are written for each invalid byte of s (it becomes U+FFFD), none for
// valid text.
func WriteFrom(b *strings.Builder, s string, i int) {
	run := 0 // start of the run of unchanged bytes not yet written
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, ok := rune3At(s, i, c)
		n := 3
		if ok {
			if changes[r>>6]&(1<<(r&63)) == 0 {
				i += 3 // the common case: a 3-byte rune folding leaves as it is
				continue
			}
		} else {
			r, n = runes.DecodeAt(s, i)
		}
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteString(s[run:i])
			b.WriteRune(utf8.RuneError)
		case folds(r):
			b.WriteString(s[run:i])
			if f := rune(table[r]); f < utf8.RuneSelf {
				b.WriteByte(byte(f))
			} else {
				b.WriteRune(f)
			}
		default:
			i += n
			continue
		}
		i += n
		run = i
	}
	b.WriteString(s[run:])
}

// quotes maps quotation mark variants to the marks patterns are written with.
var quotes = map[rune]rune{
	'「': '“', '」': '”', // corner brackets, used as double quotes in traditional text
	'『': '‘', '』': '’',
	'〝': '“', '〞': '”', '〟': '”',
	'﹃': '“', '﹄': '”',
	'＂': '"',
	'‟': '“', '„': '“',
	'‛': '‘',
}

// simplified maps traditional characters that appear in bulletins to their simplified forms.
// It is built from pairs (traditional, simplified); only one-to-one mappings are listed, so the
// rune count never changes.
var simplified = func() map[rune]rune {
	const pairs = "" +
		"針针對对問问題题關关於于視视組组進进饋馈見见據据統统責责會会黨党員员設设這这個个們们時时為为與与學学習习" +
		"國国際际團团專专項项條条萬万億亿點点幾几兩两餘余並并後后開开陳陈實实現现將将級级長长書书記记處处區区縣县" +
		"鎮镇鄉乡農农業业機机構构體体務务財财資资產产經经濟济歷历標标準准規规範范決决議议領领導导幹干選选動动況况" +
		"報报達达發发佈布辦办圍围權权紀纪檢检監监審审計计醫医協协館馆廳厅電电話话郵邮編编聯联繫系網网頁页數数" +
		"圓圆錢钱額额費费稅税銀银貸贷險险職职稱称質质樣样載载傳传約约帶带講讲論论識识認认堅坚維维護护確确還还" +
		"讓让從从來来應应該该徹彻戰战強强調调嚴严肅肃紮扎盡尽邊边歸归檔档頓顿讀读寫写聽听說说請请謝谢隊队總总" +
		"結结緊紧續续織织紅红線线純纯給给絕绝繼继綜综緣缘練练細细終终絡络紹绍義义親亲歲岁齡龄" +
		"鬥斗爭争黃黄齊齐僅仅傷伤價价優优儀仪兒儿內内冊册凈净劃划劉刘劍剑勞劳勢势勵励勸劝匯汇華华協协單单衛卫" +
		"歷历廣广廠厂縮缩參参雙双變变敘叙臺台號号員员問问啟启嘆叹園园圖图執执堅坚場场塊块壞坏壓压夢梦夠够奪夺" +
		"奮奋婦妇媽妈孫孙寧宁寶宝審审導导層层屬属歲岁島岛峽峡帥帅師师帳帐幣币帶带幫帮庫库應应廢废彈弹彙汇徑径" +
		"徵征德德態态懷怀戶户據据擁拥擇择擊击擔担擴扩擬拟攜携敵敌斷断於于昇升曆历會会東东楊杨樹树橋桥檔档權权" +
		"歡欢歸归殘残毀毁氣气滅灭漢汉潔洁濫滥灣湾營营環环瑪玛畫画異异療疗盡尽盤盘監监礎础禮礼禍祸積积穩稳窮穷" +
		"競竞筆笔範范築筑糧粮級级紛纷紙纸紐纽級级綠绿緒绪編编績绩縣县罰罚羅罗聖圣聞闻聯联聲声腦脑臨临興兴舉举" +
		"艱艰藝艺蘇苏蘭兰號号蟲虫術术衝冲補补裝装複复覺觉觀观規规視视親亲覽览計计訂订訊讯討讨訓训託托記记訪访" +
		"設设許许診诊証证評评詞词試试詳详誠诚誤误課课調调談谈請请諸诸謀谋講讲謹谨證证識识譯译議议護护讀读變变" +
		"讚赞貢贡負负財财貫贯責责貴贵貿贸費费資资賓宾賠赔賞赏質质購购賽赛贏赢趙赵跡迹踐践車车軍军軟软較较載载" +
		"輔辅輕轻輪轮輸输辦办農农迴回週周遠远遲迟選选遺遗邊边鄰邻醫医釋释針针鈔钞鋼钢錄录錯错鍵键鏈链長长門门" +
		"閉闭開开閒闲間间閣阁閱阅闊阔陣阵陰阴陸陆隊队階阶際际隨随險险隱隐雖虽雜杂雞鸡離离難难電电靈灵韓韩順顺" +
		"須须預预領领頻频顧顾顯显風风飛飞養养館馆馬马駐驻驗验騙骗體体髮发鬧闹魯鲁鮮鲜鳥鸟麗丽麥麦黃黄點点齊齐" +
		"齒齿龍龙龜龟壯壮糾纠紮扎謂谓懲惩腐腐敗败貪贪佔占廉廉潔洁閥阀蓋盖換换損损滯滞漲涨瀆渎獎奖鑑鉴鑒鉴籌筹" +
		"範范剛刚創创劑剂勁劲區区啓启園园夾夹擺摆擾扰攬揽濟济瀏浏灑洒爛烂犧牺獨独獲获琺珐瑣琐睜睁礙碍禦御稅税" +
		"穫获窩窝筍笋簡简籃篮糊糊紀纪約约級级納纳紐纽純纯紗纱紋纹紡纺線线練练組组紳绅細细終终絃弦統统絲丝" +
		"維维綱纲網网緝缉緩缓編编緣缘縛缚縫缝縮缩繁繁織织繕缮繪绘繳缴纏缠續续纜缆罷罢羨羡習习翹翘聰聪肅肃脅胁" +
		"脈脉腳脚膽胆臉脸艦舰莊庄藥药蝦虾衆众裏里製制覆覆訴诉詢询該该誌志認认誘诱語语說说誰谁論论諮咨謝谢" +
		"謠谣譜谱豐丰贊赞趨趋躍跃軌轨轄辖農农適适遞递還还邏逻郵邮鄉乡釐厘鉅巨銷销鋪铺鍊炼鎖锁鎮镇鐘钟鐵铁" +
		"鑄铸鑰钥閘闸闆板闡阐陳陈陽阳隸隶隻只雲云電电霧雾靜静頂顶項项順顺頒颁頓顿頭头題题額额顏颜類类飲饮" +
		"飯饭飾饰餅饼饑饥騰腾驅驱驚惊髒脏鬆松魚鱼鳳凤鹽盐麼么黨党齡龄"
	m := make(map[rune]rune, len(pairs)/6)
	rs := []rune(pairs)
	for i := 0; i+1 < len(rs); i += 2 {
		if rs[i] != rs[i+1] {
			m[rs[i]] = rs[i+1]
		}
	}
	return m
}()
