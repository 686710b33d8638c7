package ingest

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite generated files: corpus/variant-word.docx")

// variantWordPath is the Word sample in the project's corpus, generated from variantWord.
var variantWordPath = filepath.Join("..", "..", "corpus", "variant-word.docx")

// variantWordGold is the hand-written gold annotation of that sample.
var variantWordGold = filepath.Join("..", "..", "testdata", "gold", "variant-word.json")

// variantWord is a short bulletin written for the project (not taken from any site): a title
// split over two paragraphs, headings numbered by Word's list numbering (一、 （一） 1.), three
// 针对“…”问题 problems with 一是/二是 measures, declared totals and a contact line.
var variantWord = docxSpec{
	Numbering: bulletinNumbering,
	Paras: []docxPara{
		{Text: "中共青禾县农业农村局党组"},
		{Text: "关于县委巡察整改进展情况的通报"},
		{Text: "根据县委统一部署，2024年3月11日至5月10日，县委第二巡察组对县农业农村局党组进行了巡察。2024年6月18日，巡察组向局党组反馈了巡察意见。按照巡察工作有关要求，现将巡察整改进展情况予以公布。"},
		{Text: "压实整改责任，推动巡察整改落地见效", NumID: 1, Level: 0},
		{Text: "局党组把巡察整改作为重大政治任务，成立由党组书记任组长的整改工作领导小组，召开专题会议4次，逐条研究整改措施。截至2024年9月30日，巡察反馈的3个具体问题，已完成整改2个，正在整改1个；制定的11项整改措施，已完成9项。"},
		{Text: "巡察反馈问题整改落实情况", NumID: 1, Level: 0},
		{Text: "关于“落实党中央决策部署”方面", NumID: 1, Level: 1},
		{Text: "关于“耕地保护责任落实不到位”问题整改情况", NumID: 1, Level: 2},
		{Text: "针对“乡镇耕地保护巡查流于形式，发现问题后跟踪督办不及时”问题。一是建立乡镇耕地保护网格巡查制度，明确每个网格的巡查人员和巡查频次，已开展巡查136次。二是对巡查发现的问题建立台账，实行销号管理，已督办整改问题21个。"},
		{Text: "关于“高标准农田建设管护机制不健全”问题整改情况", NumID: 1, Level: 2},
		{Text: "针对“高标准农田建成后管护责任不明确，部分灌排设施损坏未及时修复”问题。一是制定高标准农田管护办法，将管护责任落实到村组和经营主体。二是安排管护资金35.6万元，修复灌排沟渠23处。三是将管护情况纳入对乡镇的年度考核。"},
		{Text: "关于“落实全面从严治党责任”方面", NumID: 1, Level: 1},
		{Text: "关于“专项资金管理不规范”问题整改情况", NumID: 1, Level: 2},
		{Text: "针对“个别项目资金拨付审核把关不严，报账资料不完整”问题。一是修订局机关财务管理制度，明确项目资金拨付的审核流程。二是对2021年以来的18个项目报账资料进行全面清理，补齐资料缺失的项目7个。该问题正在整改，计划于2024年12月底前完成。"},
		{Text: "下一步工作打算", NumID: 1, Level: 0},
		{Text: "局党组将持续巩固整改成果，对尚未完成的整改任务紧盯不放，确保按期完成。"},
		{Text: "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。联系电话：0731-84561234；通信地址：青禾县人民路88号县农业农村局办公室；邮编：410600；电子邮箱：qhxnyjxc@163.com。"},
	},
}

// TestVariantWord checks corpus/variant-word.docx: it is what variantWord builds (regenerate
// with go test ./internal/ingest -run VariantWord -update), it reads back with the Word list
// markers, and its gold annotation matches the text.
func TestVariantWord(t *testing.T) {
	want, err := buildDocx(variantWord)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(variantWordPath, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(variantWordPath)
	if err != nil {
		t.Fatalf("%v (run with -update to generate it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from what variantWord builds; run with -update", variantWordPath)
	}

	doc, err := Read(variantWordPath, got)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != FormatDocx || doc.Encoding != EncUTF8 {
		t.Errorf("format %q encoding %q", doc.Format, doc.Encoding)
	}
	if want := "中共青禾县农业农村局党组关于县委巡察整改进展情况的通报"; doc.Title != want {
		t.Errorf("title %q, want %q", doc.Title, want)
	}
	wantParas := []string{
		"根据县委统一部署，",
		"一、压实整改责任，推动巡察整改落地见效",
		"局党组把巡察整改作为重大政治任务，",
		"二、巡察反馈问题整改落实情况",
		"（一）关于“落实党中央决策部署”方面",
		"1.关于“耕地保护责任落实不到位”问题整改情况",
		"针对“乡镇耕地保护巡查",
		"2.关于“高标准农田建设管护机制不健全”问题整改情况",
		"针对“高标准农田",
		"（二）关于“落实全面从严治党责任”方面",
		"3.关于“专项资金管理不规范”问题整改情况",
		"针对“个别项目",
		"三、下一步工作打算",
		"局党组将持续巩固整改成果",
		"欢迎广大干部群众",
	}
	if len(doc.Paragraphs) != len(wantParas) {
		t.Fatalf("%d paragraphs, want %d:\n%s", len(doc.Paragraphs), len(wantParas), strings.Join(doc.Paragraphs, "\n"))
	}
	for i, w := range wantParas {
		if !strings.HasPrefix(doc.Paragraphs[i], w) {
			t.Errorf("paragraph %d = %q, want prefix %q", i, doc.Paragraphs[i], w)
		}
	}

	// The gold annotation: its headings and problems are in the text read.
	var gold struct {
		Headings []struct {
			Level  int    `json:"level"`
			Marker string `json:"marker"`
			Text   string `json:"text"`
		} `json:"headings"`
		Problems       []string `json:"problems"`
		MeasureMarkers int      `json:"measure_markers"`
		Truncated      bool     `json:"truncated"`
	}
	b, err := os.ReadFile(variantWordGold)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatalf("%s: %v", variantWordGold, err)
	}
	all := strings.Join(doc.Paragraphs, "\n")
	for _, h := range gold.Headings {
		if !strings.Contains("\n"+all+"\n", "\n"+h.Marker+h.Text+"\n") {
			t.Errorf("gold heading %q%q is not a paragraph of the document", h.Marker, h.Text)
		}
	}
	for _, p := range gold.Problems {
		if !strings.Contains(all, "针对“"+p+"”问题") {
			t.Errorf("gold problem %q not found", p)
		}
	}
	markers := 0
	for _, m := range []string{"一是", "二是", "三是", "四是"} {
		markers += strings.Count(all, m)
	}
	if markers != gold.MeasureMarkers {
		t.Errorf("text has %d measure markers, gold says %d", markers, gold.MeasureMarkers)
	}
}
