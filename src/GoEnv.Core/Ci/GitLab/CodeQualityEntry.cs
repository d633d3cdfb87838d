namespace GoEnv.Core.Ci.GitLab;

/// <summary>One entry of the Code Quality report, before it is checked and written.</summary>
internal sealed record CodeQualityEntry(string Description, string CheckName, string Fingerprint, string Severity, string Path, int Line);
