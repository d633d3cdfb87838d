namespace GoEnv.Core.Go;

/// <param name="Text">The entry as written (trimmed).</param>
/// <param name="Url">"off", "direct", or the URL Go uses (with an implicit "https://" added).</param>
/// <param name="FallBackOnError">True when followed by '|' (try the next entry on any error).</param>
public sealed record GoProxyEntry(string Text, string Url, bool FallBackOnError)
{
    public bool IsKeyword => Url is "off" or "direct";

    public bool IsPlainHttp => Url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The directory of a file:// entry (a module mirror on disk); null for any other entry.</summary>
    public string? MirrorDirectory
    {
        get
        {
            if (!Url.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            try
            {
                return new Uri(Url).LocalPath;
            }
            catch (UriFormatException)
            {
                return null;
            }
        }
    }
}
