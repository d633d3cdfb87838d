using GoEnv.Core.Go;

namespace GoEnv.Core.Discovery;

/// <summary>
/// The facts GoEnv needs from a go.mod or go.work: the module path, the `go` and `toolchain` lines with their
/// line numbers, whether it requires anything, the `use` directories of a workspace. A tolerant reader of the
/// modfile grammar (comments, blocks, quoted strings): it never throws, and records what it could not parse.
/// </summary>
public sealed class ModuleFile
{
    private ModuleFile(string path) => Path = path;

    public string Path { get; }

    public bool IsWorkspace => System.IO.Path.GetFileName(Path).EndsWith(".work", StringComparison.Ordinal) || HasUse;

    public ModuleDirective? Module { get; private set; }

    public ModuleDirective? Go { get; private set; }

    public ModuleDirective? Toolchain { get; private set; }

    /// <summary>The `go` line as a version (internal/gover's grammar); null when there is none or it does not parse.</summary>
    public GoVersion? GoLineVersion => Go is { } go ? GoVersion.ParseStrict(go.Value) : null;

    public List<ModuleRequirement> Requires { get; } = [];

    public List<ModuleDirective> Uses { get; } = [];

    public List<ModuleReplacement> Replaces { get; } = [];

    /// <summary>Every statement in file order: a directive line, or a block's opening line (its members are not listed).</summary>
    public List<ModuleStatement> Statements { get; } = [];

    /// <summary>The `godebug` settings (line or block form), in file order.</summary>
    public List<ModuleGodebug> Godebugs { get; } = [];

    public string? ReadError { get; private set; }

    private bool HasUse => Uses.Count > 0;

    /// <summary>The nearest file of that name in the directory or one of its parents, as cmd/go looks for go.mod and go.work.</summary>
    public static string? FindUpward(string directory, string name)
    {
        for (var dir = directory; dir is not null; dir = System.IO.Path.GetDirectoryName(dir))
        {
            var candidate = System.IO.Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static ModuleFile Read(string path)
    {
        try
        {
            // One open, one fstat, one read of the exact length: a workspace of 1,000 modules has 1,000 go.mod files
            // to read on every check (the CLI also turns off .NET's advisory flock around each open).
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var bytes = new byte[RandomAccess.GetLength(handle)];
            var read = 0;
            while (read < bytes.Length && RandomAccess.Read(handle, bytes.AsSpan(read), read) is var n and > 0)
            {
                read += n;
            }

            return Parse(path, System.Text.Encoding.UTF8.GetString(bytes, 0, read));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ModuleFile(path) { ReadError = e.Message };
        }
    }

    public static ModuleFile Parse(string path, string text)
    {
        var file = new ModuleFile(path);
        string? block = null;
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var tokens = Tokenize(rawLine);
            if (tokens.Count == 0)
            {
                continue;
            }

            if (block is not null)
            {
                if (tokens[0] == ")")
                {
                    block = null;
                    continue;
                }

                file.Add(block, tokens, 0, lineNumber);
                continue;
            }

            var verb = tokens[0];
            if (tokens.Count >= 2 && tokens[1] == "(")
            {
                block = verb;
                file.Statements.Add(new ModuleStatement(verb, lineNumber, IsBlock: true));
                continue;
            }

            file.Statements.Add(new ModuleStatement(verb, lineNumber, IsBlock: false));
            file.Add(verb, tokens, 1, lineNumber);
        }

        return file;
    }

    private void Add(string verb, List<string> tokens, int argStart, int line)
    {
        var arg = tokens.Count > argStart ? tokens[argStart] : "";
        switch (verb)
        {
            case "module":
                Module ??= new ModuleDirective(arg, line);
                break;
            case "go":
                Go ??= new ModuleDirective(arg, line);
                break;
            case "toolchain":
                Toolchain ??= new ModuleDirective(arg, line);
                break;
            case "require":
                if (arg.Length > 0)
                {
                    Requires.Add(new ModuleRequirement(arg, tokens.Count > argStart + 1 ? tokens[argStart + 1] : "", line));
                }

                break;
            case "use":
                if (arg.Length > 0)
                {
                    Uses.Add(new ModuleDirective(arg, line));
                }

                break;
            case "godebug":
                if (arg.Length > 0)
                {
                    var equals = arg.IndexOf('=', StringComparison.Ordinal);
                    Godebugs.Add(equals < 0 ? new ModuleGodebug(arg, null, line) : new ModuleGodebug(arg[..equals], arg[(equals + 1)..], line));
                }

                break;
            case "replace":
                if (ModuleReplacement.Parse(tokens.GetRange(argStart, tokens.Count - argStart), line) is { } replacement)
                {
                    Replaces.Add(replacement);
                }

                break;
        }
    }

    /// <summary>Splits a line into tokens: words, quoted strings (unquoted), and parentheses; stops at `//`.</summary>
    private static List<string> Tokenize(string line)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '/' && i + 1 < line.Length && line[i + 1] == '/')
            {
                break;
            }

            if (c is '(' or ')')
            {
                tokens.Add(c.ToString());
                i++;
                continue;
            }

            if (c is '"' or '`')
            {
                var end = line.IndexOf(c, i + 1);
                if (end < 0)
                {
                    end = line.Length;
                }

                tokens.Add(line[(i + 1)..end].Replace("\\\"", "\"", StringComparison.Ordinal));
                i = end + 1;
                continue;
            }

            var start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]) && line[i] is not '(' and not ')' && !(line[i] == '/' && i + 1 < line.Length && line[i + 1] == '/'))
            {
                i++;
            }

            tokens.Add(line[start..i]);
        }

        return tokens;
    }
}
