namespace GoEnv.Core.Discovery;

/// <summary>
/// A .netrc file as cmd/go reads it (cmd/go/internal/auth/netrc.go): whitespace-separated name/value pairs per line, an
/// entry complete once it has machine, login and password (a new `machine` starts over), a `macdef` body skipped up to
/// the next empty line, reading stopped by a `default` left as a line's last word. Git (through curl) reads the same
/// format from ~/.netrc. Passwords are kept only to be masked in output.
/// </summary>
public sealed class NetrcFile
{
    /// <summary>Beyond this size the file is not read (a netrc is a few lines; this bounds memory on hostile input).</summary>
    internal const int MaxBytes = 1 << 20;

    private NetrcFile(string path, List<NetrcMachine> machines, List<string> passwords)
    {
        Path = path;
        Machines = machines;
        Passwords = passwords;
    }

    public string Path { get; }

    /// <summary>The complete entries, in file order.</summary>
    public IReadOnlyList<NetrcMachine> Machines { get; }

    /// <summary>The entries' passwords, for the redactor.</summary>
    public IReadOnlyList<string> Passwords { get; }

    /// <summary>The first entry whose machine is exactly the host (with its port, as cmd/go compares); null when none.</summary>
    public NetrcMachine? For(string host) => Machines.FirstOrDefault(m => string.Equals(m.Machine, host, StringComparison.Ordinal));

    /// <summary>Where cmd/go reads it: NETRC, else the home directory's _netrc (Windows, when it exists) or .netrc.</summary>
    public static string? GoPath(HostEnvironment host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (host.GetNonEmpty("NETRC") is { } explicitPath)
        {
            return explicitPath;
        }

        var home = host.HomeDirectory;
        if (home is null)
        {
            return null;
        }

        var legacy = System.IO.Path.Combine(home, "_netrc");
        return host.Os == HostOs.Windows && File.Exists(legacy) ? legacy : System.IO.Path.Combine(home, ".netrc");
    }

    /// <summary>Where git reads it (curl's default): the home directory's .netrc (_netrc on Windows).</summary>
    public static string? GitPath(HostEnvironment host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var home = host.HomeDirectory;
        return home is null ? null : System.IO.Path.Combine(home, host.Os == HostOs.Windows ? "_netrc" : ".netrc");
    }

    /// <summary>The file, or null when it does not exist, cannot be read, or is larger than <see cref="MaxBytes"/>.</summary>
    public static NetrcFile? Read(string? path)
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.Length <= MaxBytes ? Parse(path, File.ReadAllText(path)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static NetrcFile Parse(string path, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var machines = new List<NetrcMachine>();
        var passwords = new List<string>();
        string machine = "", login = "", password = "";
        var machineLine = 0;
        var inMacro = false;
        var lineNumber = 0;
        foreach (var line in content.Split('\n'))
        {
            lineNumber++;
            if (inMacro)
            {
                inMacro = line.Length != 0;
                continue;
            }

            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var i = 0;
            for (; i < fields.Length - 1; i += 2)
            {
                switch (fields[i])
                {
                    case "machine":
                        (machine, login, password, machineLine) = (fields[i + 1], "", "", lineNumber);
                        break;
                    case "login":
                        login = fields[i + 1];
                        break;
                    case "password":
                        password = fields[i + 1];
                        break;
                    case "macdef":
                        inMacro = true;
                        break;
                }

                if (machine.Length > 0 && login.Length > 0 && password.Length > 0)
                {
                    machines.Add(new NetrcMachine(machine, login, machineLine));
                    passwords.Add(password);
                    (machine, login, password) = ("", "", "");
                }
            }

            if (i < fields.Length && fields[i] == "default")
            {
                break;
            }
        }

        return new NetrcFile(path, machines, passwords);
    }
}
