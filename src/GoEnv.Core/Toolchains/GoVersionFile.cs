using GoEnv.Core.Discovery;
using GoEnv.Core.Go;

namespace GoEnv.Core.Toolchains;

/// <summary>
/// The Go version a repository asks for, read from the file setup-go users already have: go.mod or go.work (the
/// `go` line is the minimum, a `toolchain` line the preferred release), .go-version ("1.22.3" or "1.22"), or
/// asdf's .tool-versions ("golang 1.22.3").
/// </summary>
public sealed record GoVersionFile(string Path, GoVersion Minimum, GoVersion? Preferred, int Line)
{
    /// <summary>Reads the file; null with a message when it names no Go version GoEnv can use.</summary>
    public static GoVersionFile? Read(string path, out string? problem)
    {
        problem = null;
        if (!File.Exists(path))
        {
            problem = $"{path} does not exist";
            return null;
        }

        var name = System.IO.Path.GetFileName(path);
        if (name.EndsWith(".mod", StringComparison.Ordinal) || name.EndsWith(".work", StringComparison.Ordinal))
        {
            var file = ModuleFile.Read(path);
            if (file.Go is not { } go || file.GoLineVersion is not { } minimum)
            {
                problem = file.ReadError ?? $"{path} has no valid `go` line";
                return null;
            }

            return new GoVersionFile(path, minimum, file.Toolchain is { } t ? GoVersion.Parse(t.Value) : null, go.Line);
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"{path} cannot be read: {e.Message}";
            return null;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var text = line;
            if (name == ".tool-versions")
            {
                var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length < 2 || parts[0] is not ("golang" or "go"))
                {
                    continue;
                }

                text = parts[1];
            }

            text = text.StartsWith("go", StringComparison.Ordinal) ? text[2..] : text;
            if (GoVersion.ParseStrict(text) is { } version)
            {
                // "1.22.3" asks for exactly that release (as setup-go reads it); "1.22" for any 1.22.x.
                return new GoVersionFile(path, version, version.IsLanguageVersion ? null : version, i + 1);
            }

            problem = $"{path}:{i + 1}: \"{line}\" is not a Go version";
            return null;
        }

        problem = $"{path} names no Go version";
        return null;
    }
}
