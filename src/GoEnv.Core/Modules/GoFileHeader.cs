using System.Buffers;
using System.Text;

namespace GoEnv.Core.Modules;

/// <summary>
/// The head of a .go file, read as go/build's readGoInfo reads it: the build constraint lines of the leading
/// comments, and the import declarations after the package clause (up to the first other declaration). It scans the
/// UTF-8 bytes in place (every token it looks at is ASCII) and allocates only for constraint lines and import paths:
/// a large tree has tens of thousands of files to read on every check.
/// </summary>
public sealed class GoFileHeader
{
    // Import blocks sit at the top: 64 KiB covers any real file's header without reading generated giants whole.
    private const int MaxHeaderBytes = 64 * 1024;
    private const int FirstRead = 4 * 1024;

    public string? GoBuild { get; private set; }

    public List<string> PlusBuild { get; } = [];

    public List<(string Path, int Line)> Imports { get; } = [];

    /// <summary>True when the text went on past the imports (a declaration followed them), so nothing was cut off.</summary>
    public bool Complete { get; private set; }

    public static GoFileHeader Read(string path)
    {
        // The bytes are read into a pooled buffer: a header needs them only while it is parsed, and a fresh 4 KiB
        // array per file was most of what reading a large tree allocated.
        var buffer = ArrayPool<byte>.Shared.Rent(FirstRead);
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var length = RandomAccess.GetLength(handle);

            // Most headers end in the first few KiB: read that, and more only when the import block goes on past it.
            var want = (int)Math.Min(length, FirstRead);
            while (true)
            {
                var read = 0;
                while (read < want && RandomAccess.Read(handle, buffer.AsSpan(read, want - read), read) is var n and > 0)
                {
                    read += n;
                }

                var header = Parse(buffer.AsSpan(0, read));
                if (header.Complete || read >= length || want >= MaxHeaderBytes)
                {
                    return header;
                }

                want = (int)Math.Min(length, MaxHeaderBytes);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = ArrayPool<byte>.Shared.Rent(want);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new GoFileHeader();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static GoFileHeader Parse(string text) => Parse(Encoding.UTF8.GetBytes(text));

    public static GoFileHeader Parse(ReadOnlySpan<byte> text)
    {
        var header = new GoFileHeader();
        var scanner = new Scanner(text);

        // Leading comments hold the constraint lines; the package clause ends them.
        while (true)
        {
            var token = scanner.Next(header);
            if (token == Kind.End)
            {
                return header;
            }

            if (token != Kind.Identifier || !scanner.Is("package"u8))
            {
                header.Complete = true;
                return header;
            }

            break;
        }

        if (scanner.Next(null) != Kind.Identifier)
        {
            return header;
        }

        while (true)
        {
            var token = scanner.NextCode();
            if (token == Kind.End)
            {
                return header;
            }

            if (token != Kind.Identifier || !scanner.Is("import"u8))
            {
                header.Complete = true;
                return header;
            }

            token = scanner.NextCode();
            if (token == Kind.Open)
            {
                while ((token = scanner.NextCode()) is not (Kind.Close or Kind.End))
                {
                    header.AddSpec(token, ref scanner);
                }
            }
            else if (token != Kind.End)
            {
                header.AddSpec(token, ref scanner);
            }
        }
    }

    private void AddSpec(Kind first, ref Scanner scanner)
    {
        // [name | . | _] "path"
        var token = first;
        if (token is Kind.Identifier or Kind.Other)
        {
            token = scanner.NextCode();
        }

        if (token == Kind.String)
        {
            Imports.Add((scanner.StringValue(), scanner.TokenLine));
        }
    }

    private enum Kind
    {
        End,
        Identifier,
        String,
        Open,
        Close,
        Semicolon,
        Other,
    }

    private ref struct Scanner(ReadOnlySpan<byte> text)
    {
        private readonly ReadOnlySpan<byte> _text = text;
        private int _i;
        private int _line = 1;
        private int _start;
        private int _end;

        public int TokenLine { get; private set; }

        public readonly bool Is(ReadOnlySpan<byte> word) => _text[_start.._end].SequenceEqual(word);

        /// <summary>The string literal's value: a raw string as is, an interpreted one with \" and \\ unescaped.</summary>
        public readonly string StringValue()
        {
            var value = Encoding.UTF8.GetString(_text[(_start + 1)..Math.Max(_start + 1, _end - 1)]);
            return _text[_start] == (byte)'"' && value.Contains('\\', StringComparison.Ordinal)
                ? value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal)
                : value;
        }

        public Kind NextCode()
        {
            Kind token;
            while ((token = Next(null)) == Kind.Semicolon)
            {
            }

            return token;
        }

        /// <summary>The next token; comments are skipped, and given to <paramref name="constraints"/> when it collects constraint lines.</summary>
        public Kind Next(GoFileHeader? constraints)
        {
            while (_i < _text.Length)
            {
                var c = _text[_i];
                if (c == '\n')
                {
                    _line++;
                    _i++;
                    continue;
                }

                if (c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\f' or (byte)'\v')
                {
                    _i++;
                    continue;
                }

                // A UTF-8 byte order mark.
                if (c == 0xEF && _i + 2 < _text.Length && _text[_i + 1] == 0xBB && _text[_i + 2] == 0xBF)
                {
                    _i += 3;
                    continue;
                }

                TokenLine = _line;
                _start = _i;
                if (c == '/' && _i + 1 < _text.Length && _text[_i + 1] == '/')
                {
                    var length = _text[_i..].IndexOf((byte)'\n');
                    _i = length < 0 ? _text.Length : _i + length;
                    constraints?.AddConstraint(_text[_start.._i]);
                    continue;
                }

                if (c == '/' && _i + 1 < _text.Length && _text[_i + 1] == '*')
                {
                    var length = _text[(_i + 2)..].IndexOf("*/"u8);
                    var end = length < 0 ? _text.Length : _i + 2 + length + 2;
                    _line += _text[_i..end].Count((byte)'\n');
                    _i = end;
                    continue;
                }

                _i++;
                switch (c)
                {
                    case (byte)'"' or (byte)'`':
                        while (_i < _text.Length && _text[_i] != c && !(c == '"' && _text[_i] == '\n'))
                        {
                            if (_text[_i] == '\n')
                            {
                                _line++;
                            }

                            _i += c == '"' && _text[_i] == '\\' ? 2 : 1;
                        }

                        _i = Math.Min(_i + 1, _text.Length);
                        _end = _i;
                        return Kind.String;
                    case (byte)'(':
                        _end = _i;
                        return Kind.Open;
                    case (byte)')':
                        _end = _i;
                        return Kind.Close;
                    case (byte)';':
                        _end = _i;
                        return Kind.Semicolon;
                }

                if (IsIdentifierByte(c))
                {
                    while (_i < _text.Length && IsIdentifierByte(_text[_i]))
                    {
                        _i++;
                    }

                    _end = _i;
                    return Kind.Identifier;
                }

                _end = _i;
                return Kind.Other;
            }

            return Kind.End;
        }

        private static bool IsIdentifierByte(byte c) => c is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'_' or >= 0x80;
    }

    private void AddConstraint(ReadOnlySpan<byte> comment)
    {
        if (comment.StartsWith("//go:build"u8) && (comment.Length == 10 || comment[10] is (byte)' ' or (byte)'\t' or (byte)'\r'))
        {
            GoBuild ??= Encoding.UTF8.GetString(comment[10..]).Trim();
        }
        else if (comment.StartsWith("// +build"u8))
        {
            PlusBuild.Add(Encoding.UTF8.GetString(comment[9..]).Trim());
        }
    }
}
