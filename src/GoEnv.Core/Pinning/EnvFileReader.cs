using System.Text;
using System.Text.Json;
using GoEnv.Core.Discovery;

namespace GoEnv.Core.Pinning;

/// <summary>
/// Reads an env file back into name → (value, line), with each format's consumer's rules, so `verify` can name the
/// file:line of a pinned value: dotenv as GitLab's ParseDotenvArtifactService, go-env as cmd/go's readEnvFile, sh
/// and pwsh as the shell would source what <see cref="EnvFileWriter"/> writes.
/// </summary>
/// <remarks>
/// The sh and pwsh readers are not shell parsers: they accept comments, blank lines and the exact assignment shapes
/// the writer produces, and throw <see cref="FormatException"/> (with the line) for anything else, rather than
/// guess what a hand-edited line would mean to the shell.
/// </remarks>
public static class EnvFileReader
{
    public static EnvFileContent Read(string path, EnvFileFormat format)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Could not read the env file '{path}': {e.Message}", e);
        }

        try
        {
            return Parse(text, format);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Parses file text; a malformed file throws <see cref="FormatException"/> whose message starts with "line N:".</summary>
    public static EnvFileContent Parse(string text, EnvFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(text);
        return format switch
        {
            EnvFileFormat.Dotenv => Dotenv(text),
            EnvFileFormat.Sh => Shell(text, format),
            EnvFileFormat.Pwsh => Shell(text, format),
            EnvFileFormat.Json => Json(text),
            EnvFileFormat.GoEnv => GoEnv(text),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
    }

    private static EnvFileContent Dotenv(string text)
    {
        // GitLab: strip_bom, then each line must match ^(.*?)=(.*)$, key and value are String#strip'ped, the key must
        // match \A[a-zA-Z0-9_]+\z (≤ 255), a blank line fails the file, a duplicate key: the last wins.
        text = text.TrimStart('\uFEFF');
        var variables = new SortedDictionary<string, EnvFileVariable>(StringComparer.Ordinal);
        string? sha256 = null;
        var lines = text.Split('\n');
        var count = text.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        for (var i = 0; i < count; i++)
        {
            var line = lines[i];
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                throw new FormatException($"line {i + 1}: not KEY=value (GitLab rejects blank lines and comments in dotenv)");
            }

            var key = RubyStrip(line[..eq]);
            var value = RubyStrip(line[(eq + 1)..]);
            if (key.Length is 0 or > 255 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw new FormatException($"line {i + 1}: '{key}' is not a GitLab dotenv key ([a-zA-Z0-9_]+, at most 255)");
            }

            if (key == PinHeader.DotenvHashVariable)
            {
                sha256 = value;
                continue;
            }

            variables[key] = new EnvFileVariable(key, value, i + 1);
        }

        return new EnvFileContent { Format = EnvFileFormat.Dotenv, Sha256 = sha256, Variables = variables };
    }

    private static string RubyStrip(string s) => s.Trim(' ', '\t', '\n', '\v', '\f', '\r', '\0');

    private static EnvFileContent GoEnv(string text)
    {
        // Exactly cmd/go's reading (no trimming, first '=' splits, only lines starting with A–Z, last wins).
        var file = GoEnvFile.Parse("", text);
        var variables = new SortedDictionary<string, EnvFileVariable>(StringComparer.Ordinal);
        foreach (var (key, entry) in file.Entries)
        {
            variables[key] = new EnvFileVariable(key, entry.Value, entry.Line);
        }

        string? goVersion = null;
        string? sha256 = null;
        foreach (var line in text.Split('\n'))
        {
            if (PinHeader.TryParse(line, out var v, out var h))
            {
                (goVersion, sha256) = (v, h);
                break;
            }
        }

        return new EnvFileContent { Format = EnvFileFormat.GoEnv, GoVersion = goVersion, Sha256 = sha256, Variables = variables };
    }

    private static EnvFileContent Shell(string text, EnvFileFormat format)
    {
        var variables = new SortedDictionary<string, EnvFileVariable>(StringComparer.Ordinal);
        string? goVersion = null;
        string? sha256 = null;
        var prefix = format == EnvFileFormat.Sh ? "export " : "$env:";
        var separator = format == EnvFileFormat.Sh ? "=" : " = ";
        var pos = 0;
        var line = 1;
        while (pos < text.Length)
        {
            var end = text.IndexOf('\n', pos);
            var lineText = end < 0 ? text[pos..] : text[pos..end];
            if (lineText.Trim().Length == 0 || lineText.StartsWith('#'))
            {
                if (goVersion is null && PinHeader.TryParse(lineText, out var v, out var h))
                {
                    (goVersion, sha256) = (v, h);
                }

                pos = end < 0 ? text.Length : end + 1;
                line++;
                continue;
            }

            var startLine = line;
            if (!lineText.StartsWith(prefix, StringComparison.Ordinal))
            {
                throw new FormatException($"line {line}: expected '{prefix}NAME{separator}'…' (only files written by goenv pin are read)");
            }

            var nameStart = pos + prefix.Length;
            var nameEnd = nameStart;
            while (nameEnd < text.Length && (char.IsAsciiLetterOrDigit(text[nameEnd]) || text[nameEnd] == '_'))
            {
                nameEnd++;
            }

            var name = text[nameStart..nameEnd];
            if (!PinnedEnvironment.IsValidName(name) || string.CompareOrdinal(text, nameEnd, separator, 0, separator.Length) != 0)
            {
                throw new FormatException($"line {line}: expected '{prefix}NAME{separator}'…'");
            }

            pos = nameEnd + separator.Length;
            var value = format == EnvFileFormat.Sh ? ShWord(text, ref pos, ref line) : PwshString(text, ref pos, line);
            if (pos < text.Length && text[pos] != '\n')
            {
                throw new FormatException($"line {line}: unexpected '{text[pos]}' after the quoted value");
            }

            variables[name] = new EnvFileVariable(name, value, startLine);
            pos++;
            line++;
        }

        return new EnvFileContent { Format = format, GoVersion = goVersion, Sha256 = sha256, Variables = variables };
    }

    /// <summary>A word made of '…' runs and \' escapes (what ShQuote writes); '…' may span lines.</summary>
    private static string ShWord(string text, ref int pos, ref int line)
    {
        var value = new StringBuilder();
        while (pos < text.Length && text[pos] != '\n')
        {
            if (text[pos] == '\'')
            {
                var close = text.IndexOf('\'', pos + 1);
                if (close < 0)
                {
                    throw new FormatException($"line {line}: unterminated single quote");
                }

                var run = text[(pos + 1)..close];
                value.Append(run);
                line += run.Count(c => c == '\n');
                pos = close + 1;
            }
            else if (text[pos] == '\\' && pos + 1 < text.Length && text[pos + 1] == '\'')
            {
                value.Append('\'');
                pos += 2;
            }
            else
            {
                throw new FormatException($"line {line}: unquoted '{text[pos]}' in the value (only '…' and \\' are read)");
            }
        }

        return value.ToString();
    }

    /// <summary>A PowerShell single-quoted string: any single-quote character doubled stands for itself.</summary>
    private static string PwshString(string text, ref int pos, int line)
    {
        if (pos >= text.Length || !IsPwshQuote(text[pos]))
        {
            throw new FormatException($"line {line}: expected a single-quoted value");
        }

        var value = new StringBuilder();
        pos++;
        while (true)
        {
            if (pos >= text.Length || text[pos] is '\n' or '\r')
            {
                throw new FormatException($"line {line}: unterminated single quote (the PowerShell format has no multi-line values)");
            }

            if (IsPwshQuote(text[pos]))
            {
                if (pos + 1 < text.Length && IsPwshQuote(text[pos + 1]))
                {
                    value.Append(text[pos + 1]);
                    pos += 2;
                    continue;
                }

                pos++;
                return value.ToString();
            }

            value.Append(text[pos]);
            pos++;
        }
    }

    private static bool IsPwshQuote(char c) => c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B';

    private static EnvFileContent Json(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var variables = new SortedDictionary<string, EnvFileVariable>(StringComparer.Ordinal);
        string? goVersion = null;
        string? sha256 = null;

        // Utf8JsonReader knows no line numbers, so count LFs up to each property name (incrementally).
        var counted = 0;
        var line = 1;
        int LineAt(long index)
        {
            for (; counted < index; counted++)
            {
                if (bytes[counted] == (byte)'\n')
                {
                    line++;
                }
            }

            return line;
        }

        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            Expect(ref reader, JsonTokenType.StartObject, "a JSON object");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = reader.GetString();
                reader.Read();
                switch (property)
                {
                    case "goVersion":
                        goVersion = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new FormatException($"line {LineAt(reader.TokenStartIndex)}: goVersion must be a string");
                        break;
                    case "sha256":
                        sha256 = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new FormatException($"line {LineAt(reader.TokenStartIndex)}: sha256 must be a string");
                        break;
                    case "environment":
                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            throw new FormatException($"line {LineAt(reader.TokenStartIndex)}: environment must be an object");
                        }

                        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                        {
                            var at = LineAt(reader.TokenStartIndex);
                            var name = reader.GetString()!;
                            if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                            {
                                throw new FormatException($"line {at}: the value of {name} must be a string");
                            }

                            // Unlike the line formats there is no consumer rule for duplicates: refuse them.
                            if (!variables.TryAdd(name, new EnvFileVariable(name, reader.GetString()!, at)))
                            {
                                throw new FormatException($"line {at}: {name} appears twice");
                            }
                        }

                        break;
                    default:
                        // Unknown properties are left for newer writers.
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            throw new FormatException($"line {(e.LineNumber ?? 0) + 1}: {e.Message}", e);
        }

        return new EnvFileContent { Format = EnvFileFormat.Json, GoVersion = goVersion, Sha256 = sha256, Variables = variables };
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string what)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new FormatException($"line 1: expected {what}");
        }
    }
}
