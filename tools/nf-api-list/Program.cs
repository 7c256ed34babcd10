using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

// Writes a nanoFramework package's API list (firmware/nanoframework-api/README.md, "File format")
// from the library's sources, the way the other lists there were made: the .nfproj's <Compile>
// items, Release symbols, bound with Roslyn against in-memory compilations of the libraries it
// references (README.md beside this file). Usage:
//   NfApiList --package ID --version V --source owner/repo@commit --out FILE
//             PROJECT.nfproj [REFERENCED.nfproj ...]
// The referenced projects are given core library first; each is compiled against the ones before it.
var options = new Dictionary<string, string>(StringComparer.Ordinal);
var projects = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i].StartsWith("--", StringComparison.Ordinal))
    {
        options[args[i][2..]] = args[++i];
    }
    else
    {
        projects.Add(Path.GetFullPath(args[i]));
    }
}

if (projects.Count == 0 || !options.ContainsKey("package") || !options.ContainsKey("version") || !options.ContainsKey("source") || !options.ContainsKey("out"))
{
    Console.Error.WriteLine("usage: NfApiList --package ID --version V --source owner/repo@commit --out FILE PROJECT.nfproj [REFERENCED.nfproj ...]");
    return 2;
}

var target = projects[0];
var references = new List<MetadataReference>();
foreach (var project in projects.Skip(1))
{
    var compilation = Compile(project, references);
    references.Add(compilation.ToMetadataReference());
}

var library = Compile(target, references);
var errors = library.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
foreach (var error in errors)
{
    Console.Error.WriteLine(error);
}

var ids = Declared(library.Assembly.GlobalNamespace).Distinct().Order(StringComparer.Ordinal).ToList();
File.WriteAllLines(options["out"], [$"# package: {options["package"]}", $"# version: {options["version"]}", $"# source: {options["source"]}", .. ids]);
Console.WriteLine($"{options["out"]}: {ids.Count} IDs, {errors.Count} compiler errors");
return 0;

static CSharpCompilation Compile(string projectPath, IReadOnlyList<MetadataReference> references)
{
    var project = XDocument.Load(projectPath);
    var directory = Path.GetDirectoryName(projectPath)!;
    var files = project.Descendants().Where(e => e.Name.LocalName == "Compile").Select(e => e.Attribute("Include")!.Value)
        .Select(include => ResolveCaseInsensitive(directory, include.Replace('\\', '/')))
        .ToList();

    // Release package build: TRACE and NANOFRAMEWORK_1_0 from the project system, plus the
    // project's own unconditional DefineConstants (CoreLibrary: NANOCLR_REFLECTION).
    var defines = new List<string> { "TRACE", "NANOFRAMEWORK_1_0" };
    foreach (var element in project.Descendants().Where(e => e.Name.LocalName == "DefineConstants" && e.Attribute("Condition") is null && e.Parent!.Attribute("Condition") is null))
    {
        defines.AddRange(element.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(d => !d.StartsWith("$(", StringComparison.Ordinal)));
    }

    var parse = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Parse, SourceCodeKind.Regular, defines.Distinct());
    var trees = files.Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), parse, file));
    var assemblyName = project.Descendants().First(e => e.Name.LocalName == "AssemblyName").Value;
    Console.WriteLine($"{assemblyName}: {files.Count} files, symbols {string.Join(';', defines.Distinct())}");
    return CSharpCompilation.Create(assemblyName, trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
}

static string ResolveCaseInsensitive(string directory, string relative)
{
    var current = directory;
    foreach (var part in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
    {
        var exact = Path.Combine(current, part);
        current = File.Exists(exact) || Directory.Exists(exact)
            ? exact
            : Directory.EnumerateFileSystemEntries(current).FirstOrDefault(entry => string.Equals(Path.GetFileName(entry), part, StringComparison.OrdinalIgnoreCase))
              ?? throw new FileNotFoundException($"no {part} in {current}");
    }

    return current;
}

static IEnumerable<string> Declared(INamespaceSymbol ns)
{
    foreach (var type in ns.GetTypeMembers().Where(Visible))
    {
        foreach (var id in DeclaredIn(type))
        {
            yield return id;
        }
    }

    foreach (var id in ns.GetNamespaceMembers().SelectMany(Declared))
    {
        yield return id;
    }
}

static IEnumerable<string> DeclaredIn(INamedTypeSymbol type)
{
    yield return type.GetDocumentationCommentId()!;
    foreach (var member in type.GetMembers())
    {
        if (member is INamedTypeSymbol nested)
        {
            if (Visible(nested))
            {
                foreach (var id in DeclaredIn(nested))
                {
                    yield return id;
                }
            }

            continue;
        }

        if (!Visible(member) || Excluded(type, member))
        {
            continue;
        }

        if (member.GetDocumentationCommentId() is { } memberId)
        {
            yield return memberId;
        }
    }
}

// Explicit interface implementations are private, so Visible already drops them.
static bool Visible(ISymbol symbol) =>
    symbol.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal;

// The runtime has no asynchronous delegate invocation; `new SomeEnum()` is never needed.
static bool Excluded(INamedTypeSymbol type, ISymbol member) =>
    (type.TypeKind == TypeKind.Delegate && member.Name is "BeginInvoke" or "EndInvoke")
    || (type.TypeKind == TypeKind.Enum && member is IMethodSymbol { MethodKind: MethodKind.Constructor });
