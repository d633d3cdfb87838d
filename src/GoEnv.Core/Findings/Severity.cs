namespace GoEnv.Core.Findings;

/// <summary>error = Go will fail (or a pinned policy is broken); warning = works but unsafe or not reproducible; notice = worth knowing.</summary>
public enum Severity
{
    Notice,
    Warning,
    Error,
}
