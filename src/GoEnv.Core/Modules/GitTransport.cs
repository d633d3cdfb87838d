namespace GoEnv.Core.Modules;

/// <summary>How git reaches a repository URL.</summary>
public enum GitTransport
{
    /// <summary>https:// or http:// (credentials: user-info, a helper, an extra header, .netrc, an askpass program).</summary>
    Https,

    /// <summary>ssh://, git+ssh:// or the scp form user@host:path (credentials: a key or an agent).</summary>
    Ssh,

    /// <summary>A local path or file:// URL (no credentials: the directory must exist).</summary>
    Local,

    /// <summary>git:// and anything else (anonymous).</summary>
    Other,
}
