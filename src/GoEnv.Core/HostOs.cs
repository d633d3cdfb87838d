namespace GoEnv.Core;

public enum HostOs
{
    Linux,
    MacOS,
    Windows,
}
