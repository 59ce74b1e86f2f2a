import CCmark
import Foundation

/// GitHub-flavoured Markdown to HTML with cmark-gfm: tables, footnotes, autolinks, strikethrough, task lists.
///
/// Raw HTML is kept (`CMARK_OPT_UNSAFE`) but the `tagfilter` extension disarms `<script>`, `<iframe>`,
/// `<style>` and the other tags GFM filters; callers that render untrusted markdown sanitise the result.
/// Pass `tagFilter: false` when a sanitiser drops those elements itself (the filter leaves their content
/// visible as text, e.g. a script's code).
public enum Markdown {
    public static func html(_ markdown: String, smartPunctuation: Bool = false, tagFilter: Bool = true) -> String {
        cmark_gfm_core_extensions_ensure_registered()
        var options = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE
        if smartPunctuation { options |= CMARK_OPT_SMART }
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        var extensions: UnsafeMutablePointer<cmark_llist>? = nil
        for name in ["table", "strikethrough", "autolink", "tagfilter", "tasklist"] where tagFilter || name != "tagfilter" {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
                extensions = cmark_llist_append(cmark_get_default_mem_allocator(), extensions, UnsafeMutableRawPointer(ext))
            }
        }
        defer { cmark_llist_free(cmark_get_default_mem_allocator(), extensions) }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, options, extensions) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
