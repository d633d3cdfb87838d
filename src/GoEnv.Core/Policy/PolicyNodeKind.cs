namespace GoEnv.Core.Policy;

internal enum PolicyNodeKind
{
    Scalar,
    Mapping,
    Sequence,
}
