using System.Text;
using GoEnv.Core;
using GoEnv.Core.Ci;
using GoEnv.Core.Discovery;
using GoEnv.Core.Pinning;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace GoEnv.Tasks;

/// <summary>
/// Pins the environment a passing check validated: writes the env file and outputs the pinned values, the cache keys
/// and the GoEnvironment items (Name/Value) for <c>Exec EnvironmentVariables="@(GoEnvironment->'%(Identity)=%(Value)')"</c>.
/// Runs the check itself (logging its findings) unless GoEnvCheck already ran it in this build.
/// </summary>
public sealed class GoEnvPin : GoEnvTask
{
    /// <summary>The env file to write.</summary>
    [Required]
    public string EnvFile { get; set; } = "";

    /// <summary>goenv (default: cmd/go's own format, usable as GOENV=file), dotenv, sh, pwsh or json.</summary>
    public string? EnvFileFormat { get; set; }

    /// <summary>The GOTOOLCHAIN to pin; empty: the policy's go.toolchain, else local.</summary>
    public string? Toolchain { get; set; }

    /// <summary>
    /// Optional: an MSBuild file with what this task outputs (the _GoEnvPinned* properties and
    /// _GoEnvPinnedEnvironment items) that GoEnv.Tasks.targets imports at evaluation, so a build in which the pin is
    /// up to date and this task is skipped still has them, without loading this assembly.
    /// </summary>
    public string? ResultFile { get; set; }

    /// <summary>Written into the result file as _GoEnvPinnedStamp: the targets' hash of what the check read.</summary>
    public string? ResultStamp { get; set; }

    /// <summary>The env file written, as an absolute path.</summary>
    [Output]
    public string EnvFilePath { get; private set; } = "";

    /// <summary>SHA-256 of the pinned environment (PinnedEnvironment.ContentHash).</summary>
    [Output]
    public string ContentHash { get; private set; } = "";

    [Output]
    public string GoCacheKeyModules { get; private set; } = "";

    [Output]
    public string GoCacheKeyBuild { get; private set; } = "";

    /// <summary>Restore-key prefixes of the build cache key, most specific first.</summary>
    [Output]
    public string[] GoCacheRestoreKeys { get; private set; } = [];

    /// <summary>One item per pinned variable: identity and Name = the variable, Value = its pinned value.</summary>
    [Output]
    public ITaskItem[] GoEnvironment { get; private set; } = [];

    public override bool Execute()
    {
        if (!EnvFileFormatNames.TryParse(string.IsNullOrWhiteSpace(EnvFileFormat) ? "goenv" : EnvFileFormat.Trim(), out var format))
        {
            PinError($"GoEnvFileFormat '{EnvFileFormat}' is not one of {string.Join('|', EnvFileFormatNames.Words)}; nothing was pinned.");
            return false;
        }

        var result = RunCheck(out var fresh);
        if (fresh)
        {
            FindingLog.LogAll(Log, result.Findings, Diagnostics);
        }

        if (Failed(result))
        {
            if (!fresh)
            {
                // GoEnvCheck reported the findings (its failure was let through with ContinueOnError).
                PinError("The Go environment check failed; nothing was pinned.");
            }

            return false;
        }

        var toolchain = string.IsNullOrWhiteSpace(Toolchain) ? null : Toolchain.Trim();
        var check = PinCheck.For(result, Host(), Options(), toolchain);
        if (check.Refusal is { } refusal)
        {
            PinError(refusal);
            return false;
        }

        if (!ReferenceEquals(check.Result, result))
        {
            // Another installed toolchain is pinned: its own check is what the build relies on.
            result = check.Result;
            SetResolvedValues(result.Snapshot);
            FindingLog.LogAll(Log, result.Findings, Diagnostics);
            if (Failed(result))
            {
                PinError($"The Go environment check of {result.Snapshot.Go?.Path} failed; nothing was pinned.");
                return false;
            }
        }

        var request = new PinRequest
        {
            EnvFilePath = Path.GetFullPath(EnvFile, Path.GetFullPath(WorkingDirectory)),
            Format = format,
            Toolchain = toolchain,
            Notes = check.Note is null ? [] : [check.Note],
            // The env file is not what MSBuild's Exec uses: GoExe and the GoEnvironment items are.
            CallerSetsPath = true,
        };
        PinOutcome? outcome;
        IReadOnlyList<string> problems;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(request.EnvFilePath)!);
            outcome = Pinner.Pin(result, request, out problems);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            PinError($"Cannot write {request.EnvFilePath}: {result.Snapshot.Redactor.Redact(e.Message)}");
            return false;
        }

        if (outcome is null)
        {
            foreach (var problem in problems)
            {
                PinError(problem);
            }

            PinError($"Nothing was pinned to {request.EnvFilePath}.");
            return false;
        }

        foreach (var note in outcome.Notes)
        {
            Log.LogMessage(MessageImportance.Normal, note);
        }

        var pinned = outcome.Environment.Variables;
        string Pinned(string name, string resolved) => pinned.TryGetValue(name, out var value) ? value : resolved;
        GoRoot = Pinned(GoVariableNames.GoRoot, GoRoot);
        GoPath = Pinned(GoVariableNames.GoPath, GoPath);
        GoCache = Pinned(GoVariableNames.GoCache, GoCache);
        GoModCache = Pinned(GoVariableNames.GoModCache, GoModCache);
        GoFlags = Pinned(GoVariableNames.GoFlags, GoFlags);
        var pinnedGo = Path.Combine(outcome.GoBinDirectory, GoLocator.ExecutableName(CurrentOs()));
        GoExe = File.Exists(pinnedGo) ? pinnedGo : GoExe;
        GoVersion = outcome.Environment.GoVersion;
        EnvFilePath = outcome.EnvFilePath;
        ContentHash = outcome.Environment.ContentHash();
        GoCacheKeyModules = outcome.Keys.Modules;
        GoCacheKeyBuild = outcome.Keys.Build;
        GoCacheRestoreKeys = [.. outcome.Keys.BuildRestoreKeys];
        // The goenv format leaves GOENV out (cmd/go reads it from the OS environment only); Exec sets the OS
        // environment, so the items carry the whole pin.
        var items = pinned.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        if (format == Core.Pinning.EnvFileFormat.GoEnv)
        {
            items.TryAdd(GoVariableNames.GoEnv, "off");
        }

        GoEnvironment = [.. items.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => Item(v.Key, v.Value))];
        Log.LogMessage(MessageImportance.Normal, $"GoEnv: pinned {pinned.Count} variables for {GoVersion} to {EnvFilePath} (sha256 {ContentHash}).");

        return string.IsNullOrEmpty(ResultFile) || WriteResultFile(Path.GetFullPath(ResultFile, Path.GetFullPath(WorkingDirectory)));
    }

    private void PinError(string message) =>
        Log.LogError(null, HostDiagnostics.PinNotWritten, HostDiagnostics.PinNotWritten, HostDiagnostics.HelpLink, Diagnostics.File, Diagnostics.Line, Diagnostics.Column, 0, 0, Diagnostics.Text(message, Diagnostics.File));

    private static TaskItem Item(string name, string value)
    {
        var item = new TaskItem(name);
        item.SetMetadata("Name", name);
        item.SetMetadata("Value", value);
        return item;
    }

    private bool WriteResultFile(string path)
    {
        // Property values and item attributes are trimmed or split on line breaks by the time MSBuild reads them back.
        var unfit = GoEnvironment.Where(i => i.GetMetadata("Value") is var v && (v.Contains('\n') || v.Contains('\r') || v.Trim().Length != v.Length)).Select(i => i.ItemSpec).ToList();
        if (unfit.Count > 0)
        {
            PinError($"{string.Join(", ", unfit)}: a value with a line break or surrounding spaces cannot be handed to MSBuild items; set it without them.");
            return false;
        }

        var xml = new StringBuilder();
        xml.Append("<Project>\n  <!-- Written by GoEnv.Tasks (GoEnvPin) and imported by GoEnv.Tasks.targets: the last pin of this project. -->\n  <PropertyGroup>\n");
        foreach (var (name, value) in new[]
        {
            ("Stamp", ResultStamp ?? ""), ("GoRoot", GoRoot), ("GoPath", GoPath), ("GoCache", GoCache), ("GoModCache", GoModCache),
            ("GoFlags", GoFlags), ("GoExe", GoExe), ("GoVersion", GoVersion), ("GoEnvFilePath", EnvFilePath), ("GoEnvContentHash", ContentHash),
            ("GoCacheKeyModules", GoCacheKeyModules), ("GoCacheKeyBuild", GoCacheKeyBuild),
        }.Select(p => (p.Item1, MSBuildText(p.Item2))).Append(
            // The restore keys are a list: each is escaped, its ';' separators stay MSBuild list separators.
            ("GoCacheRestoreKeys", string.Join(';', GoCacheRestoreKeys.Select(MSBuildText)))))
        {
            xml.Append($"    <_GoEnvPinned{name}>{value}</_GoEnvPinned{name}>\n");
        }

        xml.Append("  </PropertyGroup>\n  <ItemGroup>\n");
        foreach (var item in GoEnvironment)
        {
            var name = MSBuildText(item.ItemSpec);
            xml.Append($"    <_GoEnvPinnedEnvironment Include=\"{name}\" Name=\"{name}\" Value=\"{MSBuildText(item.GetMetadata("Value"))}\" />\n");
        }

        xml.Append("  </ItemGroup>\n</Project>\n");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFile.Write(path, new UTF8Encoding(false).GetBytes(xml.ToString()));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            PinError($"Cannot write {path}: {e.Message}");
            return false;
        }
    }

    /// <summary>
    /// A value as MSBuild must read it back unchanged: its special characters %-escaped (no $(…) expansion, no
    /// wildcard, no list split), then XML-escaped (also '"', as the value may be an attribute).
    /// </summary>
    internal static string MSBuildText(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            _ = c switch
            {
                '%' or '*' or '?' or '@' or '$' or '(' or ')' or ';' or '\'' => escaped.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)),
                '&' => escaped.Append("&amp;"),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '"' => escaped.Append("&quot;"),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }
}
