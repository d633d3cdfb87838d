namespace GoEnv.Core.Modules;

/// <summary>
/// The head of a .go file, read as go/build's readGoInfo reads it: the build constraint lines of the leading
/// comments, and the import declarations after the package clause (up to the first other declaration).
/// </summary>
public sealed class GoFileHeader
{
    // Import blocks sit at the top: 64 KiB covers any real file's header without reading generated giants whole.
    private const int MaxHeaderBytes = 64 * 1024;

    public string? GoBuild { get; private set; }

    public List<string> PlusBuild { get; } = [];

    public List<(string Path, int Line)> Imports { get; } = [];

    public static GoFileHeader Read(string path)
    {
        string text;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
            var buffer = new byte[Math.Min(stream.Length, MaxHeaderBytes)];
            var read = 0;
            while (read < buffer.Length && stream.Read(buffer, read, buffer.Length - read) is var n and > 0)
            {
                read += n;
            }

            text = System.Text.Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new GoFileHeader();
        }

        return Parse(text);
    }

    public static GoFileHeader Parse(string text)
    {
        var header = new GoFileHeader();
        var lexer = new Lexer(text);
        // Leading comments: constraint lines. The package clause ends them.
        while (lexer.Next() is { } token)
        {
            if (token.Comment is { } comment)
            {
                var trimmed = comment.Trim();
                if (trimmed.StartsWith("//go:build", StringComparison.Ordinal) && (trimmed.Length == 10 || char.IsWhiteSpace(trimmed[10])))
                {
                    header.GoBuild ??= trimmed[10..].Trim();
                }
                else if (trimmed.StartsWith("// +build", StringComparison.Ordinal))
                {
                    header.PlusBuild.Add(trimmed[9..].Trim());
                }

                continue;
            }

            if (token.Word == "package")
            {
                lexer.Next();
                break;
            }

            return header;
        }

        while (lexer.Next() is { } token)
        {
            if (token.Comment is not null || token.Word == ";")
            {
                continue;
            }

            if (token.Word != "import")
            {
                break;
            }

            var next = lexer.NextCode();
            if (next?.Word == "(")
            {
                while (lexer.NextCode() is { } spec && spec.Word != ")")
                {
                    header.AddSpec(spec, lexer);
                }
            }
            else if (next is not null)
            {
                header.AddSpec(next, lexer);
            }
        }

        return header;
    }

    private void AddSpec(Token first, Lexer lexer)
    {
        // [name | . | _] "path"
        var token = first;
        if (token.String is null && token.Word is not null and not ";")
        {
            token = lexer.NextCode() ?? token;
        }

        if (token.String is { } path)
        {
            Imports.Add((path, token.Line));
        }
    }

    private sealed record Token(string? Word, string? String, string? Comment, int Line);

    private sealed class Lexer(string text)
    {
        private int _i;
        private int _line = 1;

        public Token? NextCode()
        {
            while (Next() is { } t)
            {
                if (t.Comment is null && t.Word != ";")
                {
                    return t;
                }
            }

            return null;
        }

        public Token? Next()
        {
            while (_i < text.Length)
            {
                var c = text[_i];
                if (c == '\n')
                {
                    _line++;
                    _i++;
                    continue;
                }

                if (char.IsWhiteSpace(c) || c == '\uFEFF')
                {
                    _i++;
                    continue;
                }

                var line = _line;
                if (c == '/' && _i + 1 < text.Length && text[_i + 1] == '/')
                {
                    var end = text.IndexOf('\n', _i);
                    end = end < 0 ? text.Length : end;
                    var comment = text[_i..end].TrimEnd('\r');
                    _i = end;
                    return new Token(null, null, comment, line);
                }

                if (c == '/' && _i + 1 < text.Length && text[_i + 1] == '*')
                {
                    var end = text.IndexOf("*/", _i + 2, StringComparison.Ordinal);
                    end = end < 0 ? text.Length : end + 2;
                    _line += text.AsSpan(_i, end - _i).Count('\n');
                    _i = end;
                    // A block comment is no constraint line.
                    return new Token(null, null, "", line);
                }

                if (c is '"' or '`')
                {
                    var start = ++_i;
                    while (_i < text.Length && text[_i] != c && !(c == '"' && text[_i] == '\n'))
                    {
                        _i += c == '"' && text[_i] == '\\' ? 2 : 1;
                    }

                    var value = text[start..Math.Min(_i, text.Length)];
                    _i++;
                    return new Token(null, c == '"' ? value.Replace("\\\"", "\"", StringComparison.Ordinal) : value, null, line);
                }

                if (c is '(' or ')' or ';')
                {
                    _i++;
                    return new Token(c.ToString(), null, null, line);
                }

                var wordStart = _i;
                while (_i < text.Length && !char.IsWhiteSpace(text[_i]) && text[_i] is not '(' and not ')' and not ';' and not '"' and not '`' && !(text[_i] == '/' && _i + 1 < text.Length && text[_i + 1] is '/' or '*'))
                {
                    _i++;
                }

                return new Token(text[wordStart.._i], null, null, line);
            }

            return null;
        }
    }
}
