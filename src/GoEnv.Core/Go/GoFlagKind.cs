namespace GoEnv.Core.Go;

internal enum GoFlagKind
{
    Bool,
    Int,
    String,
    Other,
}
