namespace CrmKit.Core.Query;

/// <summary>How a <see cref="TextMatchFilter"/> matches (ordinal, case-sensitive).</summary>
public enum TextMatchKind
{
    /// <summary>The value occurs anywhere.</summary>
    Contains = 0,

    /// <summary>The value starts the field.</summary>
    StartsWith = 1,

    /// <summary>The value ends the field.</summary>
    EndsWith = 2,
}
