#if canImport(Glibc)
import Glibc
#endif
import Testing
import Liquid

/// Partials come only from inside the loader's roots: `..`, absolute names and symlinks leading out are errors.
@Suite struct LoaderSafetyTests {
    /// A fresh directory tree: root/ (the template root) beside outside/ (which templates must not reach).
    final class Tree {
        let base: String
        var root: String { base + "/root" }

        init() throws {
            var template = Array("/tmp/herald-liquid-loader-XXXXXX".utf8CString)
            guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
                throw LiquidError(.fileSystem, "mkdtemp failed")
            }
            base = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            for dir in ["root", "root/sub", "outside"] { mkdir(base + "/" + dir, 0o755) }
            try write("root/ok.liquid", "ok:{{ v }}")
            try write("root/sub/nested.liquid", "nested")
            try write("outside/secret.liquid", "SECRET")
            symlink(base + "/outside/secret.liquid", base + "/root/link.liquid")
            symlink(base + "/outside", base + "/root/escape")
            symlink(base + "/root/ok.liquid", base + "/root/inside.liquid")
        }

        func write(_ path: String, _ text: String) throws {
            guard let file = fopen(base + "/" + path, "wb") else { throw LiquidError(.fileSystem, "cannot write \(path)") }
            fputs(text, file)
            fclose(file)
        }

        deinit {
            for path in ["root/inside.liquid", "root/escape", "root/link.liquid", "outside/secret.liquid",
                         "root/sub/nested.liquid", "root/ok.liquid"] { unlink(base + "/" + path) }
            for dir in ["outside", "root/sub", "root", ""] { rmdir(base + "/" + dir) }
        }

        func render(_ source: String) throws -> String {
            try LiquidEngine(loader: FileSystemLoader(roots: [root])).parse(source).render(["v": "1"])
        }
    }

    static let escapes = [
        "{% include '../outside/secret' %}",
        "{% render 'sub/../../outside/secret.liquid' %}",
        "{% include '/etc/passwd' %}",
        "{% include 'link' %}",
        "{% render 'escape/secret' %}",
    ]

    @Test(arguments: escapes) func escapingTheRootIsAnError(template: String) throws {
        let tree = try Tree()
        let error = try #require(liquidError { try tree.render(template) })
        #expect(error.kind == .fileSystem)
        #expect(!error.description.contains("SECRET"))
    }

    @Test func templatesInsideTheRootLoad() throws {
        let tree = try Tree()
        #expect(try tree.render("{% include 'ok' %}|{% render 'sub/nested' %}|{% include 'inside' %}|{% render 'ok.liquid' %}")
                == "ok:1|nested|ok:1|ok:")
    }

    @Test func missingTemplateIsAnErrorNotACrash() throws {
        let tree = try Tree()
        let error = try #require(liquidError { try tree.render("{% include 'absent' %}") })
        #expect(error.message.contains("absent"))
    }
}
