using GoEnv.Core.Git;

namespace GoEnv.Benchmarks;

/// <summary>A working directory outside any git work tree: keeps libgit2 (and its rewrite in progress) out of the figures.</summary>
internal sealed class NoRepository : IGitFacts
{
    public string? WorkTreeRoot => null;

    public bool IsInsideWorkTree(string path) => false;

    public bool IsIgnored(string path) => false;
}
