namespace GoEnv.Core.Discovery;

/// <summary>
/// cmd/go's lookup order (cfg.Getenv / EnvOrAndChanged): a non-empty process variable, else the user's go/env file,
/// else $GOROOT/go.env (never for GOROOT itself), else Go's default. An empty process variable counts as unset.
/// </summary>
internal sealed class SourceResolver
{
    private readonly HostEnvironment _host;
    private readonly GoEnvFile? _userFile;
    private readonly GoEnvFile? _goRootFile;

    public SourceResolver(HostEnvironment host, GoEnvFile? userFile, GoEnvFile? goRootFile)
    {
        _host = host;
        _userFile = userFile;
        _goRootFile = goRootFile;
    }

    public ValueSource Source(string name, out string? raw)
    {
        if (_host.GetNonEmpty(name) is { } env)
        {
            raw = env;
            return ValueSource.ProcessEnvironment;
        }

        if (!GoVariableNames.IsOsOnly(name))
        {
            if (_userFile?.Get(name) is { } user)
            {
                raw = user.Value;
                return new ValueSource(ValueSourceKind.GoEnvFile, _userFile.Path, user.Line);
            }

            if (name != GoVariableNames.GoRoot && _goRootFile?.Get(name) is { } goRoot)
            {
                raw = goRoot.Value;
                return new ValueSource(ValueSourceKind.GoRootEnvFile, _goRootFile.Path, goRoot.Line);
            }
        }

        raw = null;
        return ValueSource.Default;
    }

    public string? Raw(string name)
    {
        Source(name, out var raw);
        return raw;
    }
}
