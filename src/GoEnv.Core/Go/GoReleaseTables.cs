namespace GoEnv.Core.Go;

/// <summary>Picks, from per-release data, the entry of the newest known release not newer than a Go version.</summary>
internal static class GoReleaseTables
{
    /// <summary>
    /// <paramref name="minors"/> are the releases' minor versions, oldest first. A version between two releases gets
    /// the older one's entry (1.20 gets 1.19's), one before the first gets the first, null gets the newest.
    /// </summary>
    public static T Pick<T>(IReadOnlyList<T> tables, IReadOnlyList<int> minors, GoVersion? version) => tables[PickIndex(minors, version)];

    /// <summary>The index of the release <see cref="Pick{T}"/> would choose.</summary>
    public static int PickIndex(IReadOnlyList<int> minors, GoVersion? version)
    {
        if (version is null)
        {
            return minors.Count - 1;
        }

        for (var i = minors.Count - 1; i > 0; i--)
        {
            if (version.AtLeast(1, minors[i]))
            {
                return i;
            }
        }

        return 0;
    }
}
