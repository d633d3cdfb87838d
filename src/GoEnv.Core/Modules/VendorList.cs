using System.Text;

namespace GoEnv.Core.Modules;

/// <summary>
/// vendor/modules.txt as cmd/go's readVendorList reads it (modload/vendor.go, same grammar 1.19–1.27): `# path
/// version [=> new [version]]` module lines, `## explicit; go 1.N` annotations (a union over lines), and one line per
/// vendored package. A first line `## workspace` marks a vendor directory made by `go work vendor` (Go 1.22+).
/// </summary>
public sealed class VendorList
{
    // vendorPkgModule: the last module line a package is listed under wins.
    private readonly Dictionary<string, VendoredModule> _providers = new(StringComparer.Ordinal);

    // One entry per path and version: a repeated module line adds to the same entry, as Go's map keyed by module does.
    private readonly Dictionary<(string Path, string Version), VendoredModule> _modules = [];

    private VendorList(string path) => Path = path;

    /// <summary>The modules.txt path.</summary>
    public string Path { get; }

    /// <summary>The vendor directory.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(Path) ?? "";

    /// <summary>Every module line, in file order (the same module may appear twice; Go takes the union).</summary>
    public List<VendoredModule> Modules { get; } = [];

    /// <summary>Made by `go work vendor`.</summary>
    public bool IsWorkspace { get; private set; }

    /// <summary>Null when the file could not be read (it then counts as empty, like a missing one).</summary>
    public string? ReadError { get; private set; }

    /// <summary>The module entry Go keys by path and version (annotations of repeated lines united).</summary>
    public VendoredModule? Find(string path, string version) => _modules.TryGetValue((path, version), out var module) ? module : null;

    /// <summary>The module a vendored package comes from (vendorPkgModule); null when the package is not listed.</summary>
    public VendoredModule? ProviderOf(string importPath) => _providers.TryGetValue(importPath, out var module) ? module : null;

    /// <summary>The version the packages came from (vendorVersion): the highest module line of that path with packages.</summary>
    public string? VersionWithPackages(string path) =>
        Modules.Where(m => m.Path == path && m.Version.Length > 0 && m.Packages.Count > 0).Select(m => m.Version).LastOrDefault();

    public static VendorList Read(string modulesTxt)
    {
        var list = new VendorList(modulesTxt);
        string text;
        try
        {
            // Bytes decoded in one go (no StreamReader buffers; a BOM stays, as Go reads it).
            text = Encoding.UTF8.GetString(File.ReadAllBytes(modulesTxt));
        }
        catch (FileNotFoundException)
        {
            return list;
        }
        catch (DirectoryNotFoundException)
        {
            return list;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            list.ReadError = e.Message;
            return list;
        }

        list.Parse(text);
        return list;
    }

    private void Parse(string text)
    {
        // Line by line over the text without splitting it (modules.txt of a large tree has thousands of lines): strings
        // are made only for the paths and versions kept.
        VendoredModule? current = null;
        var number = 0;
        Span<Range> fields = stackalloc Range[8];
        for (var start = 0; start < text.Length;)
        {
            var end = text.AsSpan(start).IndexOf('\n');
            end = end < 0 ? text.Length : start + end;
            var line = text.AsSpan(start, end - start);
            start = end + 1;
            number++;
            if (number == 1 && line.TrimEnd('\r').SequenceEqual("## workspace"))
            {
                IsWorkspace = true;
                continue;
            }

            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                current = ParseModuleLine(line, LineFields.Split(line, LineFields.CharSeparators, fields), fields, number);
                continue;
            }

            if (current is null)
            {
                continue;
            }

            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                for (var rest = line[3..]; rest.Length > 0;)
                {
                    var semicolon = rest.IndexOf(';');
                    var annotation = (semicolon < 0 ? rest : rest[..semicolon]).Trim();
                    rest = semicolon < 0 ? [] : rest[(semicolon + 1)..];
                    if (annotation.SequenceEqual("explicit"))
                    {
                        current.Explicit = true;
                    }
                    else if (annotation.StartsWith("go ", StringComparison.Ordinal))
                    {
                        current.GoVersion = annotation[3..].ToString();
                    }
                }

                continue;
            }

            if (LineFields.Split(line, LineFields.CharSeparators, fields) == 1 && current.Version.Length > 0)
            {
                var package = line[fields[0]].ToString();
                current.Packages.Add((package, number));
                _providers[package] = current;
            }
        }
    }

    private VendoredModule? ParseModuleLine(ReadOnlySpan<char> line, int count, ReadOnlySpan<Range> fields, int number)
    {
        // A line with more fields than a replacement has is still a module line (with no replacement Go accepts).
        var tooMany = count > fields.Length;
        count = Math.Min(count, fields.Length);
        if (count < 3)
        {
            return null;
        }

        var f = new string[count];
        for (var i = 0; i < count; i++)
        {
            f[i] = line[fields[i]].ToString();
        }

        string version;
        int rest;
        if (SemVer.IsValid(f[2]))
        {
            version = f[2];
            rest = 3;
        }
        else if (f[2] == "=>")
        {
            version = "";
            rest = 2;
        }
        else
        {
            return null;
        }

        if (!_modules.TryGetValue((f[1], version), out var module))
        {
            module = new VendoredModule(f[1], version, number);
            _modules[(f[1], version)] = module;
            Modules.Add(module);
        }

        var replacement = f.AsSpan(rest);
        if (!tooMany && replacement.Length >= 2 && replacement[0] == "=>")
        {
            if (replacement.Length == 2)
            {
                module.Replacement = (replacement[1], "");
            }
            else if (replacement.Length == 3 && SemVer.IsValid(replacement[2]))
            {
                module.Replacement = (replacement[1], replacement[2]);
            }
        }

        return module;
    }
}
