namespace GoEnv.Core.Ci;

/// <summary>
/// A CI refused what `pin` was to export (a value its protocol cannot carry), before anything was exported: the
/// message names the entry and the reason, never the value (it may be a secret).
/// </summary>
public class ExportRefusedException : Exception
{
    public ExportRefusedException()
    {
    }

    public ExportRefusedException(string message)
        : base(message)
    {
    }

    public ExportRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
