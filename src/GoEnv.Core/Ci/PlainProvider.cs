using GoEnv.Core.Reporting;

namespace GoEnv.Core.Ci;

/// <summary>No CI protocol: the text report, coloured on a terminal.</summary>
public sealed class PlainProvider(HostEnvironment host, CiSettings settings) : CiProvider(host, settings)
{
    public override CiPlatform Platform => CiPlatform.None;

    public override bool Color => Settings.TerminalColor;

    public override void Report(CiRun run, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(log);
        log.Write(TextReport.Render(run.Check, Color, run.Strict));
    }
}
